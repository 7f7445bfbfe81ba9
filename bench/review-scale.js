// The review at WBR scale, for `npm run bench` (or alone: `node bench/review-scale.js`):
//
// - the command line: `flywheel inspect` of a two-line file, `flywheel review --json` of wide daily
//   exports of 10 to 2,000 metrics over three years (wall time from spawn to exit, peak RSS);
// - the review code itself (bench/review-code.ts) in the browser (the bench page, DuckDB-WASM) and
//   natively (@duckdb/node-api) on the same files, and the ratio of the two;
// - the app as a person uses it (the built app in headless Chromium): the 500-metric export through
//   /upload, then the operational review's exception list, the strategic review, weeks never shown
//   and the other view; a long export of 500 metrics x 8 segments (4.4M rows): load, review, a
//   segment filter switch. The longest main-thread task while the reviews build.
//
// Files are generated in bench/data/ (not committed).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';
import { startServer } from '../scripts/serve.js';
import { random } from './generate.js';
import { median } from './report.js';

/** @typedef {{ path: string, config: string, bytes: number }} WideFile */
/** @typedef {import('./review-code').ReviewTimings & { longestTaskMs: number }} Timings */

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
export const METRIC_COUNTS = [10, 100, 500, 1000, 2000];
/** The deck whose evidence is timed: 250 declared links, 62,250 undeclared pairs. */
const EVIDENCE_METRICS = 500;
const DAYS = 1092; // 156 weeks, 2022-11-27 (a Sunday) to 2025-11-22 (a Saturday)
const FIRST_DAY = Date.UTC(2022, 10, 27);
const DAY_MS = 86_400_000;
const iso = (/** @type {number} */ day) =>
	new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

/**
 * Writes `lines()`'s strings to `path` unless a file of that name exists already.
 * @param {string} path @param {() => Iterable<string>} lines
 */
async function write(path, lines) {
	if (existsSync(path)) return path;
	const out = createWriteStream(`${path}.part`);
	for (const chunk of lines()) if (!out.write(chunk)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
	const { renameSync } = await import('node:fs');
	renameSync(`${path}.part`, path);
	return path;
}

/**
 * A wide daily export: `date` and `metrics` columns of noisy levels, and its WBR App config.
 * @param {string} dir @param {number} metrics
 * @returns {Promise<WideFile>}
 */
export async function wideExport(dir, metrics) {
	const path = join(dir, `review-wide-${metrics}.csv`);
	await write(path, function* () {
		const next = random(metrics);
		const levels = Array.from({ length: metrics }, () => 100 + next() * 10_000);
		yield `date,${levels.map((_, i) => `m${i}`).join(',')}\n`;
		for (let day = 0; day < DAYS; day++) {
			yield `${iso(day)},${levels.map((l) => (l * (0.9 + 0.2 * next())).toFixed(2)).join(',')}\n`;
		}
	});
	const config = join(dir, `review-wide-${metrics}.yaml`);
	const blocks = Array.from(
		{ length: metrics },
		(_, i) =>
			`  - block:\n      ui_type: 6_12Graph\n      title: M${i}\n      metrics:\n        m${i}:\n          graph_prior_year_flag: true\n`
	);
	const defs = Array.from(
		{ length: metrics },
		(_, i) => `  m${i}:\n    column: m${i}\n    aggf: sum\n`
	);
	writeFileSync(
		config,
		`setup:\n  week_ending: 22-NOV-2025\n  week_number: 47\n  title: Scale\n\nmetrics:\n${defs.join('')}\ndeck:\n${blocks.join('')}`
	);
	return { path, config, bytes: statSync(path).size };
}

/**
 * A long export: date, metric, region, channel, value; 500 metrics x 4 regions x 2 channels.
 * @param {string} dir @returns {Promise<{ path: string, bytes: number }>}
 */
async function segmentedExport(dir) {
	const path = join(dir, 'review-long-segments.csv');
	await write(path, function* () {
		const next = random(8);
		const levels = Array.from({ length: 500 }, () => 10 + next() * 1000);
		yield 'date,metric,region,channel,value\n';
		for (let day = 0; day < DAYS; day++) {
			const date = iso(day);
			/** @type {string[]} */
			const lines = [];
			levels.forEach((level, m) => {
				for (const region of ['North', 'South', 'East', 'West']) {
					for (const channel of ['web', 'app']) {
						lines.push(
							`${date},metric_${m},${region},${channel},${(level * (0.9 + 0.2 * next())).toFixed(2)}\n`
						);
					}
				}
			});
			yield lines.join('');
		}
	});
	return { path, bytes: statSync(path).size };
}

/**
 * Runs `node bin/flywheel.js ...args`: wall milliseconds, peak RSS (MB, from the child's own
 * resource usage, via bench/max-rss.js) and stdout.
 * @param {string[]} args @returns {Promise<{ ms: number, rssMb: number, stdout: string }>}
 */
async function flywheel(args) {
	const began = performance.now();
	const child = spawn(
		process.execPath,
		['--import', here('./max-rss.js'), here('../bin/flywheel.js'), ...args],
		{
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const [code] = await once(child, 'close');
	const ms = performance.now() - began;
	if (code !== 0) throw new Error(`flywheel ${args[0]} exited ${code}: ${stderr.slice(0, 500)}`);
	const rss = /max-rss-kb (\d+)/.exec(stderr);
	return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout };
}

/**
 * The bench page (bench/dist, built by run.js) running the review code on each file.
 * @param {string} url @param {[number, WideFile][]} files @param {(line: string) => void} log
 * @returns {Promise<Record<number, Timings>>}
 */
async function browserReviews(url, files, log) {
	const profile = join(here('./data'), 'profile-review');
	const context = await chromium.launchPersistentContext(`${profile}-${Date.now()}`, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true
	});
	/** @type {Record<number, Timings>} */
	const results = {};
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url);
		for (const [metrics, file] of files) {
			await page.reload();
			await page.evaluate(() => window.bench.ready());
			await page.setInputFiles('#csv', file.path);
			// The evidence target is the 500-metric deck's (src/lib/evidence/README.md).
			const options = { evidence: metrics === EVIDENCE_METRICS };
			results[metrics] = await page.evaluate((o) => window.bench.review(o), options);
			log(
				`  browser, ${metrics} metrics: first review ${(results[metrics].storeMs + results[metrics].operationalMs).toFixed(0)} ms`
			);
		}
	} finally {
		await context.close();
	}
	return results;
}

/**
 * Milliseconds from `act()` to the review of `path` drawn, not pending a rebuild.
 * @param {import('playwright-core').Page} page @param {() => Promise<unknown>} act @param {string} path
 */
async function drawn(page, act, path) {
	const began = Date.now();
	await act();
	await page.waitForURL((u) => u.pathname === path);
	await page
		.locator('[data-week-ending]:not(.stale) #exceptions-title')
		.first()
		.waitFor({ timeout: 300_000 });
	return Date.now() - began;
}

/**
 * The built app as a person uses it, on the 500-metric export and the segmented one.
 * @param {string} appBuild @param {{ path: string }} wide @param {{ path: string }} segmented
 * @param {(line: string) => void} log
 * @returns {Promise<Record<string, any>>}
 */
async function appRuns(appBuild, wide, segmented, log) {
	const server = await startServer({ root: appBuild, quiet: true });
	/** @type {Record<string, any>} */
	const results = {};
	try {
		/** @type {[string, { path: string }][]} */
		const runs = [
			['wide', wide],
			['segments', segmented]
		];
		for (const [name, file] of runs) {
			const context = await chromium.launchPersistentContext(
				join(here('./data'), `profile-app-${Date.now()}`),
				{
					executablePath: CHROMIUM,
					args: CHROMIUM_ARGS,
					headless: true,
					viewport: { width: 1280, height: 900 }
				}
			);
			try {
				const page = context.pages()[0] ?? (await context.newPage());
				/** @type {string[]} */
				const errors = [];
				page.on('pageerror', (e) => errors.push(e.message));
				await page.goto(new URL('upload', server.url).href);
				await page.getByText('Engine ready').waitFor({ timeout: 60_000 });
				const began = Date.now();
				await page.getByTestId('file-input').setInputFiles(file.path);
				await page.getByRole('button', { name: /^Load 1 file/ }).click();
				await page.locator('tr[data-file]').first().waitFor({ timeout: 600_000 });
				/** @type {Record<string, any>} */
				const r = { loadMs: Date.now() - began };
				await page.evaluate(() => {
					const tasks = { longest: 0 };
					Object.assign(window, { benchTasks: tasks });
					new PerformanceObserver((list) => {
						for (const e of list.getEntries()) tasks.longest = Math.max(tasks.longest, e.duration);
					}).observe({ type: 'longtask' });
				});
				const link = (/** @type {RegExp} */ label) => () =>
					page.getByRole('link', { name: label }).first().click();
				r.operationalMs = await drawn(page, link(/Operational review/), '/operational');
				r.strategicMs = await drawn(page, link(/Strategic review/), '/strategic');
				r.longestTaskMs = await page.evaluate(() => Reflect.get(window, 'benchTasks').longest);
				if (name === 'wide') {
					await page.goto(new URL('operational', server.url).href);
					await page.locator('[data-week-ending]:not(.stale) #exceptions-title').first().waitFor();
					const weeks = await page
						.locator('[data-week-picker] option')
						.evaluateAll((els) => els.map((e) => /** @type {HTMLOptionElement} */ (e).value));
					r.weekSwitchMs = [];
					r.viewSwitchMs = [];
					for (let i = 1; i <= 5; i++) {
						const week = weeks[7 * i] ?? null;
						r.weekSwitchMs.push(
							await drawn(
								page,
								() => page.locator('[data-week-picker]').selectOption(week),
								'/operational'
							)
						);
						r.viewSwitchMs.push(await drawn(page, link(/Strategic review/), '/strategic'));
						await drawn(page, link(/Operational review/), '/operational');
					}
				} else {
					const region = (/** @type {string} */ value) => () =>
						page.getByLabel('Region').selectOption(value);
					r.segmentSwitchMs = [];
					for (const value of ['North', 'South', 'East']) {
						r.segmentSwitchMs.push(await drawn(page, region(value), '/strategic'));
					}
					r.segmentBackMs = await drawn(page, region('North'), '/strategic');
				}
				r.errors = errors;
				results[name] = r;
				log(`  app, ${name}: ${JSON.stringify(r)}`);
			} finally {
				await context.close();
			}
		}
	} finally {
		await server.close();
	}
	return results;
}

/**
 * The evidence rows: the 500-metric deck as a metric tree, judged after its review, in the
 * browser (the budget) and natively.
 * @param {import('./evidence-code').EvidenceTimings | undefined} browser
 * @param {import('./evidence-code').EvidenceTimings | undefined} native
 * @returns {string[]}
 */
function evidenceRows(browser, native) {
	if (!browser || !native) return ['| Evidence rows missing: no evidence timings | | | | |'];
	const what = `Evidence after the review: ${browser.links} declared links and the suggestion search over ${browser.pairs.toLocaleString('en-US')} undeclared pairs (weekly history from the review's cache, then the judging)`;
	const file = `wide ${EVIDENCE_METRICS} metrics`;
	const value = (/** @type {import('./evidence-code').EvidenceTimings} */ t) =>
		`${fmt(t.totalMs)} (the judging alone, run again: ${fmt(t.judgeMs)})`;
	return [
		`| ${what}, browser | ${file} | ${value(browser)} | ≤ ${fmt(1000)} | ${verdict(browser.totalMs, 1000)} |`,
		`| ${what}, native | ${file} | ${value(native)} | | |`,
		`| Evidence on noise, browser = native: links supported, links suggested (${browser.weeks} weeks) | ${file} | ${browser.supported} = ${native.supported}, ${browser.suggested} = ${native.suggested} | | |`
	];
}

/**
 * The evidence rows alone (`npm run bench -- --only=evidence`): the 500-metric export's review and
 * evidence in the bench page and natively; printed, not written to bench/results.md.
 * @param {{ benchUrl: string, log?: (line: string) => void }} options
 */
export async function evidenceScale({ benchUrl, log = console.log }) {
	const dir = here('./data');
	mkdirSync(dir, { recursive: true });
	const file = await wideExport(dir, EVIDENCE_METRICS);
	const browser = await browserReviews(benchUrl, [[EVIDENCE_METRICS, file]], log);
	register();
	const { nativeReviewOnce } = await import(/** @type {string} */ ('./native-review.ts'));
	const native = await nativeReviewOnce(file.path, { evidence: true });
	return [
		'| Measurement | File | Value | Budget | Result |',
		'| --- | --- | ---: | --- | --- |',
		...evidenceRows(browser[EVIDENCE_METRICS]?.evidence, native.evidence)
	].join('\n');
}

const fmt = (/** @type {number} */ ms) =>
	ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
const verdict = (/** @type {number} */ value, /** @type {number} */ budget) =>
	value <= budget ? 'PASS' : 'FAIL';

/**
 * Measures everything above; returns the markdown section for bench/results.md.
 * @param {{ benchUrl: string, appBuild?: string, log?: (line: string) => void }} options
 */
export async function reviewScale({ benchUrl, appBuild, log = console.log }) {
	const dir = here('./data');
	mkdirSync(dir, { recursive: true });
	log('Review at scale: generating wide exports of 10 to 2,000 metrics and the segmented one ...');
	const wide = new Map();
	for (const n of METRIC_COUNTS) wide.set(n, await wideExport(dir, n));
	const segmented = await segmentedExport(dir);
	const twoLines = join(dir, 'two-lines.csv');
	writeFileSync(twoLines, 'date,orders\n2025-11-22,5\n');

	const rows = [];
	/** @param {string} measure @param {string} file @param {string} value @param {string} budget @param {string} [result] */
	const row = (measure, file, value, budget, result = '') =>
		rows.push(`| ${measure} | ${file} | ${value} | ${budget} | ${result} |`);
	/** A timing row, with its budget in milliseconds when it has one. */
	const timed = (
		/** @type {string} */ measure,
		/** @type {string} */ file,
		/** @type {number} */ ms,
		/** @type {number | undefined} */ budgetMs = undefined
	) =>
		budgetMs === undefined
			? row(measure, file, fmt(ms), '')
			: row(measure, file, fmt(ms), `≤ ${fmt(budgetMs)}`, verdict(ms, budgetMs));

	log('  the command line ...');
	const inspect = [];
	for (let i = 0; i < 5; i++) inspect.push((await flywheel(['inspect', twoLines])).ms);
	row(
		'`flywheel inspect`, wall time (median of 5)',
		'two lines',
		fmt(median(inspect)),
		'≤ 0.5 s',
		verdict(median(inspect), 500)
	);
	const cli = new Map();
	for (const n of METRIC_COUNTS) {
		const file = /** @type {{ path: string, config: string }} */ (wide.get(n));
		// Median of three runs by wall time (a single run swings with the machine's load).
		const runs = [];
		for (let i = 0; i < 3; i++)
			runs.push(await flywheel(['review', file.path, '--config', file.config, '--json']));
		const run = /** @type {(typeof runs)[number]} */ ([...runs].sort((a, b) => a.ms - b.ms)[1]);
		const review = JSON.parse(run.stdout);
		cli.set(n, { ...run, exceptions: review.exceptions.length });
		/** @type {[string, string]} */
		const budgets =
			n === 500
				? [
						'≤ 2 s, ≤ 500 MB',
						verdict(run.ms, 2000) === 'PASS' && run.rssMb <= 500 ? 'PASS' : 'FAIL'
					]
				: ['', ''];
		row(
			`\`flywheel review --json\`, wall time and peak RSS (median of 3)`,
			`wide ${n} metrics`,
			`${fmt(run.ms)}, ${Math.round(run.rssMb)} MB`,
			...budgets
		);
		log(`  cli, ${n} metrics: ${fmt(run.ms)}, ${Math.round(run.rssMb)} MB`);
	}
	const growth = ((cli.get(2000)?.ms ?? NaN) / (cli.get(100)?.ms ?? NaN)).toFixed(1);
	row(
		'`flywheel review` time, 2,000 metrics / 100 metrics',
		'wide',
		`${growth}x (metrics 20x)`,
		'≤ 20x',
		verdict(Number(growth), 20)
	);

	log('  the review code, browser and native ...');
	/** @type {[number, WideFile][]} */
	const files = METRIC_COUNTS.map((n) => [n, /** @type {WideFile} */ (wide.get(n))]);
	const browser = await browserReviews(benchUrl, files, log);
	register();
	const { nativeReviewOnce } = await import(/** @type {string} */ ('./native-review.ts'));
	for (const [n, file] of files) {
		const native = await nativeReviewOnce(file.path, { evidence: n === EVIDENCE_METRICS });
		const b = /** @type {Timings} */ (browser[n]);
		const first = (/** @type {Timings} */ t) => t.storeMs + t.operationalMs;
		row(
			'Review code, first review (store + operational), browser / native',
			`wide ${n} metrics`,
			`${fmt(first(b))} / ${fmt(first(native))} = ${(first(b) / first(native)).toFixed(2)}x`,
			'',
			''
		);
		row(
			'Review code, week never shown (median of 5), browser / native',
			`wide ${n} metrics`,
			`${fmt(median(b.weekSwitchMs))} / ${fmt(median(native.weekSwitchMs))}`,
			'',
			''
		);
		if (n === 500) {
			row(
				'DuckDB memory while the 500-metric review is shown (`duckdb_memory()`)',
				'wide 500 metrics',
				`${Math.round(b.duckdbMb)} MB`,
				'≤ 256 MB',
				verdict(b.duckdbMb, 256)
			);
			row(
				'Exceptions, browser = CLI (weekly, monthly)',
				'wide 500 metrics',
				`${b.exceptions}, ${b.monthlyExceptions}`,
				'',
				''
			);
			rows.push(...evidenceRows(b.evidence, native.evidence));
		}
	}

	if (appBuild && existsSync(`${appBuild}/index.html`)) {
		log('  the app: the 500-metric export and the segmented one through /upload ...');
		const app = await appRuns(appBuild, wide.get(500), segmented, log);
		const w = app.wide;
		const s = app.segments;
		const app500 = 'wide 500 metrics';
		const long = 'long 4.4M rows';
		timed(
			'App: load finished → operational review with its exception list drawn',
			app500,
			w.operationalMs,
			1500
		);
		timed('App: then → strategic review', app500, w.strategicMs, 500);
		timed('App: a week never shown (median of 5)', app500, median(w.weekSwitchMs), 150);
		timed('App: the other view of that week (median of 5)', app500, median(w.viewSwitchMs), 150);
		timed('App: longest main-thread task while the reviews build', app500, w.longestTaskMs, 200);
		timed(
			'App: upload (load) of the segmented export',
			`${long} (${(segmented.bytes / 1e6).toFixed(0)} MB)`,
			s.loadMs
		);
		timed('App: load finished → operational review drawn', long, s.operationalMs, 6000);
		timed(
			'App: segment filter switch, a region not shown before (median of 3)',
			long,
			median(s.segmentSwitchMs),
			500
		);
		timed('App: segment filter switch back to a region shown before', long, s.segmentBackMs);
	} else {
		rows.push(`| App rows skipped: no built app in ${appBuild} | | | | |`);
	}
	return [
		'## The review at scale',
		'',
		'Wide daily exports over three years (156 weeks), generated by bench/review-scale.js; catalog: the WBR App config of one 6-12 block per metric (CLI) or the catalog the app guesses (browser, native, app).',
		'',
		'| Measurement | File | Value | Budget | Result |',
		'| --- | --- | ---: | --- | --- |',
		...rows
	].join('\n');
}
