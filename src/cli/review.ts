/**
 * `flywheel review FILE.csv... --config CONFIG.yaml [--week-ending YYYY-MM-DD] [--json]`: the
 * same ingest and review code the app runs, in Node. `--json` prints the review JSON
 * (src/lib/review/README.md); without it, a short text summary.
 */
import { formatChange, formatValue } from '../lib/format/number';
import { buildReview } from '../lib/review/buildReview';
import type { Review } from '../lib/review/types';
import { parseLoadArgs, withLoadedData } from './load';

function summary(review: Review): string {
	const metrics = new Map(review.blocks.flatMap((b) => b.metrics).map((m) => [m.id, m]));
	const value = (id: string, v: number | null) => {
		const m = metrics.get(id);
		return formatValue(v, { unit: m?.unit ?? 'number', unitDetail: m?.unitDetail });
	};
	const lines = [`Week ending ${review.weekEnding}${review.title ? ` — ${review.title}` : ''}`];
	lines.push('', `Exceptions: ${review.summary.text}`);
	for (const e of review.exceptionDetails) {
		const news = e.good === null ? 'neutral' : e.good ? 'good' : 'bad';
		const band = `${value(e.metricId, e.band.lower)} to ${value(e.metricId, e.band.upper)}`;
		lines.push(
			`  ${e.metricId}: ${value(e.metricId, e.value)}, ${e.variance} its band ${band} (${news}; ${e.rules.join(', ')})`
		);
	}
	for (const block of review.blocks) {
		lines.push('', `${block.title} (${block.type})`);
		for (const m of block.metrics) {
			const b = m.box;
			const v = (x: number | null) => value(m.id, x);
			const c = (x: number | null) => formatChange(x, m.comparison);
			lines.push(
				`  ${m.label}: last week ${v(b.lastWeek)} (WoW ${c(b.wow)}, YoY ${c(b.yoy)}); ` +
					`MTD ${v(b.mtd)} (${c(b.mtdYoy)}); QTD ${v(b.qtd)} (${c(b.qtdYoy)}); YTD ${v(b.ytd)} (${c(b.ytdYoy)})`
			);
		}
	}
	return lines.join('\n');
}

export async function review(args: string[]): Promise<number> {
	const options = parseLoadArgs(args);
	return withLoadedData('review', options, async (engine, config) => {
		const result = await buildReview(engine, config, { weekEnding: options.weekEnding });
		console.log(options.json ? JSON.stringify(result, null, 2) : summary(result));
		return 0;
	});
}
