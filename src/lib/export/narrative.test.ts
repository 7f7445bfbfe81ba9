/**
 * The written narrative of the demo week: every exception's figures as the review formats them,
 * nothing for the metrics within their band beyond one line, and the owner's words kept as text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import { bandInWords, boxFigure, BOX_CELLS, exceptionRulesInWords } from '../components/describe';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { formatValue } from '../format/number';
import { ingestFiles } from '../ingest';
import { parseCatalog } from '../metrics/catalog';
import { deckFromCatalog } from '../metrics/deck';
import type { Catalog } from '../metrics/types';
import { buildReview } from '../review/buildReview';
import type { Review, ReviewMetric } from '../review/types';
import { draftNarrative } from './narrative';
import { narrativeToHtml } from './narrative-html';

let engine: Engine;
let review: Review;
let catalog: Catalog;

beforeAll(async () => {
	engine = await startNodeEngine();
	await ingestFiles(engine, [
		{ name: 'demo.csv', data: new TextEncoder().encode(generateDemoCsv()) }
	]);
	catalog = parseCatalog(readFileSync('data/demo-catalog.yaml', 'utf8'), 'demo-catalog.yaml');
	const deck = deckFromCatalog(catalog, { view: 'operational' });
	review = await buildReview(engine, { catalog, deck }, { weekEnding: '2026-11-21' });
}, 120_000);
afterAll(() => engine.close());

const drives = () =>
	Object.fromEntries(catalog.metrics.flatMap((m) => (m.drives ? [[m.id, m.drives]] : [])));

/** The paragraph under a metric's heading, up to the next heading. */
function section(markdown: string, label: string): string {
	const start = markdown.indexOf(`### ${label} (`);
	if (start < 0) return '';
	const next = markdown.indexOf('\n#', start + 4);
	return markdown.slice(start, next < 0 ? undefined : next);
}

const cell = (name: string) => BOX_CELLS.find((c) => c.cell === name) as (typeof BOX_CELLS)[number];

describe('the narrative of the demo week ending 21 November 2026', () => {
	it('opens with the headline and gives every exception its figures as the review shows them', () => {
		const markdown = draftNarrative(review, { view: 'operational', drives: drives() });
		const { summary } = review;
		expect(markdown).toContain(
			`${summary.exceptions} of ${summary.metrics} metrics need attention; ${summary.withinBand} behaved as expected.`
		);
		const metrics = new Map(review.blocks.flatMap((b) => b.metrics).map((m) => [m.id, m]));
		const flagged = (id: string) => review.exceptionDetails.some((e) => e.metricId === id);
		expect(review.exceptionDetails.length).toBeGreaterThan(0);
		for (const exception of review.exceptionDetails) {
			const metric = metrics.get(exception.metricId) as ReviewMetric;
			const format = { unit: metric.unit, unitDetail: metric.unitDetail };
			const text = section(markdown, metric.label);
			expect(text, metric.id).toContain(`**${formatValue(exception.value, format)}**`);
			expect(text, metric.id).toContain(
				`${exception.variance} its expected band of ${bandInWords(exception.band, format)}`
			);
			expect(text, metric.id).toContain(exceptionRulesInWords(exception, 'week'));
			for (const name of ['wow', 'yoy']) {
				const figure = boxFigure(metric.box, cell(name), format, metric.comparison);
				expect(text, `${metric.id} ${name}`).toContain(
					`${name === 'wow' ? 'WoW' : 'YoY'} ${figure}`
				);
			}
		}
		// Orders' inputs in the catalog (page load, SKUs in stock, in-stock rate), each with its WoW.
		const inputs = catalog.metrics.filter((m) => m.drives?.includes('orders'));
		expect(inputs.map((m) => m.id)).toEqual(['page_load_p90', 'skus_in_stock', 'in_stock_rate']);
		const moved = inputs.map((input) => {
			const m = metrics.get(input.id) as ReviewMetric;
			const wow = boxFigure(m.box, cell('wow'), { unit: m.unit }, m.comparison);
			return `${m.label} ${wow} WoW${flagged(input.id) ? ', also flagged' : ''}`;
		});
		expect(section(markdown, 'Orders')).toContain(`Its inputs: ${moved.join('; ')}.`);
		expect(moved[0]).toMatch(/, also flagged$/);
	});

	it('writes nothing for a metric within its band but its name on the last line', () => {
		const markdown = draftNarrative(review, { view: 'operational' });
		const flagged = new Set(review.exceptionDetails.map((e) => e.metricId));
		const within = review.blocks
			.flatMap((b) => b.metrics)
			.filter((m) => m.band?.status === 'ok' && !flagged.has(m.id));
		expect(within).toHaveLength(review.summary.withinBand);
		const line = markdown.split('\n').find((l) => l.startsWith('Within their expected band: '));
		expect(line?.slice('Within their expected band: '.length, -1).split(', ')).toEqual(
			within.map((m) => m.label)
		);
		for (const metric of within) expect(section(markdown, metric.label)).toBe('');
		expect(markdown.match(/^### /gm)).toHaveLength(review.exceptionDetails.length);
	});

	it('keeps the owner’s comment, the root cause and the actions as written, as text in Markdown and HTML', () => {
		const comment = 'Carrier strike in the *North*; see <b>ticket</b> #12';
		const markdown = draftNarrative(review, {
			view: 'operational',
			comments: { on_time_delivery: comment },
			notes: { on_time_delivery: 'One carrier\ncarries 60% of the North.' },
			actions: [
				{
					metricId: 'on_time_delivery',
					what: 'Second carrier',
					owner: 'Logistics',
					dueWeek: '2026-11-14',
					status: 'open',
					overdue: true
				},
				{
					metricId: 'sessions',
					what: 'Check the campaign',
					owner: '',
					dueWeek: '2026-12-05',
					status: 'open',
					overdue: false
				}
			]
		});
		const onTime = section(markdown, 'On-time delivery');
		expect(onTime).toContain(
			"> Owner's comment: Carrier strike in the \\*North\\*; see \\<b\\>ticket\\</b\\> \\#12"
		);
		expect(onTime).toContain('Root cause: One carrier carries 60% of the North.');
		expect(onTime).toContain('Actions: Second carrier (Logistics, due 14 Nov 2026, overdue).');
		expect(section(markdown, 'Orders')).toContain("> Owner's comment: none yet.");
		// An action on a metric within its band is listed after the exceptions.
		expect(markdown).toContain(
			'## Other open actions\n\n- Sessions: Check the campaign (due 5 Dec 2026)'
		);
		const html = narrativeToHtml(markdown);
		expect(html).toContain(
			'<blockquote><p>Owner&#39;s comment: Carrier strike in the *North*; see &lt;b&gt;ticket&lt;/b&gt; #12</p></blockquote>'
		);
		expect(html).not.toContain('<b>');
		expect(html).toContain('<h3>On-time delivery (input, Logistics)</h3>');
		expect(html).toContain(`<strong>${formatValue(0.861, { unit: 'percent' })}</strong>`);
		expect(html).not.toMatch(/<script|src=|href=/);
	});
});
