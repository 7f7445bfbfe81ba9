/**
 * `flywheel review FILE... [--config CONFIG.yaml] [--week-ending YYYY-MM-DD] [--json] [mapping
 * options]`: the same ingest and review code the app runs, in Node. Without `--config` the catalog
 * is guessed from the data's metrics, as the app does for uploaded files. `--json` prints the
 * review JSON (src/lib/review/README.md); without it, a text summary, the exceptions first.
 */
import { formatChange, formatValue } from '../lib/format/number';
import { buildReview } from '../lib/review/buildReview';
import type { Review } from '../lib/review/types';
import type { ParsedArgs } from './args';
import { withLoadedData } from './load';
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

export async function review(parsed: ParsedArgs): Promise<number> {
	return withLoadedData('review', parsed, async (engine, { config, guessed, weekEnding, json }) => {
		const result = await buildReview(engine, config, { weekEnding });
		console.log(json ? JSON.stringify(result, null, 2) : summary(result, guessed));
		return 0;
	});
}
