// Turns the samples into the one results table (markdown): median, [min – max], budget, PASS/FAIL.

/** The budgets, for this 2-core machine. */
export const BUDGETS = {
	readyColdMs: 2500,
	/** The file the load budgets are about. */
	budgetFile: 'long-1m',
	loadMs: 1500,
	ratio: 3.5,
	longTaskMs: 200
};

/**
 * @typedef {{ measure: string, file: string, samples: number[], unit: 'ms' | 'x',
 *   throughput?: string, budget?: string, pass?: boolean }} Row
 * @typedef {import('./generate.js').DataFile} DataFile
 * @typedef {import('./browser.js').Samples} Samples
 */

/** @param {number[]} values */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const at = (/** @type {number} */ i) => /** @type {number} */ (sorted[i]);
	return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** @param {number} value @param {'ms' | 'x'} unit */
function format(value, unit) {
	if (unit === 'x') return `${value.toFixed(2)}x`;
	return value < 1000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** @param {number} n */
function count(n) {
	return n >= 1e6
		? `${(n / 1e6).toFixed(2)}M`
		: n >= 1e3
			? `${(n / 1e3).toFixed(0)}k`
			: `${n.toFixed(0)}`;
}

/** @param {DataFile} file @param {number} ms @param {'rows' | 'bytes'} rate */
function throughput(file, ms, rate) {
	const seconds = ms / 1000;
	const mbs = `${(file.bytes / 1e6 / seconds).toFixed(1)} MB/s`;
	return rate === 'rows' ? `${count(file.rows / seconds)} rows/s, ${mbs}` : mbs;
}

/**
 * @param {{ files: DataFile[], browser: Samples, native: Record<string, number[]>,
 *   nativeIngest: Record<string, number[]>, nativeThreads: string, ingest: boolean }} results
 * @returns {Row[]}
 */
export function buildRows({ files, browser, native, nativeIngest, nativeThreads, ingest }) {
	/** @type {Row[]} */
	const rows = [];
	const get = (/** @type {string} */ measure, /** @type {string} */ file) =>
		browser[measure]?.[file] ?? [];
	const cold = get('readyCold', '');
	rows.push({
		measure: 'Engine ready, first visit (cold cache)',
		file: '—',
		samples: cold,
		unit: 'ms',
		budget: `< ${format(BUDGETS.readyColdMs, 'ms')}`,
		pass: median(cold) < BUDGETS.readyColdMs
	});
	rows.push({
		measure: 'Engine ready, reload (warm cache)',
		file: '—',
		samples: get('readyWarm', ''),
		unit: 'ms'
	});
	rows.push({
		measure: 'Longest main-thread task, engine start',
		file: '—',
		samples: get('readyLongTask', ''),
		unit: 'ms'
	});

	/**
	 * One row per file for a measurement.
	 * @param {string} measure @param {(file: DataFile) => number[]} samplesOf
	 * @param {{ unit?: 'ms' | 'x', rate?: 'rows' | 'bytes', budget?: (file: DataFile, samples: number[]) => Pick<Row, 'budget' | 'pass'> }} [options]
	 */
	const perFile = (measure, samplesOf, options = {}) => {
		for (const file of files) {
			const samples = samplesOf(file);
			if (samples.length === 0) continue;
			const unit = options.unit ?? 'ms';
			rows.push({
				measure,
				file: `${file.label} (${(file.bytes / 1e6).toFixed(1)} MB)`,
				samples,
				unit,
				throughput: options.rate && throughput(file, median(samples), options.rate),
				...options.budget?.(file, samples)
			});
		}
	};
	/** A budget on the median, for the budget file only. @param {number} limit @param {'ms' | 'x'} unit */
	const onBudgetFile =
		(limit, unit) => (/** @type {DataFile} */ file, /** @type {number[]} */ samples) =>
			file.id === BUDGETS.budgetFile
				? { budget: `< ${format(limit, unit)}`, pass: median(samples) < limit }
				: {};
	/**
	 * Pairs run i of the browser with run i of native.
	 * @param {string} measure @param {Record<string, number[]>} yardstick
	 */
	const ratios = (measure, yardstick) => (/** @type {DataFile} */ file) =>
		get(measure, file.id).map((ms, i) => ms / (yardstick[file.id]?.[i] ?? NaN));

	const customer = ingest ? 'ingest' : 'load';
	const path = ingest ? 'ingestFiles' : 'read_csv';
	perFile(`CSV → queryable table, browser (${path})`, (f) => get(customer, f.id), {
		rate: 'rows',
		budget: onBudgetFile(BUDGETS.loadMs, 'ms')
	});
	if (ingest)
		perFile('CSV → table, browser (plain read_csv)', (f) => get('load', f.id), { rate: 'rows' });
	if (ingest)
		perFile(
			`CSV → queryable table, native DuckDB (ingestFiles, ${nativeThreads} threads)`,
			(f) => nativeIngest[f.id] ?? [],
			{ rate: 'rows' }
		);
	perFile(
		`CSV → table, native DuckDB (plain read_csv, ${nativeThreads} threads)`,
		(f) => native[f.id] ?? [],
		{ rate: 'rows' }
	);
	// The budget compares like with like: the same code and SQL, in the browser and natively.
	perFile(
		`Browser (${path}) / native (${path})`,
		ratios(customer, ingest ? nativeIngest : native),
		{
			unit: 'x',
			budget: onBudgetFile(BUDGETS.ratio, 'x')
		}
	);
	if (ingest) {
		perFile('Browser (ingestFiles) / native (plain read_csv)', ratios(customer, native), {
			unit: 'x'
		});
		perFile('Browser (plain read_csv) / native (plain read_csv)', ratios('load', native), {
			unit: 'x'
		});
	}
	perFile('Raw lower bound: File.arrayBuffer()', (f) => get('raw', f.id), { rate: 'bytes' });
	perFile('Weekly aggregate, all metrics', (f) => get('aggregate', f.id));
	perFile('First chart drawn (init → finished)', (f) => get('chart', f.id));
	perFile('Longest main-thread task while loading', (f) => get(`${customer}LongTask`, f.id), {
		budget: (_, samples) => ({
			budget: `< ${format(BUDGETS.longTaskMs, 'ms')} (max)`,
			pass: Math.max(...samples) < BUDGETS.longTaskMs
		})
	});
	return rows;
}

/** @param {Row[]} rows */
export function toMarkdown(rows) {
	const runs = Math.max(...rows.map((r) => r.samples.length));
	const lines = [
		`| Measurement | File | Median | Range (${runs} runs) | Throughput (median) | Budget | Result |`,
		'| --- | --- | ---: | ---: | ---: | --- | --- |'
	];
	for (const row of rows) {
		const range = `${format(Math.min(...row.samples), row.unit)} – ${format(Math.max(...row.samples), row.unit)}`;
		const result = row.pass === undefined ? '' : row.pass ? 'PASS' : '**FAIL**';
		const cells = [
			row.measure,
			row.file,
			format(median(row.samples), row.unit),
			range,
			row.throughput ?? '',
			row.budget ?? '',
			result
		];
		lines.push(`| ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}
