// `npm run build:cli` (and `npm ci`, through `prepare`): compiles the `flywheel` command line,
// src/cli/ and the src/lib code it runs, to ES modules, so a run starts without compiling
// TypeScript. Packages stay in node_modules; only our own code is bundled. Each command is a chunk
// of its own, loaded when it runs: `flywheel --help` loads neither DuckDB nor the review code.
//
// The output lives in node_modules/.cache/flywheel/ (`vite build` empties build/; like any cache it
// is never committed, linted or formatted), with the list of source files it was built from:
// bin/flywheel.js runs the TypeScript source instead when any of them is newer than the build.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'node_modules/.cache/flywheel');

rmSync(outdir, { recursive: true, force: true });
const result = await build({
	absWorkingDir: root,
	// The configuration's worker (src/cli/review-config.ts) is found beside the code that starts it:
	// every chunk sits in one folder with the entry points.
	entryPoints: ['src/cli/main.ts', 'src/cli/config-worker.ts'],
	outdir,
	// node_modules/ ends the search for a package.json with "type": "module": say it in the name.
	outExtension: { '.js': '.mjs' },
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	// Not tsconfig.json: it extends .svelte-kit/tsconfig.json, which `npm ci` has not made yet.
	tsconfigRaw: {},
	metafile: true,
	logLevel: 'warning'
});

const inputs = Object.keys(result.metafile.inputs).sort();
writeFileSync(join(outdir, 'inputs.json'), JSON.stringify(inputs, null, '\t') + '\n');
