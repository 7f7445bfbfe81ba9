/**
 * The benchmark page: starts the real engine on load (as the app does) and exposes `window.bench`
 * for Playwright. Every timing is `performance.now()`, i.e. milliseconds since navigation start.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { startBrowserEngine } from '../../src/lib/engine/browser';
import { literal } from '../../src/lib/engine/sql';
import type { Engine, QueryResult } from '../../src/lib/engine/types';

echarts.use([LineChart, GridComponent, CanvasRenderer]);

/** The slice of `ingestFiles` (src/lib/ingest) the bench uses; it reports file errors, never throws. */
type IngestFiles = (
	engine: Engine,
	files: { name: string; data: Blob }[]
) => Promise<{ files: { name: string; error?: string }[] }>;
/** How a CSV becomes a table: DuckDB's plain `read_csv`, or the app's real upload path. */
export type LoadMode = 'read_csv' | 'ingest';

interface LongTask {
	start: number;
	duration: number;
}

declare global {
	interface Window {
		__longTasks: LongTask[];
		bench: typeof bench;
	}
}

// THE SWITCH: once src/lib/ingest/index.ts exports `ingestFiles`, `load('ingest')` measures the real
// upload path (read_csv plus the SQL parsing into `observations`). bench/run.js uses it by default
// once src/lib/ingest is committed; `--load=read_csv` or `--load=ingest` forces one path.
const ingestModule = import.meta.glob<IngestFiles | undefined>('../../src/lib/ingest/index.ts', {
	import: 'ingestFiles'
});

async function findIngest(): Promise<IngestFiles | undefined> {
	const load = Object.values(ingestModule)[0];
	const ingest = await load?.();
	return typeof ingest === 'function' ? ingest : undefined;
}

const started = startBrowserEngine().then(async (engine) => {
	await engine.query('SELECT 42 AS answer');
	return { engine, readyMs: performance.now() };
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest main-thread task overlapping [from, to]; 0 when none passed 50 ms. */
async function longestTask(from: number, to: number): Promise<number> {
	await sleep(100); // long-task entries are delivered after the task ends
	const overlapping = window.__longTasks.filter((t) => t.start < to && t.start + t.duration > from);
	return Math.max(0, ...overlapping.map((t) => t.duration));
}

function selectedFile(): File {
	const input = document.querySelector<HTMLInputElement>('#csv');
	const file = input?.files?.[0];
	if (!file) throw new Error('no file chosen in #csv');
	return file;
}

function weeklySql(kind: 'long' | 'wide'): string {
	const source =
		kind === 'long' ? 't' : '(UNPIVOT t ON COLUMNS(* EXCLUDE (date)) INTO NAME metric VALUE value)';
	// Weeks end on Saturday: add the days left until the next Saturday (dayofweek: Sunday = 0).
	return `SELECT metric, date + ((6 - dayofweek(date)) % 7)::INTEGER AS week_ending, sum(value)::DOUBLE AS value
		FROM ${source} GROUP BY ALL ORDER BY ALL`;
}

let weekly: QueryResult | undefined;

const bench = {
	/** Navigation start to the engine answering a query, and the longest task until then. */
	async ready() {
		const { readyMs } = await started;
		return { readyMs, longestTaskMs: await longestTask(0, readyMs) };
	},

	async hasIngest(): Promise<boolean> {
		return (await findIngest()) !== undefined;
	},

	/** The chosen file to a queryable table: register + load + `count(*)`. */
	async load(mode: LoadMode) {
		const { engine } = await started;
		const file = selectedFile();
		const t0 = performance.now();
		let table = 't';
		if (mode === 'ingest') {
			const ingest = await findIngest();
			if (!ingest) throw new Error('src/lib/ingest has no ingestFiles export yet');
			const { files } = await ingest(engine, [{ name: file.name, data: file }]);
			const failed = files.find((f) => f.error);
			if (failed) throw new Error(`ingestFiles: ${failed.name}: ${failed.error}`);
			table = 'observations';
		} else {
			await engine.registerFile(file.name, file);
			await engine.query(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(file.name)})`);
		}
		const count = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${table}`);
		const t1 = performance.now();
		const rows = Number(count.columns['n']?.[0]);
		return { ms: t1 - t0, rows, bytes: file.size, longestTaskMs: await longestTask(t0, t1) };
	},

	/** The lower bound: just reading the same File's bytes on the main thread. */
	async readRaw() {
		const file = selectedFile();
		const t0 = performance.now();
		const bytes = (await file.arrayBuffer()).byteLength;
		return { ms: performance.now() - t0, bytes };
	},

	/** Weekly sums of every metric (after `load('read_csv')`). */
	async aggregate(kind: 'long' | 'wide') {
		const { engine } = await started;
		const t0 = performance.now();
		weekly = await engine.query(weeklySql(kind));
		return { ms: performance.now() - t0, groups: weekly.rowCount };
	},

	/**
	 * The chosen file through the real upload path, then the review code on it (../review-code.ts):
	 * the store, both views of the default week, weeks not seen before, DuckDB's memory; with
	 * `evidence`, then the evidence for the catalog as a metric tree (../evidence-code.ts).
	 */
	async review(options: { evidence?: boolean } = {}) {
		const { engine } = await started;
		const ingest = await findIngest();
		if (!ingest) throw new Error('src/lib/ingest has no ingestFiles export yet');
		const file = selectedFile();
		const { files } = await ingest(engine, [{ name: file.name, data: file }]);
		const failed = files.find((f) => f.error);
		if (failed) throw new Error(`ingestFiles: ${failed.name}: ${failed.error}`);
		const { timeReviews } = await import('../review-code');
		const t0 = performance.now();
		const timings = await timeReviews(engine, 5, options);
		return { ...timings, longestTaskMs: await longestTask(t0, performance.now()) };
	},

	/** ECharts init + setOption of one metric's weekly series, until the 'finished' event. */
	async chart() {
		if (!weekly) throw new Error('run aggregate() first');
		const metrics = weekly.columns['metric'] ?? [];
		const weeks = (weekly.columns['week_ending'] ?? []).filter((_, i) => metrics[i] === metrics[0]);
		const values = (weekly.columns['value'] ?? []).filter((_, i) => metrics[i] === metrics[0]);
		const element = document.querySelector<HTMLDivElement>('#chart');
		if (!element) throw new Error('no #chart element');
		const t0 = performance.now();
		const chart = echarts.init(element);
		const finished = new Promise<void>((resolve) => chart.on('finished', () => resolve()));
		chart.setOption({
			animation: false,
			xAxis: { type: 'category', data: weeks },
			yAxis: { type: 'value' },
			series: [{ type: 'line', data: values, showSymbol: false }]
		});
		await finished;
		return { ms: performance.now() - t0, points: values.length };
	}
};

window.bench = bench;
