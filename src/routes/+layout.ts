// How every page prints: loaded with the app, so it applies to the review pages as they are.
import '../app.css';
import '../print.css';

// Flywheel runs entirely in the browser: customer data never reaches a server.
export const ssr = false;
export const prerender = false;
