/**
 * The evidence of the demo business (data/README.md), on DuckDB-WASM's Node build, through the
 * review's own weekly history and segment filters. The planted slow checkout release slows web
 * pages only (+60% from 2026-09-27) and web conversion falls after it; the app channel has
 * neither. So the link page load -> conversion holds for the company and for web, not for app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import { segmentChoices } from '../app/review-data';
import { filterCatalog } from '../app/segment-catalog';
import { demoCatalog } from '../demo/demo-catalog';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { deckFromCatalog } from '../metrics/deck';
import { buildReview } from '../review/buildReview';
import { ReviewCache } from '../review/reviewCache';
import { deckMetricIds } from '../review/reviewMetrics';
import { reviewEvidence } from './reviewEvidence';

const WEEK = '2026-11-21';
let engine: Engine;

beforeAll(async () => {
	engine = await startNodeEngine();
	const data = new TextEncoder().encode(generateDemoCsv());
	await ingestFiles(engine, [{ name: 'demo.csv', data }]);
}, 120_000);
afterAll(async () => engine.close());

async function pageLoadToConversion(filters: Record<string, string>) {
	const catalog = filterCatalog(demoCatalog(), filters, (await segmentChoices(engine)).splits);
	const { evidence, weekEndings } = await reviewEvidence(engine, catalog, {
		weekEnding: WEEK,
		suggest: false
	});
	const link = evidence.links.find(
		(l) => l.input === 'page_load_p90' && l.output === 'conversion_rate'
	);
	return { link, weekEndings };
}

describe('evidence on the demo business', () => {
	it('judges 156 weeks up to the week under review, and supports page load -> conversion', async () => {
		const { link, weekEndings } = await pageLoadToConversion({});
		expect(weekEndings).toHaveLength(156);
		expect(weekEndings.at(-1)).toBe(WEEK);
		expect(link).toMatchObject({ verdict: 'supported', lagWeeks: 2, weeks: 156 });
		// Slower pages, fewer conversions: a negative correlation, as lower_is_better implies.
		expect(link?.correlation).toBeLessThan(0);
	});

	it('supports it for the web channel, where it was planted', async () => {
		const { link } = await pageLoadToConversion({ channel: 'web' });
		expect(link?.verdict).toBe('supported');
	});

	it('does not support it for the app channel, which has neither the slow pages nor the drop', async () => {
		const { link } = await pageLoadToConversion({ channel: 'app' });
		expect(link?.verdict).toBe('not_supported');
	});
});

describe("evidence from the review's cache", () => {
	it('is the same evidence, composed from the store the review read: no scan of its own', async () => {
		const catalog = demoCatalog();
		/** The engine, counting the queries sent to it. */
		const counted = (): Engine & { queries: number } => {
			const wrapped = Object.create(engine) as Engine & { queries: number };
			wrapped.queries = 0;
			wrapped.query = (sql, params) => {
				wrapped.queries++;
				return engine.query(sql, params);
			};
			return wrapped;
		};
		const alone = counted();
		const own = await reviewEvidence(alone, catalog, { weekEnding: WEEK });
		// As the app does (../app/review.svelte.ts): the cache of every metric either view shows.
		const reviewed = counted();
		const cache = new ReviewCache(deckMetricIds(deckFromCatalog(catalog)));
		const deck = deckFromCatalog(catalog);
		await buildReview(reviewed, { catalog, deck }, { cache, weekEnding: WEEK });
		reviewed.queries = 0;
		const fromCache = await reviewEvidence(reviewed, catalog, { weekEnding: WEEK, cache });
		expect(fromCache.evidence).toEqual(own.evidence);
		expect(fromCache.evidence.links).toHaveLength(15);
		// Alone: the data's first day and the store's scan; from the cache, the first day only.
		expect(alone.queries).toBe(2);
		expect(reviewed.queries).toBe(1);
	});
});
