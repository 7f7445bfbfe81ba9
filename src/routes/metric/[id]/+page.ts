// Metric ids come from the user's data, so there is nothing to prerender: the fallback page serves it.
export const prerender = false;
