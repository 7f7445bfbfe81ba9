// Serves a built static app on localhost (the app's build/ by default), falling back to
// index.html for client-side routes. Used by `npm start`, the end-to-end tests and the benchmark.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.yaml': 'text/yaml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * @param {{ root?: string, port?: number, host?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startServer(options = {}) {
	const root = resolve(options.root ?? 'build');
	const host = options.host ?? '127.0.0.1';
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(`No built app in ${root}: run \`npm run build\` first.`);
	}
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, path));
		if (!file.startsWith(root)) {
			response.writeHead(403).end();
			return;
		}
		if (!existsSync(file) || statSync(file).isDirectory()) {
			const index = join(file, 'index.html');
			file = existsSync(index) ? index : join(root, 'index.html');
		}
		const type =
			TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
		const immutable = path.includes('/_app/immutable/');
		response.writeHead(200, {
			'Content-Type': type,
			'Content-Length': statSync(file).size,
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			resolvePromise({
				url: `http://${host}:${port}/`,
				close: () => new Promise((done) => server.close(() => done(undefined)))
			});
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const port = Number(process.env.PORT ?? 4173);
	const { url } = await startServer({ port });
	console.log(`Flywheel is running at ${url} (Ctrl+C to stop)`);
}
