import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Client-side only: every route falls back to index.html and renders in the browser.
		adapter: adapter({ fallback: 'index.html', strict: true })
	}
};

export default config;
