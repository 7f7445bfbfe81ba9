// Builds the benchmark page (bench/page) to bench/dist: `npm run bench` runs this build itself.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
	root: here('./page'),
	base: './',
	logLevel: 'warn',
	resolve: { alias: { $lib: here('../src/lib') } },
	worker: { format: 'es' },
	build: {
		outDir: here('./dist'),
		emptyOutDir: true,
		// Same folder name as the app's hashed assets, so scripts/serve.js caches them as immutable.
		assetsDir: '_app/immutable',
		chunkSizeWarningLimit: 1500,
		reportCompressedSize: false
	}
});
