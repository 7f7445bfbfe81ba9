// `npm run bench`: generates the CSVs, builds the bench page, measures native DuckDB and headless
// Chromium run by run, prints one markdown table and writes it to bench/results.md.
//
//   npm run bench                               all sizes (100k, 1m, 5m) + the wide file, 3 runs
//   npm run bench -- --sizes=100k --runs=1      a quick check (or BENCH_SIZES=100k BENCH_RUNS=1)
//   npm run bench -- --load=read_csv            force the load path: auto (default) | read_csv | ingest
//   npm run bench -- --only=review              only the review at scale (bench/review-scale.js),
//                                               replacing that section of bench/results.md
//   npm run bench -- --only=evidence            only the evidence rows of that section (the 500-metric
//                                               deck's links and suggestions), printed, not written
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { startServer } from '../scripts/serve.js';
import { browserRun } from './browser.js';
import { LONG_SIZES, generateData } from './generate.js';
import { nativeRun } from './native.js';
import { buildRows, toMarkdown } from './report.js';
import { evidenceScale, reviewScale } from './review-scale.js';
import { reviewSwitch, switchTable } from './review-switch.js';

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const git = (/** @type {string} */ args) =>
	execSync(`git ${args}`, { cwd: here('..'), encoding: 'utf8' }).trim();

const { values: flags } = parseArgs({
	options: {
		sizes: { type: 'string' },
		runs: { type: 'string' },
		load: { type: 'string' },
		only: { type: 'string' }
	}
});
const sizes = (flags.sizes ?? process.env.BENCH_SIZES ?? Object.keys(LONG_SIZES).join(','))
	.split(',')
	.map((s) => s.trim().toLowerCase());
const unknown = sizes.filter((s) => !(s in LONG_SIZES));
if (unknown.length)
	throw new Error(`unknown size ${unknown.join(', ')}: use ${Object.keys(LONG_SIZES).join(', ')}`);
const runs = Number(flags.runs ?? process.env.BENCH_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1)
	throw new Error(`--runs=${flags.runs}: use a whole number >= 1`);
const load = flags.load ?? process.env.BENCH_LOAD ?? 'auto';
if (load !== 'auto' && load !== 'read_csv' && load !== 'ingest')
	throw new Error(`--load=${load}: use auto, read_csv or ingest`);

const log = (/** @type {string} */ line) => console.log(line);
const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;

const only = flags.only ?? process.env.BENCH_ONLY ?? 'all';
if (only !== 'all' && only !== 'review' && only !== 'evidence')
	throw new Error(`--only=${only}: use review or evidence`);
const appBuild = process.env.FLYWHEEL_BUILD ?? here('../build');

/** The review-at-scale section, against the bench page served from bench/dist. */
async function reviewSection() {
	const server = await startServer({ root: here('./dist'), quiet: true });
	try {
		return await reviewScale({ benchUrl: server.url, appBuild, log });
	} finally {
		await server.close();
	}
}

if (only === 'evidence') {
	if (!existsSync(here('../.svelte-kit/tsconfig.json'))) {
		execSync('npx svelte-kit sync', { cwd: here('..'), stdio: 'inherit' });
	}
	await build({ configFile: here('./vite.config.ts') });
	const server = await startServer({ root: here('./dist'), quiet: true });
	try {
		log(`\n${await evidenceScale({ benchUrl: server.url, log })}`);
	} finally {
		await server.close();
	}
	process.exit(0);
}

if (only === 'review') {
	if (!existsSync(here('../.svelte-kit/tsconfig.json'))) {
		execSync('npx svelte-kit sync', { cwd: here('..'), stdio: 'inherit' });
	}
	await build({ configFile: here('./vite.config.ts') });
	let section = await reviewSection();
	if (existsSync(`${appBuild}/index.html`)) {
		log('Switching week in the built app, demo data (bench/review-switch.js) ...');
		section += `\n\n${switchTable(await reviewSwitch({ root: appBuild, log }))}`;
	}
	const path = here('./results.md');
	const previous = existsSync(path) ? readFileSync(path, 'utf8') : '# Flywheel benchmark\n';
	const at = previous.indexOf('## The review at scale');
	const context = `Commit ${git('rev-parse --short HEAD')}, ${new Date().toISOString()}; load average ${loadBefore.toFixed(2)} before / ${(loadavg()[0] ?? 0).toFixed(2)} after.`;
	const updated = `${at < 0 ? `${previous.trimEnd()}\n\n` : previous.slice(0, at)}${section}\n\n${context}\n`;
	log(`\n${section}`);
	writeFileSync(path, updated);
	log('Wrote the review section of bench/results.md');
	process.exit(0);
}

log('Generating data in bench/data/ ...');
const files = await generateData(
	here('./data'),
	/** @type {(keyof typeof LONG_SIZES)[]} */ (sizes)
);

log('Building the bench page (bench/dist/) ...');
// The tsconfig chain the build reads ends in .svelte-kit/tsconfig.json, absent in a fresh clone.
if (!existsSync(here('../.svelte-kit/tsconfig.json'))) {
	execSync('npx svelte-kit sync', { cwd: here('..'), stdio: 'inherit' });
}
await build({ configFile: here('./vite.config.ts') });

// The ingest path counts once it has landed (is committed); before that, auto means plain read_csv.
const landed = git('ls-files src/lib/ingest') !== '';
const mode = load === 'auto' && !landed ? 'read_csv' : load;
if (mode !== load) log('src/lib/ingest is not committed yet: measuring plain read_csv.');

// Native and browser alternate run by run, so drifting machine load hits both alike.
/** @type {import('./browser.js').Samples} */
const samples = {};
/** @type {Record<string, number[]>} */
const nativeLoads = {};
/** @type {Record<string, number[]>} */
const nativeIngests = {};
let nativeThreads = '?';
let browser = { ingest: false, version: '' };
const server = await startServer({ root: here('./dist') });
try {
	for (let run = 1; run <= runs; run++) {
		log(`Run ${run}/${runs}: native DuckDB, then headless Chromium ...`);
		nativeThreads = await nativeRun(files, nativeLoads, nativeIngests);
		browser = await browserRun(server.url, files, { load: mode, samples, log });
	}
} finally {
	await server.close();
}

// Switching week runs the app's own review route, so it needs the built app (not the bench page).
let switchReport = `Switch week: skipped, no built app in ${appBuild} (run \`npx vite build\`).`;
if (existsSync(`${appBuild}/index.html`)) {
	log('Switching week in the built app (bench/review-switch.js) ...');
	switchReport = switchTable(await reviewSwitch({ root: appBuild, log }));
}

const pkgVersion = (/** @type {string} */ pkg) =>
	JSON.parse(readFileSync(here(`../node_modules/${pkg}/package.json`), 'utf8')).version;
const commit = git('rev-parse --short HEAD');
const table = toMarkdown(
	buildRows({
		files,
		browser: samples,
		native: nativeLoads,
		nativeIngest: nativeIngests,
		nativeThreads,
		ingest: browser.ingest
	})
);
const minutes = ((performance.now() - started) / 60000).toFixed(1);
const context = [
	`Commit ${commit}, ${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${loadBefore.toFixed(2)} before / ${(loadavg()[0] ?? 0).toFixed(2)} after; took ${minutes} min.`,
	`${browser.version} (headless), Node ${process.version}, @duckdb/duckdb-wasm ${pkgVersion('@duckdb/duckdb-wasm')}, @duckdb/node-api ${pkgVersion('@duckdb/node-api')}; ${runs} run(s) alternating native and browser, sizes ${sizes.join(', ')}; browser load path: ${browser.ingest ? 'ingestFiles (src/lib/ingest)' : 'plain read_csv'}.`
];
const notes = [
	'- Engine ready: navigation start to the engine answering `SELECT 42` (wasm download, instantiate, open, warm-up). First visit = fresh profile; reload = same profile.',
	"- CSV → queryable table: register the `<input type=file>` File handle + load + `count(*)`; each file in a freshly reloaded page. Native: `@duckdb/node-api` on a fresh in-memory database, two ways: Flywheel's own `ingestFiles` (the same TypeScript and SQL as the browser, through src/lib/engine/native.ts: the like-for-like yardstick the ratio budget uses) and a bare `CREATE TABLE AS SELECT * FROM read_csv(...)` (what DuckDB alone needs, without Flywheel's checks).",
	'- Raw lower bound: `file.arrayBuffer()` of the same File on the main thread. Weekly aggregate: `sum(value)` by metric and Saturday week ending (wide: UNPIVOT first). First chart: ECharts init + setOption of one metric, no animation, until `finished`.',
	'- Longest main-thread task: PerformanceObserver `longtask`; 0 ms means no task over 50 ms. Its budget applies to the maximum over all runs; the others to the median.'
];
if (!sizes.includes('1m')) context.push('The 1M load budgets were not evaluated: 1M was not run.');
notes.push(
	"- Demo review: the demo operational review in the built app; engine ready (the app's performance mark) to the first review drawn; then from the week picker change to the frame showing the new week (cold = a week not built yet). Median of 5."
);
log('The review at scale (bench/review-scale.js) ...');
const scaleReport = await reviewSection();
const report = `# Flywheel benchmark\n\n${context.join('\n')}\n\n${table}\n\n${switchReport}\n\n${notes.join('\n')}\n\n${scaleReport}\n`;
log(`\n${report}`);
writeFileSync(here('./results.md'), report);
log('Wrote bench/results.md');
