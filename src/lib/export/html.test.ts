/**
 * The exported review is one file that stands alone: the demo business's review of the week ending
 * 2026-11-21 (data/README.md) written as HTML carries every metric's name, chart and box, the
 * exception list first, and nothing that reaches outside the file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { parseCatalog } from '../metrics/catalog';
import { deckFromCatalog } from '../metrics/deck';
import type { Catalog, View } from '../metrics/types';
import { buildReview } from '../review/buildReview';
import type { Review } from '../review/types';
import { escape, reviewToHtml } from './html';

let engine: Engine;
let catalog: Catalog;
const reviews = {} as Record<View, Review>;

beforeAll(async () => {
	engine = await startNodeEngine();
	await ingestFiles(engine, [
		{ name: 'demo.csv', data: new TextEncoder().encode(generateDemoCsv()) }
	]);
	catalog = parseCatalog(readFileSync('data/demo-catalog.yaml', 'utf8'), 'demo-catalog.yaml');
	for (const view of ['operational', 'strategic'] as const) {
		const deck = deckFromCatalog(catalog, { view });
		reviews[view] = await buildReview(engine, { catalog, deck }, { weekEnding: '2026-11-21' });
	}
});

afterAll(async () => {
	await engine?.close();
});

const metricsOf = (review: Review) => review.blocks.flatMap((b) => b.metrics);

/** One card's HTML, from its opening tag to its end. */
function card(html: string, id: string): string {
	const start = html.indexOf(`<article class="card" id="card-${id}"`);
	expect(start, `card ${id}`).toBeGreaterThan(-1);
	return html.slice(start, html.indexOf('</article>', start));
}

describe('reviewToHtml on the demo review, week ending 2026-11-21', () => {
	it('points nowhere outside the file: no URL, no script, no stylesheet link', () => {
		const html = reviewToHtml(reviews.operational, { view: 'operational' });
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).not.toMatch(/https?:/i);
		expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
		// Any src=, href= or url( has to stay in the file: a data: URL or a fragment (a chart's
		// clip path, an exception's link to its card).
		const references = [...html.matchAll(/(?:src=|href=|url\()["']?([^"')\s>]*)/gi)];
		expect(references.length).toBeGreaterThan(0);
		for (const [, target] of references) expect(target).toMatch(/^(data:|#)/);
		// Chart ids are unique in the file, so one chart's clip path never clips another.
		const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has every metric of the view, each with its chart as inline SVG, in the deck order', () => {
		const html = reviewToHtml(reviews.operational, { view: 'operational' });
		const metrics = metricsOf(reviews.operational);
		expect(metrics.length).toBeGreaterThan(10);
		const positions = metrics.map((m) => html.indexOf(`id="card-${m.id}"`));
		expect(positions.every((p) => p > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		for (const metric of metrics) {
			const shown = card(html, metric.id);
			expect(shown).toContain(`<h3>${escape(metric.label)}</h3>`);
			expect(shown).toMatch(/<svg[^>]*viewBox="0 0 640 240"/);
			// The chart draws the legend's words as text, so it is a chart and not an empty frame.
			expect(shown).toContain('This year');
		}
		expect(html.match(/<svg/g)).toHaveLength(metrics.length);
	});

	it('opens on the exception list, most severe first, before any card', () => {
		const review = reviews.operational;
		const html = reviewToHtml(review, { view: 'operational' });
		const firstCard = html.indexOf('<article');
		// The demo plants three input anomalies (data/README.md), so the list is not empty.
		expect(review.exceptions.length).toBeGreaterThanOrEqual(3);
		expect(html).toContain(
			`${review.exceptions.length} of ${review.summary.metrics} metrics need attention`
		);
		const rows = review.exceptions.map((id) => html.indexOf(`data-exception="${id}"`));
		expect(rows.every((row) => row > 0 && row < firstCard)).toBe(true);
		expect([...rows].sort((a, b) => a - b)).toEqual(rows);
		expect(html).toContain('week ending 21 Nov 2026');
	});

	it('writes the box with the one formatter: figures a person can check', () => {
		// The demo's figures, replaced by round ones so the expected text is checkable by hand.
		const review = structuredClone(reviews.operational);
		const metric = metricsOf(review).find((m) => m.unit === 'count');
		expect(metric).toBeDefined();
		metric!.label = 'Orders <web & app>';
		metric!.box = { ...metric!.box, lastWeek: 1234, wow: 2.29, yoy: -10.04, ytdYoy: null };
		metric!.notes = { ytdYoy: 'partial_baseline' };
		const shown = card(reviewToHtml(review, { view: 'operational' }), metric!.id);
		expect(shown).toContain('<h3>Orders &lt;web &amp; app&gt;</h3>');
		expect(shown).toContain('<td data-box-cell="lastWeek">1.23K</td>');
		expect(shown).toContain('<td data-box-cell="wow">+2.3%</td>');
		expect(shown).toContain('<td data-box-cell="yoy">−10.0%</td>');
		expect(shown).toContain(
			'<td data-box-cell="ytdYoy" class="missing" title="the period compared with is only partly covered">n/a</td>'
		);
	});

	it('judges the months in the strategic view, with its own exception list', () => {
		const review = reviews.strategic;
		const html = reviewToHtml(review, { view: 'strategic', filters: { region: 'North' } });
		expect(html).toContain('Oct 2026');
		expect(html).toContain('region: North');
		expect(html).toContain(
			review.monthlyExceptions.length === 0
				? 'No metric needs attention'
				: `${review.monthlyExceptions.length} of ${review.monthlySummary.metrics}`
		);
		for (const id of review.monthlyExceptions) expect(html).toContain(`data-exception="${id}"`);
		for (const metric of metricsOf(review)) expect(html).toContain(`id="card-${metric.id}"`);
	});

	it("prints a metric's root-cause note on its card, escaped, and no note elsewhere", () => {
		const note = 'Why? Web p90 <+60%> since 27 Sep & the checkout release.';
		const html = reviewToHtml(reviews.operational, {
			view: 'operational',
			notes: { page_load_p90: note }
		});
		const noted = card(html, 'page_load_p90');
		expect(noted).toContain('Root cause noted');
		expect(noted).toContain(escape(note));
		expect(html.match(/data-root-cause/g)).toHaveLength(1);
	});

	it("prints the owner's comment and the week's actions on the metric's card, escaped", () => {
		const html = reviewToHtml(reviews.operational, {
			view: 'operational',
			comments: { page_load_p90: 'Investigating <img> service' },
			actions: [
				{
					metricId: 'page_load_p90',
					what: 'Roll back & retest',
					owner: 'Web Platform',
					dueWeek: '2026-11-14',
					status: 'open',
					overdue: true
				}
			]
		});
		const noted = card(html, 'page_load_p90');
		expect(noted).toContain(
			"<strong>Owner's comment</strong><p>Investigating &lt;img&gt; service</p>"
		);
		expect(noted).toContain(
			'<li>Roll back &amp; retest (Web Platform, due 14 Nov 2026, <strong>overdue</strong>)</li>'
		);
		expect(html.match(/data-comment>/g)).toHaveLength(1);
		expect(html.match(/data-actions>/g)).toHaveLength(1);
	});
});
