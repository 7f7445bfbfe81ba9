/**
 * `flywheel narrative FILE... [--config CONFIG.yaml] [--week-ending YYYY-MM-DD] [--view
 * operational|strategic] [--html] [mapping options]`: the review's written narrative
 * (src/lib/export/narrative.ts), drafted from the same review JSON as `flywheel review`, as
 * Markdown on stdout, or with `--html` as a self-contained HTML file.
 */
import { draftNarrative } from '../lib/export/narrative';
import { narrativeToHtml } from '../lib/export/narrative-html';
import { buildReview } from '../lib/review/buildReview';
import type { View } from '../lib/metrics/types';
import { deckFromCatalog } from '../lib/metrics/deck';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { withLoadedData } from './load';

export async function narrative(parsed: ParsedArgs): Promise<number> {
	const view = (stringOption(parsed, 'view') ?? 'operational') as View;
	if (view !== 'operational' && view !== 'strategic')
		throw new UsageError(`--view must be operational or strategic, not "${view}"`);
	return withLoadedData('narrative', parsed, async (engine, { config, weekEnding }) => {
		const { catalog } = config;
		// A Flywheel catalog orders each view's deck; a WBR App configuration has one deck.
		const deck = config.format === 'catalog' ? deckFromCatalog(catalog, { view }) : config.deck;
		const review = await buildReview(engine, { ...config, deck }, { weekEnding });
		const drives = Object.fromEntries(
			catalog.metrics.flatMap((m) => (m.drives ? [[m.id, m.drives]] : []))
		);
		const markdown = draftNarrative(review, { view, drives });
		console.log(parsed.values.html ? narrativeToHtml(markdown) : markdown);
		return 0;
	});
}
