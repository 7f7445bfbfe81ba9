/**
 * `flywheel review FILE... [--config CONFIG.yaml] [--week-ending YYYY-MM-DD] [--json] [mapping
 * options]`: the same ingest and review code the app runs, in Node. Without `--config` the catalog
 * is guessed from the data's metrics, as the app does for uploaded files. `--json` prints the
 * review JSON (src/lib/review/README.md); without it, a text summary, the exceptions first.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startNativeEngine } from '../lib/engine/native';
import { formatChange, formatValue } from '../lib/format/number';
import { ingestFiles } from '../lib/ingest/ingest';
import { catalogFromMetrics } from '../lib/metrics/catalogFile';
import type { ReviewConfig } from '../lib/metrics/config';
import { deckFromCatalog } from '../lib/metrics/deck';
import { buildReview } from '../lib/review/buildReview';
import type { Review } from '../lib/review/types';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { isReadable, readInput } from './files';
import { mappingOptions, mappingsFor } from './mapping-options';
import { parseReviewConfig } from './review-config';
import { alignedTable } from './table';

function summary(review: Review, guessed: boolean): string {
	const metrics = new Map(review.blocks.flatMap((b) => b.metrics).map((m) => [m.id, m]));
	const value = (id: string, v: number | null) => {
		const m = metrics.get(id);
		return formatValue(v, { unit: m?.unit ?? 'number', unitDetail: m?.unitDetail });
	};
	const lines = [`Week ending ${review.weekEnding}${review.title ? ` — ${review.title}` : ''}`];
	if (guessed)
		lines.push('Catalog guessed from the data (no --config): check kinds, directions and units.');
	lines.push('', `Exceptions: ${review.summary.text}`);
	lines.push(
		...alignedTable(
			review.exceptionDetails.map((e) => [
				e.metricId,
				value(e.metricId, e.value),
				`${e.variance} its band`,
				`${value(e.metricId, e.band.lower)} to ${value(e.metricId, e.band.upper)}`,
				e.good === null ? 'neutral' : e.good ? 'good' : 'bad',
				e.rules.join(', ')
			]),
			[false, true]
		)
	);
	// One table for every block, so the columns line up down the whole review.
	const header = ['metric', 'last week', 'WoW', 'YoY', 'MTD', 'YoY', 'QTD', 'YoY', 'YTD', 'YoY'];
	const rows = review.blocks.flatMap((block) =>
		block.metrics.map((m) => {
			const b = m.box;
			const v = (x: number | null) => value(m.id, x);
			const c = (x: number | null) => formatChange(x, m.comparison);
			return [
				m.label,
				v(b.lastWeek),
				c(b.wow),
				c(b.yoy),
				v(b.mtd),
				c(b.mtdYoy),
				v(b.qtd),
				c(b.qtdYoy),
				v(b.ytd),
				c(b.ytdYoy)
			];
		})
	);
	const table = alignedTable([header, ...rows], [false, ...header.slice(1).map(() => true)]);
	let row = 1;
	let headed = false;
	for (const block of review.blocks) {
		// A block of one metric of the same name needs no heading of its own.
		const titled = !(block.metrics.length === 1 && block.metrics[0]?.label === block.title);
		if (titled) lines.push('', `${block.title} (${block.type})`);
		if (titled || !headed) lines.push(...(titled ? [] : ['']), table[0] as string);
		headed = !titled;
		for (let k = 0; k < block.metrics.length; k++) lines.push(table[row++] as string);
	}
	return lines.join('\n');
}

/** The configuration's text, read now; its parsing, a promise (in a box, so `await` does not wait for it). */
async function readConfig(path: string): Promise<{ parsing: Promise<ReviewConfig> }> {
	const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new Error(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
	});
	const parsing = parseReviewConfig(text, basename(path));
	parsing.catch(() => {}); // awaited once the files are loaded, before anything else is reported
	return { parsing };
}

export async function review(parsed: ParsedArgs): Promise<number> {
	const files = parsed.positionals;
	const configPath = stringOption(parsed, 'config');
	const weekEnding = stringOption(parsed, 'week-ending');
	const options = mappingOptions(parsed);
	if (!files.length) throw new UsageError('name at least one CSV file');
	if (weekEnding !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekEnding))
		throw new UsageError(`--week-ending must be YYYY-MM-DD, not "${weekEnding}"`);
	// Read first, so a missing configuration is the first thing said; parsed while DuckDB loads.
	const parsing = configPath === undefined ? undefined : (await readConfig(configPath)).parsing;
	const inputs = files.map((path) => readInput(path, basename(path)));
	const { mappings, errors } = await mappingsFor(inputs.filter(isReadable), options);
	for (const input of inputs) {
		const error = 'error' in input ? input.error : errors.get(input.name);
		if (error) errors.set(input.name, error);
	}
	if (errors.size > 0) {
		await parsing;
		for (const [name, error] of errors) console.error(`flywheel review: ${name}: ${error}`);
		return 1;
	}
	const engine = await startNativeEngine();
	try {
		const ingested = await ingestFiles(engine, inputs.filter(isReadable), { mappings });
		const given = await parsing;
		let failed = false;
		for (const file of ingested.files) {
			if (file.error) {
				console.error(`flywheel review: ${file.file}: ${file.error}`);
				failed = true;
			} else if (file.rowsRejected || file.cellsRejected) {
				console.error(
					`flywheel review: ${file.file}: ${file.rowsRejected} rows and ${file.cellsRejected} cells not loaded (see flywheel inspect)`
				);
			}
		}
		if (failed) return 1;
		let config: ReviewConfig;
		if (given) config = given;
		else {
			const catalog = catalogFromMetrics(ingested.metrics.map((m) => m.id));
			config = { catalog, deck: deckFromCatalog(catalog), format: 'catalog' };
		}
		const result = await buildReview(engine, config, { weekEnding });
		console.log(parsed.values.json ? JSON.stringify(result, null, 2) : summary(result, !given));
		return 0;
	} finally {
		await engine.close();
	}
}
