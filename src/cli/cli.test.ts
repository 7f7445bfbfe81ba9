/**
 * `flywheel` loads only what a command needs (run as the user runs it, `node bin/flywheel.js`):
 * the usage loads no DuckDB, and `inspect` loads DuckDB but not the review's code. `review`
 * parses its configuration on a worker thread and says why it cannot as it did before.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReviewConfig } from '../lib/metrics/config';

let folder: string;
let preload: string;
let csv: string;

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'flywheel-cli-'));
	// Every CommonJS package a run loads lands in require's cache, whether imported or required.
	preload = path.join(folder, 'loaded.cjs');
	writeFileSync(
		preload,
		`process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache))));`
	);
	csv = path.join(folder, 'two.csv');
	writeFileSync(csv, 'date,sessions\n2025-01-01,3\n2025-01-02,4\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The packages (node_modules/<name>) a run of `flywheel ...args` loaded, and its stdout. */
async function packagesLoaded(...args: string[]): Promise<{ packages: string[]; stdout: string }> {
	const { stdout, stderr } = await promisify(execFile)(process.execPath, [
		'--require',
		preload,
		'bin/flywheel.js',
		...args
	]);
	const files = JSON.parse(stderr.slice(stderr.lastIndexOf('LOADED ') + 7)) as string[];
	const names = files.map((f) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1]);
	return { packages: [...new Set(names.filter((n): n is string => !!n))], stdout };
}

describe('flywheel loads only what a command needs', () => {
	it('prints its usage, and a command’s help, without loading DuckDB', async () => {
		const { packages, stdout } = await packagesLoaded('--help');
		expect(stdout).toContain('\nUsage: flywheel COMMAND [options]\n');
		expect(packages.filter((p) => p.startsWith('@duckdb/'))).toEqual([]);
		const help = await packagesLoaded('review', '--help');
		expect(help.stdout).toContain(
			'\nUsage: flywheel review FILE... [--config CONFIG.yaml] [options]\n'
		);
		expect(help.packages.filter((p) => p.startsWith('@duckdb/') || p === 'yaml')).toEqual([]);
	});

	it('inspects a file on native DuckDB without loading the review code', async () => {
		const { packages, stdout } = await packagesLoaded('inspect', csv);
		// The metrics table: values, no data, sum, dates.
		expect(stdout).toMatch(/\n {2}sessions +2 +0 +7 {2}2025-01-01 to 2025-01-02\n/);
		expect(packages).toContain('@duckdb/node-api');
		expect(packages).not.toContain('@duckdb/duckdb-wasm');
		// The review's configuration is YAML: `inspect` never reads one.
		expect(packages).not.toContain('yaml');
	});
});

const WBR_APP = path.resolve('../shared/peers/wbr-app');

describe('flywheel review parses its configuration on a worker thread', () => {
	it('gets every configuration back whole (a worker answers with a structured clone)', () => {
		const files = [
			'data/demo-catalog.yaml',
			...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => path.join(WBR_APP, `scenario_${n}/config.yaml`)),
			path.join(WBR_APP, 'demo_uploads/1-wbr-sample-config.yaml'),
			path.join(WBR_APP, 'demo_uploads/2-wbr-sample-config-with-filter.yaml')
		];
		for (const file of files) {
			const config = loadReviewConfig(readFileSync(file, 'utf8'), path.basename(file));
			// Deep equality that also compares prototypes: only plain data survives a clone.
			expect(isDeepStrictEqual(structuredClone(config), config), file).toBe(true);
		}
	});

	it('says why it cannot read a configuration, as before, and exits 1', async () => {
		const config = path.join(folder, 'bad.yaml');
		// Past the size a worker parses (src/cli/review-config.ts): 1,000 comment lines first.
		const comments = '# a configuration large enough to be parsed on a worker thread\n'.repeat(
			1000
		);
		writeFileSync(config, `${comments}setup:\n  week_ending: [oops\n`);
		const failure = await promisify(execFile)(process.execPath, [
			'bin/flywheel.js',
			'review',
			csv,
			'--config',
			config
		]).catch((error: { code: number; stderr: string }) => error);
		expect(failure).toMatchObject({ code: 1 });
		expect((failure as { stderr: string }).stderr).toMatch(
			/^flywheel review: bad\.yaml:1003: Flow sequence in block collection/
		);
	});
});
