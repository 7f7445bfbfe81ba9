// Flywheel runs entirely in the browser: customer data never reaches a server.
export const ssr = false;
export const prerender = false;
