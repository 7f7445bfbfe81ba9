/**
 * Correctness at WBR scale: a wide daily export of 500 metrics over three years (seeded, made
 * here), reviewed for three week endings, and every figure of every metric the review shows (six
 * weeks and twelve months with their prior year, the box, its notes, the plan) recomputed here in
 * plain JavaScript from the generated values (not from Flywheel's code), within 1e-9 relative.
 *
 * The rules the expectations follow are ../periods/README.md's: weeks of seven days ending on
 * Saturday (the catalog's default), prior-year weeks 364 days earlier, calendar months, MTD/QTD/YTD
 * against the same calendar span a year earlier (29 Feb maps to 28 Feb), a month against the whole
 * same month a year earlier; a `sum` over a period with any missing day (a day outside the export
 * included) is null, a `mean`/`max`/`last`... takes the days that have a value; a derived metric
 * works on its operands' period totals and is as covered as its worst operand; a comparison is
 * null, with a note, when its current value is missing or its baseline is missing, partial or
 * zero. The box shows percent changes x100 and bps changes x10,000 (../review/README.md).
 *
 * The review JSON's own `periods` block is only compared with the ranges computed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../bands/testing';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { parseCatalog } from '../metrics/catalog';
import { deckFromCatalog } from '../metrics/deck';
import type { Aggregation, DerivedOperation } from '../metrics/types';
import { buildReview } from './buildReview';
import type { Review, ReviewMetric } from './types';

// ---- Dates, as plain day numbers (days since 1970-01-01, UTC) ----

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isoFromParts = (year: number, month: number, day: number): string =>
	isoOf(Date.UTC(year, month - 1, day) / DAY_MS);
const partsOf = (iso: string): [number, number, number] => {
	const [year, month, day] = iso.split('-').map(Number);
	return [year ?? NaN, month ?? NaN, day ?? NaN];
};
const daysInMonth = (year: number, month: number): number =>
	new Date(Date.UTC(year, month, 0)).getUTCDate();

interface Range {
	start: string;
	end: string;
}

const rangeDays = (range: Range): number => dayOf(range.end) - dayOf(range.start) + 1;
const shiftRange = (range: Range, days: number): Range => ({
	start: isoOf(dayOf(range.start) + days),
	end: isoOf(dayOf(range.end) + days)
});
const monthRange = (year: number, month: number): Range => ({
	start: isoFromParts(year, month, 1),
	end: isoFromParts(year, month, daysInMonth(year, month))
});
/** The same calendar day a year earlier; 29 Feb becomes 28 Feb. */
function yearEarlier(iso: string): string {
	const [year, month, day] = partsOf(iso);
	return isoFromParts(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}
/** The same calendar month a year earlier, whole: February 2025's is all 29 days of February 2024. */
function monthYearEarlier(month: Range): Range {
	const [year, number] = partsOf(month.start);
	return monthRange(year - 1, number);
}
/** A span to date a year earlier: both ends a calendar year back. */
const rangeYearEarlier = (range: Range): Range => ({
	start: yearEarlier(range.start),
	end: yearEarlier(range.end)
});

/**
 * Every range a review of `weekEnding` reports, from the periods README: the six weeks ending on
 * it (oldest first) and the week before them (for WoW), the twelve months up to the last one over
 * at the week ending (its own month when it is the month's last day), the calendar year's months,
 * and the month, quarter and year to date (the fiscal year ends in December).
 */
function reviewRanges(weekEnding: string) {
	const end = dayOf(weekEnding);
	const week = (back: number): Range => ({
		start: isoOf(end - 7 * back - 6),
		end: isoOf(end - 7 * back)
	});
	const [year, month, day] = partsOf(weekEnding);
	const monthOver = day === daysInMonth(year, month);
	const lastMonth = monthOver ? year * 12 + month - 1 : year * 12 + month - 2;
	const trailingMonths = Array.from({ length: 12 }, (_, i) => {
		const index = lastMonth - 11 + i;
		return monthRange(Math.floor(index / 12), (index % 12) + 1);
	});
	const quarterStart = month - ((month - 1) % 3);
	const mtd = { start: isoFromParts(year, month, 1), end: weekEnding };
	const qtd = { start: isoFromParts(year, quarterStart, 1), end: weekEnding };
	const ytd = { start: isoFromParts(year, 1, 1), end: weekEnding };
	const sixWeeks = [5, 4, 3, 2, 1, 0].map(week);
	return {
		/** Exactly the review JSON's `periods` block. */
		reported: {
			sixWeeks,
			priorYearSixWeeks: sixWeeks.map((w) => shiftRange(w, -364)),
			trailingMonths,
			fiscalYearMonths: Array.from({ length: 12 }, (_, i) => monthRange(year, i + 1)),
			mtd,
			qtd,
			ytd,
			priorYearMtd: rangeYearEarlier(mtd),
			priorYearQtd: rangeYearEarlier(qtd),
			priorYearYtd: rangeYearEarlier(ytd)
		},
		previousWeek: week(1)
	};
}

// ---- The generated export ----

const FIRST_DAY = '2023-01-01'; // a Sunday
const LAST_DAY = '2025-12-27'; // a Saturday: 1,092 days, 156 whole weeks
const DAYS = dayOf(LAST_DAY) - dayOf(FIRST_DAY) + 1;
const COLUMNS = 500;

/** The reviews: mid-November (Q4), and 31 May (Q2), a month's last day, so May is over. */
const WEEK_ENDING = '2025-11-15';
const MONTH_END_WEEK_ENDING = '2025-05-31';
/** And early in the export: the prior year's trailing months begin before its first day. */
const EARLY_WEEK_ENDING = '2024-03-02';
const WEEK_ENDINGS = [WEEK_ENDING, MONTH_END_WEEK_ENDING, EARLY_WEEK_ENDING];

/** Weeks of review A (2025-11-15) the planted metrics refer to: W1 is 2-8 Nov 2025, PW0 10-16 Nov 2024. */
const A = reviewRanges(WEEK_ENDING).reported;
const A_W1 = A.sixWeeks[4] as Range;
const A_PW0 = A.priorYearSixWeeks[5] as Range;

interface GeneratedMetric {
	id: string;
	aggregation: Aggregation;
	/** The typical daily value; magnitudes run from 0.001 to 1e9. */
	scale: number;
	/** Days written as empty cells. */
	missing?: string[];
	/** The first day with a value: every cell before it is empty. */
	startsOn?: string;
	/** Days written as 0. */
	zeroDays?: Range[];
	/** Values around 0, some negative. */
	signed?: boolean;
	comparison?: 'bps';
	/** A constant plan per day. */
	plan?: number;
	/** An operand only: `views: []`, shown in no review. */
	hidden?: boolean;
}

/** The planted metrics; the rest of the 500 columns are plain daily sums (`m001`, ...). */
const PLANTED: GeneratedMetric[] = [
	// Operands of the derived metrics below.
	{ id: 'sessions', aggregation: 'sum', scale: 250_000 },
	{ id: 'orders', aggregation: 'sum', scale: 7_500 },
	{ id: 'revenue', aggregation: 'sum', scale: 400_000 },
	{ id: 'cost', aggregation: 'sum', scale: 310_000 },
	{ id: 'channel_a', aggregation: 'sum', scale: 1_200 },
	{ id: 'channel_b', aggregation: 'sum', scale: 35 },
	{ id: 'hidden_channel', aggregation: 'sum', scale: 600, hidden: true },
	// A day missing in review A's W3 (and one in review B's W0): those weeks, their months, and
	// the QTD/YTD spans holding them are no data.
	{ id: 'gap_in_week', aggregation: 'sum', scale: 9_000, missing: ['2025-10-22', '2025-05-27'] },
	// A day missing in March 2025, one of both reviews' twelve months and in both YTDs.
	{ id: 'gap_in_month', aggregation: 'sum', scale: 42, missing: ['2025-03-12'] },
	// A day missing in March 2024, inside both reviews' prior-year YTD: YTD YoY is n/a.
	{ id: 'gap_in_prior_ytd', aggregation: 'sum', scale: 3.5, missing: ['2024-03-10'] },
	// Starts on Wed 5 Mar 2025: no prior year at all, and March 2025 and the YTDs are partial.
	{ id: 'late_start', aggregation: 'sum', scale: 80_000, startsOn: '2025-03-05' },
	// Zero in review A's W1 and in its prior-year W0: WoW and YoY have a zero baseline.
	{ id: 'zero_weeks', aggregation: 'sum', scale: 15, zeroDays: [A_W1, A_PW0] },
	// A mean with a day missing in review A's W0 and in W1: W0 is the mean of its six days; WoW
	// compares with a partial week (n/a), YoY with a complete one (a number).
	{ id: 'mean_with_gaps', aggregation: 'mean', scale: 52, missing: ['2025-11-12', '2025-11-04'] },
	{ id: 'mean_plain', aggregation: 'mean', scale: 19.5 },
	{ id: 'peak_load', aggregation: 'max', scale: 7_700 },
	{ id: 'low_stock', aggregation: 'min', scale: 640 },
	{ id: 'opening_balance', aggregation: 'first', scale: 2_000_000 },
	// The last value of a week whose last day is missing is the Friday's.
	{ id: 'closing_balance', aggregation: 'last', scale: 1_500_000, missing: [WEEK_ENDING] },
	{ id: 'on_time_rate', aggregation: 'mean', scale: 0.9, comparison: 'bps' },
	{ id: 'net_flow', aggregation: 'sum', scale: 5_000, signed: true },
	{ id: 'planned_signups', aggregation: 'sum', scale: 1_500, plan: 1_500 }
];

interface DerivedMetric {
	id: string;
	operation: DerivedOperation;
	operands: string[];
}

const DERIVED: DerivedMetric[] = [
	{ id: 'conversion', operation: 'divide', operands: ['orders', 'sessions'] },
	{ id: 'margin', operation: 'difference', operands: ['revenue', 'cost'] },
	{ id: 'all_channels', operation: 'sum', operands: ['channel_a', 'channel_b', 'hidden_channel'] },
	// No data wherever gap_in_week's sum is none.
	{ id: 'gap_share', operation: 'divide', operands: ['gap_in_week', 'sessions'] },
	// As covered as its worst operand: partial in review A's W0 and W1.
	{ id: 'mean_spread', operation: 'difference', operands: ['mean_with_gaps', 'mean_plain'] }
];

const random = seededRandom(20251115);

const plainMetrics: GeneratedMetric[] = Array.from(
	{ length: COLUMNS - PLANTED.length },
	(_, i) => ({
		id: `m${String(i + 1).padStart(3, '0')}`,
		aggregation: 'sum',
		// 0.001 ... 1e9, and between the powers of ten.
		scale: 10 ** ((i % 13) - 3) * (1 + 4 * random())
	})
);
const GENERATED = [...PLANTED, ...plainMetrics];

/** The text of each cell: about six significant digits, no exponent. */
function cellText(metric: GeneratedMetric, day: number, phase: number): string {
	const iso = isoOf(day);
	if (metric.missing?.includes(iso)) return '';
	if (metric.startsOn && iso < metric.startsOn) return '';
	if (metric.zeroDays?.some((r) => r.start <= iso && iso <= r.end)) return '0';
	const season = 1 + 0.02 * Math.sin((2 * Math.PI * day) / 365.25 + phase);
	const value = metric.signed
		? metric.scale * (random() - 0.45)
		: metric.scale * season * (0.85 + 0.3 * random());
	const digits = Math.max(0, 5 - Math.floor(Math.log10(metric.scale)));
	return value.toFixed(digits);
}

/** The wide CSV, and each metric's daily values as read back from the same text (NaN = empty). */
function generateExport(): { csv: string; values: Map<string, Float64Array> } {
	const first = dayOf(FIRST_DAY);
	const values = new Map(GENERATED.map((m) => [m.id, new Float64Array(DAYS)]));
	const phases = GENERATED.map(() => 2 * Math.PI * random());
	const lines = [['date', ...GENERATED.map((m) => m.id)].join(',')];
	for (let i = 0; i < DAYS; i++) {
		const cells = GENERATED.map((metric, j) => {
			const text = cellText(metric, first + i, phases[j] ?? 0);
			(values.get(metric.id) as Float64Array)[i] = text === '' ? NaN : Number(text);
			return text;
		});
		lines.push([isoOf(first + i), ...cells].join(','));
	}
	return { csv: lines.join('\n') + '\n', values };
}

function catalogYaml(): string {
	const lines = ['metrics:'];
	for (const m of GENERATED) {
		lines.push(`  ${m.id}:`, `    source: ${m.id}`, `    aggregation: ${m.aggregation}`);
		lines.push('    kind: output', '    direction: higher_is_better', '    unit: number');
		if (m.comparison) lines.push(`    comparison: ${m.comparison}`);
		if (m.plan !== undefined) lines.push(`    plan: { constant: ${m.plan} }`);
		if (m.hidden) lines.push('    views: []');
	}
	for (const d of DERIVED) {
		lines.push(`  ${d.id}:`, `    derived: { ${d.operation}: [${d.operands.join(', ')}] }`);
		lines.push('    kind: output', '    direction: higher_is_better', '    unit: number');
	}
	return lines.join('\n') + '\n';
}

// ---- The expected figures, computed directly ----

/** How many of a period's days have a value (the periods README's coverage). */
type Coverage = 'complete' | 'partial' | 'missing';
const COVERAGE_ORDER: Coverage[] = ['missing', 'partial', 'complete'];

interface Figure {
	value: number | null;
	coverage: Coverage;
}

type Value = number | null;

class DirectComputation {
	private readonly byId = new Map(GENERATED.map((m) => [m.id, m]));
	private readonly derived = new Map(DERIVED.map((d) => [d.id, d]));

	constructor(private readonly values: Map<string, Float64Array>) {}

	/** The value written for one day (NaN for an empty cell). */
	valueOn(id: string, iso: string): number {
		return this.values.get(id)?.[dayOf(iso) - dayOf(FIRST_DAY)] ?? NaN;
	}

	/** A metric's figure over a range: its days with values, aggregated; a derived one's operands. */
	figure(id: string, range: Range): Figure {
		const derived = this.derived.get(id);
		if (derived) return this.derive(derived, range);
		const metric = this.byId.get(id) as GeneratedMetric;
		const series = this.values.get(id) as Float64Array;
		const present: number[] = [];
		const first = dayOf(FIRST_DAY);
		for (let day = dayOf(range.start); day <= dayOf(range.end); day++) {
			// A day outside the export is a missing day too.
			const v = series[day - first];
			if (v !== undefined && !Number.isNaN(v)) present.push(v);
		}
		const coverage: Coverage =
			present.length === 0
				? 'missing'
				: present.length === rangeDays(range)
					? 'complete'
					: 'partial';
		return { value: aggregate(metric.aggregation, present, coverage), coverage };
	}

	private derive(metric: DerivedMetric, range: Range): Figure {
		const operands = metric.operands.map((o) => this.figure(o, range));
		const coverage = operands
			.map((o) => o.coverage)
			.reduce((worst, c) =>
				COVERAGE_ORDER.indexOf(c) < COVERAGE_ORDER.indexOf(worst) ? c : worst
			);
		const values = operands.map((o) => o.value);
		if (values.some((v) => v === null)) return { value: null, coverage };
		const [head, ...rest] = values as number[];
		let value: Value;
		switch (metric.operation) {
			case 'sum':
				value = rest.reduce((a, b) => a + b, head ?? 0);
				break;
			case 'difference':
				value = rest.reduce((a, b) => a - b, head ?? 0);
				break;
			case 'product':
				value = rest.reduce((a, b) => a * b, head ?? 0);
				break;
			case 'divide':
				value = rest.some((b) => b === 0) ? null : rest.reduce((a, b) => a / b, head ?? 0);
				break;
		}
		return { value, coverage };
	}

	comparisonOf(id: string): 'percent' | 'bps' {
		return this.byId.get(id)?.comparison ?? 'percent';
	}

	planOf(id: string): number | undefined {
		return this.byId.get(id)?.plan;
	}
}

function aggregate(aggregation: Aggregation, present: number[], coverage: Coverage): Value {
	if (present.length === 0) return null;
	switch (aggregation) {
		case 'sum':
			// A sum over a period with any missing day is no data (the WBR App's skipna=False).
			return coverage === 'complete' ? present.reduce((a, b) => a + b, 0) : null;
		case 'mean':
			return present.reduce((a, b) => a + b, 0) / present.length;
		case 'min':
			return Math.min(...present);
		case 'max':
			return Math.max(...present);
		case 'first':
			return present[0] ?? null;
		case 'last':
			return present[present.length - 1] ?? null;
	}
}

type Note = 'no_data' | 'no_baseline' | 'partial_baseline' | 'zero_baseline';

/** A box comparison, shown x100 (percent) or x10,000 (bps), and why it is n/a when it is. */
function compare(
	method: 'percent' | 'bps',
	current: Figure,
	baseline: Figure
): { value: Value; note?: Note } {
	if (current.value === null) return { value: null, note: 'no_data' };
	if (baseline.coverage === 'missing') return { value: null, note: 'no_baseline' };
	if (baseline.coverage === 'partial' || baseline.value === null)
		return { value: null, note: 'partial_baseline' };
	if (method === 'bps') return { value: (current.value - baseline.value) * 10_000 };
	if (baseline.value === 0) return { value: null, note: 'zero_baseline' };
	return { value: (current.value / baseline.value - 1) * 100 };
}

type Checked = Pick<ReviewMetric, 'sixWeeks' | 'twelveMonths' | 'box' | 'notes' | 'plan'>;

function expectedMetric(
	direct: DirectComputation,
	id: string,
	ranges: ReturnType<typeof reviewRanges>
): Checked {
	const { reported: p, previousWeek } = ranges;
	const at = (range: Range) => direct.figure(id, range);
	const method = direct.comparisonOf(id);
	const lastWeek = at(p.sixWeeks[5] as Range);
	const notes: Checked['notes'] = {};
	const box: Partial<Checked['box']> = { lastWeek: lastWeek.value };
	const comparison = (cell: keyof Checked['box'], current: Figure, baseline: Figure) => {
		const { value, note } = compare(method, current, baseline);
		box[cell] = value;
		if (note) notes[cell] = note;
	};
	comparison('wow', lastWeek, at(previousWeek));
	comparison('yoy', lastWeek, at(p.priorYearSixWeeks[5] as Range));
	for (const [cell, span, priorSpan] of [
		['mtd', p.mtd, p.priorYearMtd],
		['qtd', p.qtd, p.priorYearQtd],
		['ytd', p.ytd, p.priorYearYtd]
	] as const) {
		const current = at(span);
		box[cell] = current.value;
		comparison(`${cell}Yoy`, current, at(priorSpan));
	}
	const planPerDay = direct.planOf(id);
	// A constant plan is per day and adds up like the (sum) metric: days x the constant.
	const planOver = (range: Range) => (planPerDay ?? 0) * rangeDays(range);
	return {
		sixWeeks: {
			cy: p.sixWeeks.map((w) => at(w).value),
			py: p.priorYearSixWeeks.map((w) => at(w).value)
		},
		twelveMonths: {
			cy: p.trailingMonths.map((m) => at(m).value),
			py: p.trailingMonths.map((m) => at(monthYearEarlier(m)).value)
		},
		box: box as Checked['box'],
		notes,
		plan:
			planPerDay === undefined
				? null
				: {
						sixWeeks: p.sixWeeks.map(planOver),
						twelveMonths: p.trailingMonths.map(planOver),
						lastWeek: planOver(p.sixWeeks[5] as Range),
						mtd: planOver(p.mtd),
						qtd: planOver(p.qtd),
						ytd: planOver(p.ytd)
					}
	};
}

/** Every place where Flywheel's figure and the direct one differ (null must be null), as text. */
function disagreements(path: string, flywheel: unknown, expected: unknown): string[] {
	if (typeof expected === 'number' && typeof flywheel === 'number') {
		const close =
			Math.abs(flywheel - expected) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(flywheel));
		return close ? [] : [`${path}: Flywheel ${flywheel}, expected ${expected}`];
	}
	if (
		expected !== null &&
		typeof expected === 'object' &&
		flywheel !== null &&
		typeof flywheel === 'object'
	) {
		const keys = new Set([...Object.keys(expected), ...Object.keys(flywheel)]);
		return [...keys].flatMap((key) =>
			disagreements(
				`${path}.${key}`,
				(flywheel as Record<string, unknown>)[key],
				(expected as Record<string, unknown>)[key]
			)
		);
	}
	return flywheel === expected
		? []
		: [`${path}: Flywheel ${String(flywheel)}, expected ${String(expected)}`];
}

// ---- The reviews ----

let engine: Engine;
let direct: DirectComputation;
const reviews = new Map<string, Review>();
let loaded: Awaited<ReturnType<typeof ingestFiles>>;

beforeAll(async () => {
	const { csv, values } = generateExport();
	direct = new DirectComputation(values);
	engine = await startNodeEngine();
	loaded = await ingestFiles(engine, [{ name: 'wide.csv', data: new TextEncoder().encode(csv) }]);
	const catalog = parseCatalog(catalogYaml(), 'scale.yaml');
	const deck = deckFromCatalog(catalog);
	for (const weekEnding of WEEK_ENDINGS)
		reviews.set(weekEnding, await buildReview(engine, { catalog, deck }, { weekEnding }));
}, 120_000);
afterAll(async () => engine?.close());

const shownMetrics = (review: Review) => review.blocks.flatMap((b) => b.metrics);
const reviewOf = (weekEnding: string) => reviews.get(weekEnding) as Review;
const metricOf = (weekEnding: string, id: string) =>
	shownMetrics(reviewOf(weekEnding)).find((m) => m.id === id) as ReviewMetric;

describe('a wide daily export of 500 metrics over three years', () => {
	it('loads every row and cell', () => {
		const [file] = loaded.files;
		expect(file?.layout).toBe('wide');
		expect(file?.mapping?.metricColumns).toHaveLength(COLUMNS);
		expect([file?.rowsRead, file?.rowsLoaded, file?.rowsRejected, file?.cellsRejected]).toEqual([
			DAYS,
			DAYS,
			0,
			0
		]);
	});

	it('shows every metric but the hidden operand, as its own chart', () => {
		for (const review of reviews.values())
			expect(shownMetrics(review).map((m) => m.id)).toEqual([
				...GENERATED.filter((m) => !m.hidden).map((m) => m.id),
				...DERIVED.map((d) => d.id)
			]);
	});
});

describe.each(WEEK_ENDINGS)('the review of the week ending %s', (weekEnding) => {
	const ranges = reviewRanges(weekEnding);

	it('reports the periods computed here', () => {
		const review = reviewOf(weekEnding);
		expect(review.weekEnding).toBe(weekEnding);
		// The catalog has no `review:` section: weeks end on Saturday, the fiscal year in December.
		expect(review.weekEndingWeekday).toBe('saturday');
		expect(review.fiscalYearEndMonth).toBe(12);
		expect(review.periods).toEqual(ranges.reported);
	});

	it('gives every figure of every metric as computed directly from the generated values', () => {
		const review = reviewOf(weekEnding);
		const found = shownMetrics(review).flatMap((m) => {
			const { sixWeeks, twelveMonths, box, notes, plan } = m;
			return disagreements(
				m.id,
				{ sixWeeks, twelveMonths, box, notes, plan },
				expectedMetric(direct, m.id, ranges)
			);
		});
		expect(found).toEqual([]);
	});

	it('counts every metric shown in the summary, and lists only metrics with signals', () => {
		const review = reviewOf(weekEnding);
		const shown = shownMetrics(review);
		const byId = new Map(shown.map((m) => [m.id, m]));
		for (const [summary, exceptions, details, signalsOf] of [
			[review.summary, review.exceptions, review.exceptionDetails, (m: ReviewMetric) => m.signals],
			[
				review.monthlySummary,
				review.monthlyExceptions,
				review.monthlyExceptionDetails,
				(m: ReviewMetric) => m.monthlySignals
			]
		] as const) {
			expect(summary.metrics).toBe(shown.length);
			expect(summary.exceptions).toBe(exceptions.length);
			expect(
				summary.withinBand + summary.withoutBand + summary.withoutData + summary.exceptions
			).toBe(summary.metrics);
			expect(details.map((d) => d.metricId)).toEqual(exceptions);
			for (const id of exceptions)
				expect(signalsOf(byId.get(id) as ReviewMetric), id).not.toEqual([]);
			// ... and every metric with a signal is on the list, once.
			const signalled = shown.filter((m) => signalsOf(m).length > 0).map((m) => m.id);
			expect([...exceptions].sort()).toEqual(signalled.sort());
		}
	});
});

// The planted cases, spelled out for review A (2025-11-15), so a reader sees what each one does.
// Every figure is also covered by the full comparison above.
describe('the planted cases, week ending 2025-11-15', () => {
	it('refers to periods a person can check on a calendar', () => {
		expect([A_W1, A_PW0]).toEqual([
			{ start: '2025-11-02', end: '2025-11-08' },
			{ start: '2024-11-10', end: '2024-11-16' }
		]);
		// Trailing months Nov 2024 ... Oct 2025; the prior year's February is all 29 days of 2024's.
		expect([A.trailingMonths[3], monthYearEarlier(A.trailingMonths[3] as Range)]).toEqual([
			{ start: '2025-02-01', end: '2025-02-28' },
			{ start: '2024-02-01', end: '2024-02-29' }
		]);
		// 31 May is a month's last day: May is the last of the twelve months, and the whole MTD.
		const monthEnd = reviewRanges(MONTH_END_WEEK_ENDING).reported;
		expect([monthEnd.trailingMonths[11], monthEnd.mtd]).toEqual([
			{ start: '2025-05-01', end: '2025-05-31' },
			{ start: '2025-05-01', end: '2025-05-31' }
		]);
	});

	it('a missing day in a week makes that week, its month and the spans holding it no data', () => {
		const m = metricOf(WEEK_ENDING, 'gap_in_week');
		expect(m.sixWeeks.cy[2]).toBeNull(); // W3, 19-25 Oct, lacks 22 Oct
		expect(m.twelveMonths.cy[11]).toBeNull(); // October 2025
		expect(m.twelveMonths.cy[6]).toBeNull(); // May 2025 lacks 27 May
		expect([m.box.qtd, m.box.ytd, m.box.qtdYoy, m.box.ytdYoy]).toEqual([null, null, null, null]);
		expect(m.notes).toEqual({ qtdYoy: 'no_data', ytdYoy: 'no_data' });
		expect(metricOf(WEEK_ENDING, 'gap_share').sixWeeks.cy[2]).toBeNull();
	});

	it('a missing day in last year’s YTD leaves YTD YoY n/a, a partial baseline', () => {
		const m = metricOf(WEEK_ENDING, 'gap_in_prior_ytd');
		expect(m.twelveMonths.py[4]).toBeNull(); // March 2024
		expect(m.box.ytd).not.toBeNull();
		expect(m.box.ytdYoy).toBeNull();
		expect(m.notes).toEqual({ ytdYoy: 'partial_baseline' });
	});

	it('a metric without a prior year has no YoY, and its partial YTD is no data', () => {
		const m = metricOf(WEEK_ENDING, 'late_start');
		expect(m.sixWeeks.py).toEqual([null, null, null, null, null, null]);
		expect(m.notes).toEqual({
			yoy: 'no_baseline',
			mtdYoy: 'no_baseline',
			qtdYoy: 'no_baseline',
			ytdYoy: 'no_data'
		});
	});

	it('a zero week is a zero baseline, not an infinite change', () => {
		const m = metricOf(WEEK_ENDING, 'zero_weeks');
		expect([m.sixWeeks.cy[4], m.sixWeeks.py[5]]).toEqual([0, 0]);
		expect(m.notes).toEqual({ wow: 'zero_baseline', yoy: 'zero_baseline' });
	});

	it('a mean takes the days it has; a derived metric is as covered as its worst operand', () => {
		const m = metricOf(WEEK_ENDING, 'mean_with_gaps');
		expect(m.box.lastWeek).not.toBeNull();
		expect(m.notes).toEqual({ wow: 'partial_baseline' }); // W1 lacks 4 Nov; PW0 is complete
		expect(metricOf(WEEK_ENDING, 'mean_spread').notes).toEqual({ wow: 'partial_baseline' });
	});

	it('`last` is the last day with a value: Friday 14 November, the 15th being empty', () => {
		const m = metricOf(WEEK_ENDING, 'closing_balance');
		expect(m.box.lastWeek).toBe(direct.valueOn('closing_balance', '2025-11-14'));
		expect(m.box.ytd).toBe(m.box.lastWeek);
	});

	it('a ratio is of the period totals, and a bps change is CY - PY x 10,000', () => {
		const [orders, sessions] = ['orders', 'sessions'].map((id) => metricOf(WEEK_ENDING, id));
		const conversion = metricOf(WEEK_ENDING, 'conversion');
		expect(conversion.box.lastWeek).toBeCloseTo(
			(orders?.box.lastWeek ?? NaN) / (sessions?.box.lastWeek ?? NaN),
			12
		);
		const rate = metricOf(WEEK_ENDING, 'on_time_rate');
		expect(rate.box.yoy).toBeCloseTo(
			((rate.box.lastWeek ?? NaN) - (rate.sixWeeks.py[5] ?? NaN)) * 10_000,
			9
		);
	});

	it('a constant plan adds up per day: 7 x 1,500 a week, 15 x 1,500 for 1-15 November', () => {
		const plan = metricOf(WEEK_ENDING, 'planned_signups').plan;
		expect(plan?.lastWeek).toBe(10_500);
		expect(plan?.mtd).toBe(22_500);
	});
});
