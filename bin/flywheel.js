#!/usr/bin/env node
// `npx flywheel <command> ...`: Flywheel's own ingest and review code, the code the app runs, in
// Node. It runs the compiled command line (scripts/build-cli.js, run by `npm ci` and
// `npm run build:cli`); when a source file is newer than that build, or there is none, it runs
// the TypeScript source through tsx instead, so a run never uses stale code.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const compiled = new URL('node_modules/.cache/flywheel/', root);

/** Whether the compiled command line exists and no file it was built from changed since. */
function compiledIsCurrent() {
	try {
		const built = statSync(new URL('main.mjs', compiled)).mtimeMs;
		/** @type {string[]} */
		const inputs = JSON.parse(readFileSync(new URL('inputs.json', compiled), 'utf8'));
		return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
	} catch {
		return false;
	}
}

/** @type {{ main: (argv: string[]) => Promise<number> }} */
let cli;
if (compiledIsCurrent()) {
	cli = await import(new URL('main.mjs', compiled).href);
} else {
	const { register } = await import('tsx/esm/api');
	register();
	cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
