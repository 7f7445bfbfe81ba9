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
