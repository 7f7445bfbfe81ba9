/**
 * `buildReview`: a whole review (../review/types.ts) from the observations store, a catalog and
 * a deck, in a handful of queries. Used by the CLI and the app alike.
 */
import { monthAbbreviation } from '../format/date';
import { numbers, strings } from '../engine/columns';
import type { Engine, QueryResult } from '../engine/types';
import type { Catalog, Deck, DeckBlock, DeckMetric, MetricDefinition } from '../metrics/types';
import { SHOWN_AS, type ComparisonNote } from '../periods/comparison';
import {
	fiscalMonthId,
	priorYearFiscalMonthId,
	priorYearToDateId,
	priorYearTrailingMonthId,
	priorYearWeekId,
	reviewPeriods,
	TRAILING_MONTHS,
	TRAILING_WEEKS,
	trailingMonthId,
	weekId,
	type ToDate
} from '../periods/periodTable';
import { coarsest, dataGrain, grainsSql, type DataGrain, type Grain } from '../periods/grain';
import { weekdayOf, weekEndingOnOrBefore } from '../periods/weekEnding';
import { OBSERVATIONS, segmentDimensions } from '../store/observations';
import { cachedPeriodsSql } from './periodCache';
import { readsCache, weekRows, type ReviewCache, type WeekSource } from './reviewCache';
import { reviewBands, type GrainBands } from './reviewBands';
import { deckMetricIds, planReviewMetrics, type ReviewMetricPlan } from './reviewMetrics';
import type { WeeklyQuery } from './weekTables';
import { reviewSql, sourceDatesSql } from './reviewQuery';
import type { Box, BoxCell, DateRange, Review, ReviewBlock, ReviewMetric, Value } from './types';

export interface ReviewOptions {
	/** ISO date; default: the deck's week ending, else the last complete week in the data. */
	weekEnding?: string;
	/** Every week's numbers, shared with other reviews of the same data (reviewCache.ts). */
	cache?: ReviewCache;
	/** Build the cache's tables this review lacks, rather than computing its week alone (idle time). */
	fillCache?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The review's periods, oldest first. */
const sixWeekIds = (ids: (k: number) => string) =>
	Array.from({ length: TRAILING_WEEKS }, (_, i) => ids(TRAILING_WEEKS - 1 - i));
const twelveMonthIds = (ids: (i: number) => string) =>
	Array.from({ length: TRAILING_MONTHS }, (_, i) => ids(i));

/** Checks every source the review reads exists in the store, naming a metric that needs it. */
async function checkSources(
	engine: Engine,
	catalog: Catalog,
	plan: ReviewMetricPlan
): Promise<void> {
	const present = new Set(
		strings(await engine.query(`SELECT DISTINCT metric FROM ${OBSERVATIONS}`), 'metric')
	);
	const dimensions = new Set(await segmentDimensions(engine));
	for (const source of plan.sources) {
		const user =
			catalog.metrics.find((m) => m.source?.metric === source.metric)?.id ?? source.metric;
		if (!present.has(source.metric)) {
			throw new Error(
				`metric "${user}": the data has no column or metric named "${source.metric}"`
			);
		}
		const used = [
			...Object.keys(source.filter ?? {}),
			...(source.conditions ?? []).map((c) => c.dimension)
		];
		for (const dimension of used) {
			if (!dimensions.has(dimension)) {
				throw new Error(
					`metric "${user}": the data has no segment column "${dimension}" to filter on`
				);
			}
		}
	}
}

/** The last complete week in the data for the review's metrics (see ../periods/README.md). */
export async function defaultWeekEnding(
	engine: Engine,
	catalog: Catalog,
	plan: ReviewMetricPlan
): Promise<string> {
	// The actuals decide; a plan usually runs ahead of them.
	const plans = new Set(plan.planOf.values());
	const actuals = new Set(
		plan.metrics.flatMap((m) => (m.from === 'source' && !plans.has(m.id) ? [m.source] : []))
	);
	const sources = plan.sources.filter((_, index) => actuals.has(index));
	const dates = sources.length
		? sourceDatesSql(sources)
		: `SELECT DISTINCT 0 AS source, date FROM ${OBSERVATIONS} WHERE value IS NOT NULL`;
	const weekday = catalog.review.weekEndingWeekday;
	// Each source's last day with a value: a Friday completes the weekend of business-day data, a
	// monthly value dated the 1st its month. The review's week is the last one that at least half
	// of the sources reach, so metrics that run on (a target, a share) do not open the review on
	// weeks where most metrics have no data yet. Monthly data counts only when there is nothing
	// else; then the week that completes its last month, so the strategic review ends on it.
	const reached = (ends: string) =>
		`list_sort(list(last) FILTER (WHERE ${ends}), 'DESC')[CAST(ceil(count(*) FILTER (WHERE ${ends}) / 2) AS INTEGER)]`;
	const result = await engine.query(
		`WITH dates AS (${dates}), grains AS (${grainsSql('dates', 'source')}),
		ends AS (SELECT g.grain LIKE 'month%' AS monthly,
			CASE WHEN g.grain = 'month-first' THEN last_day(max(d.date))
				WHEN g.grain = 'weekdays' AND dayofweek(max(d.date)) = 5 THEN max(d.date) + 2
				ELSE max(d.date) END AS last
			FROM dates d JOIN grains g USING (source) GROUP BY g.source, g.grain)
		SELECT CAST(CASE WHEN bool_and(monthly) THEN ${weekEndingOnOrBefore(`${reached('true')} + 6`, weekday)}
			ELSE ${weekEndingOnOrBefore(reached('NOT monthly'), weekday)} END AS DATE) AS week_ending
		FROM ends`
	);
	const weekEnding = strings(result, 'week_ending')[0];
	if (!weekEnding) throw new Error('the loaded data has no values for the review’s metrics');
	return weekEnding;
}

/** Reads the review query's result by period id and column. */
class PeriodTable {
	private readonly row = new Map<string, number>();
	constructor(private readonly result: QueryResult) {
		strings(result, 'id').forEach((id, index) => id !== null && this.row.set(id, index));
	}
	private index(id: string): number {
		const index = this.row.get(id);
		if (index === undefined) throw new Error(`review query has no period "${id}"`);
		return index;
	}
	value(id: string, column: string): Value {
		return numbers(this.result, column)[this.index(id)] ?? null;
	}
	text(id: string, column: string): string | null {
		return strings(this.result, column)[this.index(id)] ?? null;
	}
	range(id: string): DateRange {
		return { start: this.text(id, 'start') ?? '', end: this.text(id, 'end') ?? '' };
	}
}

function scaled(value: Value, factor: number): Value {
	return value === null ? null : value * factor;
}

const NO_BOX: Box = {
	lastWeek: null,
	wow: null,
	yoy: null,
	mtd: null,
	mtdYoy: null,
	qtd: null,
	qtdYoy: null,
	ytd: null,
	ytdYoy: null
};

const TO_DATE_CELLS: [ToDate, BoxCell, BoxCell][] = [
	['MTD', 'mtd', 'mtdYoy'],
	['QTD', 'qtd', 'qtdYoy'],
	['YTD', 'ytd', 'ytdYoy']
];

interface Context {
	catalog: Catalog;
	plan: ReviewMetricPlan;
	table: PeriodTable;
	bands: { week: GrainBands; month: GrainBands };
	/** Each source's grain, by index. */
	grains: Grain[];
}

/** Each of the plan's sources' grain (../periods/grain.ts), by index: one look at their dates. */
async function sourceGrains(engine: Engine, plan: ReviewMetricPlan): Promise<Grain[]> {
	if (plan.sources.length === 0) return [];
	const result = await engine.query(
		`SELECT source, grain FROM (${grainsSql(`(${sourceDatesSql(plan.sources)})`, 'source')})`
	);
	const grains: Grain[] = plan.sources.map(() => 'day');
	numbers(result, 'source').forEach((source, i) => {
		const grain = strings(result, 'grain')[i];
		if (source !== null && grain) grains[source] = grain as Grain;
	});
	return grains;
}

/** A metric's data grain: its source's, or the coarsest of a derived metric's operands. */
function metricGrain(context: Context, id: string): DataGrain {
	const metric = context.plan.metrics.find((m) => m.id === id);
	if (metric?.from === 'source') return dataGrain(context.grains[metric.source] ?? 'day');
	if (metric?.from === 'derived')
		return coarsest(metric.operands.map((operand) => metricGrain(context, operand)));
	return 'day';
}

function monthIds(block: { monthlyDisplay: string }): { cy: string[]; py: string[] } {
	return block.monthlyDisplay === 'fiscal_year'
		? { cy: twelveMonthIds(fiscalMonthId), py: twelveMonthIds(priorYearFiscalMonthId) }
		: { cy: twelveMonthIds(trailingMonthId), py: twelveMonthIds(priorYearTrailingMonthId) };
}

function reviewMetric(
	context: Context,
	shown: DeckMetric,
	months: { cy: string[]; py: string[] }
): ReviewMetric {
	const { table, plan } = context;
	const definition = context.catalog.metrics.find((m) => m.id === shown.metric) as MetricDefinition;
	const column = plan.columnOf.get(shown.metric) as string;
	const method = definition.comparison ?? 'percent';
	const shownAs = SHOWN_AS[method];
	const weeks = { cy: sixWeekIds(weekId), py: sixWeekIds(priorYearWeekId) };
	const at = (suffix: string) => (id: string) => table.value(id, column + suffix);
	const none = (ids: string[]) => ids.map(() => null);
	const notes: ReviewMetric['notes'] = {};
	const note = (cell: BoxCell, id: string, suffix: '_yoy_note' | '_pop_note') => {
		const why = table.text(id, column + suffix);
		if (why) notes[cell] = why as ComparisonNote;
	};

	let sixWeeks: ReviewMetric['sixWeeks'];
	let twelveMonths: ReviewMetric['twelveMonths'];
	let box: Box;
	switch (shown.comparison) {
		case undefined: {
			sixWeeks = { cy: weeks.cy.map(at('')), py: weeks.py.map(at('')) };
			twelveMonths = { cy: months.cy.map(at('')), py: months.py.map(at('')) };
			box = {
				...NO_BOX,
				lastWeek: at('')(weekId(0)),
				wow: scaled(at('_pop')(weekId(0)), shownAs),
				yoy: scaled(at('_yoy')(weekId(0)), shownAs)
			};
			note('wow', weekId(0), '_pop_note');
			note('yoy', weekId(0), '_yoy_note');
			for (const [span, cell, yoyCell] of TO_DATE_CELLS) {
				box[cell] = at('')(span);
				box[yoyCell] = scaled(at('_yoy')(span), shownAs);
				note(yoyCell, span, '_yoy_note');
			}
			break;
		}
		case 'yoy': {
			// The WBR App's `XYOY` series: the year-over-year change itself, period by period.
			sixWeeks = { cy: weeks.cy.map(at('_yoy')), py: none(weeks.py) };
			twelveMonths = { cy: months.cy.map(at('_yoy')), py: none(months.py) };
			box = {
				...NO_BOX,
				lastWeek: at('_yoy')(weekId(0)),
				wow: scaled(at('_yoy_pop')(weekId(0)), shownAs),
				mtd: at('_yoy')('MTD'),
				qtd: at('_yoy')('QTD'),
				ytd: at('_yoy')('YTD')
			};
			break;
		}
		case 'wow':
			// Week over week is a weekly series only: no months, and its box would repeat the WoW cell.
			sixWeeks = { cy: weeks.cy.map(at('_pop')), py: none(weeks.py) };
			twelveMonths = { cy: none(months.cy), py: none(months.py) };
			box = { ...NO_BOX };
			break;
		case 'mom':
			sixWeeks = { cy: none(weeks.cy), py: none(weeks.py) };
			twelveMonths = { cy: months.cy.map(at('_pop')), py: none(months.py) };
			box = { ...NO_BOX };
			break;
	}

	const planId = plan.planOf.get(shown.metric);
	const planColumn = planId === undefined ? undefined : plan.columnOf.get(planId);
	const planAt = (id: string) => (planColumn ? table.value(id, planColumn) : null);
	const suffix = { yoy: ' YOY', wow: ' WOW', mom: ' MOM' };
	return {
		id: shown.id,
		label: shown.legend ?? definition.label + (shown.comparison ? suffix[shown.comparison] : ''),
		kind: definition.kind,
		direction: definition.direction,
		unit: shown.comparison ? 'percent' : definition.unit,
		...(definition.unitDetail && !shown.comparison ? { unitDetail: definition.unitDetail } : {}),
		...(definition.owner ? { owner: definition.owner } : {}),
		comparison: method,
		lineStyle: shown.lineStyle ?? 'primary',
		showPriorYear: shown.showPriorYear ?? true,
		dataGrain: metricGrain(context, shown.metric),
		sixWeeks,
		twelveMonths,
		box,
		notes,
		plan:
			planColumn && !shown.comparison
				? {
						sixWeeks: weeks.cy.map(planAt),
						twelveMonths: months.cy.map(planAt),
						lastWeek: planAt(weekId(0)),
						mtd: planAt('MTD'),
						qtd: planAt('QTD'),
						ytd: planAt('YTD')
					}
				: null,
		...bandsOf(context, shown)
	};
}

/** A metric's band and signals at both grains; a comparison series (`XYOY`, ...) has none. */
function bandsOf(
	context: Context,
	shown: DeckMetric
): Pick<ReviewMetric, 'band' | 'signals' | 'monthlyBand' | 'monthlySignals'> {
	const week = shown.comparison ? undefined : context.bands.week.evaluations.get(shown.metric);
	const month = shown.comparison ? undefined : context.bands.month.evaluations.get(shown.metric);
	return {
		band: week?.band ?? null,
		signals: week?.signals ?? [],
		monthlyBand: month?.band ?? null,
		monthlySignals: month?.signals ?? []
	};
}

/** The catalog metrics the deck shows as themselves (not as a comparison series): these get bands. */
function bandedMetricIds(deck: Deck): string[] {
	return [...new Set(shownMetrics(deck).flatMap((m) => (m.comparison ? [] : [m.metric])))];
}

function monthLabels(table: PeriodTable, ids: string[]): string[] {
	return ids.map((id) => monthAbbreviation(table.range(id).start));
}

function weekLabels(table: PeriodTable, deck: Deck, weekEnding: string): string[] {
	const ids = sixWeekIds(weekId);
	if (deck.weekNumber !== undefined && deck.weekEnding) {
		// The WBR App numbers weeks from the configuration's `week_number`, wrapping after 52.
		const shift = Math.round(
			(Date.parse(weekEnding) - Date.parse(deck.weekEnding)) / (7 * 86_400_000)
		);
		const current = deck.weekNumber + shift;
		return ids.map((_, i) => {
			const weeksBack = TRAILING_WEEKS - 1 - i;
			return `wk ${((((current - 1 - weeksBack) % 52) + 52) % 52) + 1}`;
		});
	}
	return ids.map((id) => `wk ${table.value(id, 'week_number')}`);
}

function reviewBlock(context: Context, block: DeckBlock, labels: { weeks: string[] }): ReviewBlock {
	if (block.type === 'section')
		return { title: block.title, type: block.type, xAxis: [], metrics: [] };
	const months = monthIds(block);
	const monthAxis = monthLabels(context.table, months.cy);
	if (block.type === '6_12Graph') {
		return {
			title: block.title,
			type: block.type,
			xAxis: [...labels.weeks, ...monthAxis],
			metrics: block.metrics.map((m) => reviewMetric(context, m, months))
		};
	}
	const metrics: ReviewMetric[] = [];
	const rows = block.rows.map((row) => {
		if (!row.metric) return { id: null, label: row.header, values: [] };
		const metric = reviewMetric(context, row.metric, months);
		metrics.push(metric);
		const values =
			block.type === '6_WeeksTable'
				? [...metric.sixWeeks.cy, metric.box.qtd, metric.box.ytd]
				: metric.twelveMonths.cy;
		return { id: metric.id, label: row.header, values };
	});
	const headers = block.type === '6_WeeksTable' ? [...labels.weeks, 'QTD', 'YTD'] : monthAxis;
	return {
		title: block.title,
		type: block.type,
		xAxis: block.type === '6_WeeksTable' ? labels.weeks : monthAxis,
		metrics,
		headers,
		rows
	};
}

/** Every metric the deck shows, in graphs and table rows alike. */
function shownMetrics(deck: Deck): DeckMetric[] {
	return deck.blocks.flatMap((block) =>
		block.type === '6_12Graph'
			? block.metrics
			: block.type === 'section'
				? []
				: block.rows.flatMap((r) => (r.metric ? [r.metric] : []))
	);
}

function yoySeriesIds(deck: Deck): Set<string> {
	return new Set(shownMetrics(deck).flatMap((m) => (m.comparison === 'yoy' ? [m.metric] : [])));
}

/**
 * The plan of a review that reads the cache's tables (or fills them): the cache's metrics and the
 * deck's, the cache's first, so that every deck of the catalog reads the same tables. Undefined
 * when the review computes its week alone: then its deck's metrics are enough.
 */
async function sharedPlan(
	engine: Engine,
	config: { catalog: Catalog; deck: Deck },
	source: WeekSource,
	reviewQuery: (plan: ReviewMetricPlan) => WeeklyQuery
): Promise<ReviewMetricPlan | undefined> {
	if (!source.cache) return undefined;
	const ids = [...source.cache.metricIds, ...deckMetricIds(config.deck)];
	const plan = planReviewMetrics(config.catalog, ids);
	if (!readsCache(engine, source, reviewQuery(plan))) return undefined;
	await checkSources(engine, config.catalog, plan);
	return plan;
}

export async function buildReview(
	engine: Engine,
	config: { catalog: Catalog; deck: Deck },
	options: ReviewOptions = {}
): Promise<Review> {
	const { catalog, deck } = config;
	const deckPlan = planReviewMetrics(catalog, deckMetricIds(deck));
	await checkSources(engine, catalog, deckPlan);

	const weekEnding =
		options.weekEnding ?? deck.weekEnding ?? (await defaultWeekEnding(engine, catalog, deckPlan));
	if (!ISO_DATE.test(weekEnding))
		throw new Error(`week ending "${weekEnding}" is not a YYYY-MM-DD date`);
	const weekday = weekdayOf(weekEnding);
	if (weekday !== catalog.review.weekEndingWeekday) {
		throw new Error(
			`week ending ${weekEnding} is a ${weekday}, but weeks end on ${catalog.review.weekEndingWeekday}`
		);
	}

	const periods = await cachedPeriodsSql(engine, reviewPeriods(catalog.review), {
		weekEnding,
		weekday
	});
	const yoySeries = yoySeriesIds(deck);
	const reviewQuery =
		(plan: ReviewMetricPlan): WeeklyQuery =>
		(weeks) =>
			reviewSql(plan, catalog.review, { yoySeries, periods, weeks });
	const source: WeekSource = { cache: options.cache, fill: options.fillCache };
	const plan = (await sharedPlan(engine, config, source, reviewQuery)) ?? deckPlan;
	const result = await weekRows(engine, source, reviewQuery(plan), { weekEnding, weekday });
	const table = new PeriodTable(result);
	const banded = bandedMetricIds(deck);
	const shared = { weekEnding, plan, cache: options.cache, fillCache: options.fillCache };
	const bands = {
		week: await reviewBands(engine, catalog, banded, { ...shared, grain: 'week' }),
		month: await reviewBands(engine, catalog, banded, { ...shared, grain: 'month' })
	};
	const grains = await (options.cache
		? options.cache.remember(`grains ${JSON.stringify(plan.sources)}`, () =>
				sourceGrains(engine, plan)
			)
		: sourceGrains(engine, plan));
	const context: Context = { catalog, plan, table, bands, grains };
	const labels = { weeks: weekLabels(table, deck, weekEnding) };
	const ranges = (ids: string[]) => ids.map((id) => table.range(id));
	return {
		weekEnding,
		weekEndingWeekday: weekday,
		fiscalYearEndMonth: catalog.review.fiscalYearEndMonth,
		...(deck.title ? { title: deck.title } : {}),
		periods: {
			sixWeeks: ranges(sixWeekIds(weekId)),
			priorYearSixWeeks: ranges(sixWeekIds(priorYearWeekId)),
			trailingMonths: ranges(twelveMonthIds(trailingMonthId)),
			fiscalYearMonths: ranges(twelveMonthIds(fiscalMonthId)),
			mtd: table.range('MTD'),
			qtd: table.range('QTD'),
			ytd: table.range('YTD'),
			priorYearMtd: table.range(priorYearToDateId('MTD')),
			priorYearQtd: table.range(priorYearToDateId('QTD')),
			priorYearYtd: table.range(priorYearToDateId('YTD'))
		},
		exceptions: bands.week.exceptions.map((e) => e.metricId),
		exceptionDetails: bands.week.exceptions,
		summary: bands.week.summary,
		monthlyExceptions: bands.month.exceptions.map((e) => e.metricId),
		monthlyExceptionDetails: bands.month.exceptions,
		monthlySummary: bands.month.summary,
		blocks: deck.blocks.map((block) => reviewBlock(context, block, labels))
	};
}
