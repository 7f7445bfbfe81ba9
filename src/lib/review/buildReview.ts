/**
 * `buildReview`: a whole review (./types.ts) from the observations store, a catalog and a deck.
 * Used by the CLI and the app alike. The data flow is in README.md: one source store per data
 * (./sourceStore.ts), the week's periods (../periods/periodTable.ts), every number composed from the store
 * (./periodValues.ts), bands on the same store's weekly and monthly history (./reviewBands.ts).
 */
import { monthAbbreviation } from '../format/date';
import type { Engine } from '../engine/types';
import type { Catalog, Deck, DeckBlock, DeckMetric } from '../metrics/types';
import {
	fiscalMonthId,
	priorYearFiscalMonthId,
	priorYearToDateId,
	priorYearTrailingMonthId,
	priorYearWeekId,
	reviewPeriods,
	TRAILING_WEEKS,
	trailingMonthId,
	weekId
} from '../periods/periodTable';
import { weekdayOf } from '../periods/weekEnding';
import { defaultWeekEnding } from './defaultWeek';
import { nextTask } from './nextTask';
import { PeriodValues } from './periodValues';
import { reviewBands } from './reviewBands';
import { storeFor, type ReviewCache } from './reviewCache';
import { reviewMetric, sixWeekIds, twelveMonthIds, type MetricContext } from './reviewMetric';
import { deckMetricIds, planReviewMetrics, type ReviewMetricPlan } from './reviewMetrics';
import { checkSources, storeContents } from './sources';
import type { SourceStore } from './sourceStore';
import type { DateRange, Review, ReviewBlock, ReviewMetric } from './types';

export { defaultWeekEnding } from './defaultWeek';

export interface ReviewOptions {
	/** ISO date; default: the deck's week ending, else the last complete week in the data. */
	weekEnding?: string;
	/** The source stores shared with other reviews of the same data (reviewCache.ts). */
	cache?: ReviewCache;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function monthIds(block: { monthlyDisplay: string }): { cy: string[]; py: string[] } {
	return block.monthlyDisplay === 'fiscal_year'
		? { cy: twelveMonthIds(fiscalMonthId), py: twelveMonthIds(priorYearFiscalMonthId) }
		: { cy: twelveMonthIds(trailingMonthId), py: twelveMonthIds(priorYearTrailingMonthId) };
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

/** The catalog metrics the deck shows as themselves (not as a comparison series): these get bands. */
function bandedMetricIds(deck: Deck): string[] {
	return [...new Set(shownMetrics(deck).flatMap((m) => (m.comparison ? [] : [m.metric])))];
}

function weekLabels(table: PeriodValues, deck: Deck, weekEnding: string): string[] {
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
	return ids.map((id) => `wk ${table.period(id).weekNumber}`);
}

function reviewBlock(context: MetricContext, block: DeckBlock, weeks: string[]): ReviewBlock {
	if (block.type === 'section')
		return { title: block.title, type: block.type, xAxis: [], metrics: [] };
	const months = monthIds(block);
	const monthAxis = months.cy.map((id) => monthAbbreviation(context.table.period(id).startDate));
	if (block.type === '6_12Graph') {
		return {
			title: block.title,
			type: block.type,
			xAxis: [...weeks, ...monthAxis],
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
	const headers = block.type === '6_WeeksTable' ? [...weeks, 'QTD', 'YTD'] : monthAxis;
	return {
		title: block.title,
		type: block.type,
		xAxis: block.type === '6_WeeksTable' ? weeks : monthAxis,
		metrics,
		headers,
		rows
	};
}

/**
 * The plan whose sources the review's store holds: with a cache, the cache's metrics and the
 * deck's, so both views of a catalog read one store.
 */
function storePlan(
	catalog: Catalog,
	deckPlan: ReviewMetricPlan,
	cache?: ReviewCache
): ReviewMetricPlan {
	if (!cache || cache.metricIds.length === 0) return deckPlan;
	const known = new Set(catalog.metrics.map((m) => m.id));
	const extra = cache.metricIds.filter((id) => known.has(id));
	return planReviewMetrics(catalog, [...extra, ...deckPlan.asked]);
}

export async function buildReview(
	engine: Engine,
	config: { catalog: Catalog; deck: Deck },
	options: ReviewOptions = {}
): Promise<Review> {
	const { catalog, deck } = config;
	const plan = planReviewMetrics(catalog, deckMetricIds(deck));
	const contents = options.cache
		? options.cache.remember('contents', () => storeContents(engine))
		: storeContents(engine);
	checkSources(await contents, catalog, plan.sources);

	const needs = storePlan(catalog, plan, options.cache);
	const store = await storeFor(engine, needs, catalog.review.weekEndingWeekday, options.cache);
	const weekEnding =
		options.weekEnding ??
		deck.weekEnding ??
		(await defaultWeekEnding(engine, catalog, plan, { store }));
	if (!ISO_DATE.test(weekEnding))
		throw new Error(`week ending "${weekEnding}" is not a YYYY-MM-DD date`);
	const weekday = weekdayOf(weekEnding);
	if (weekday !== catalog.review.weekEndingWeekday) {
		throw new Error(
			`week ending ${weekEnding} is a ${weekday}, but weeks end on ${catalog.review.weekEndingWeekday}`
		);
	}
	return reviewFromStore(engine, config, plan, store, weekEnding);
}

async function reviewFromStore(
	engine: Engine,
	config: { catalog: Catalog; deck: Deck },
	plan: ReviewMetricPlan,
	store: SourceStore,
	weekEnding: string
): Promise<Review> {
	const { catalog, deck } = config;
	const periods = reviewPeriods(catalog.review, weekEnding);
	const table = await PeriodValues.compute(engine, store, plan, periods);
	await nextTask();
	const banded = bandedMetricIds(deck);
	const shared = { weekEnding, plan, store };
	const week = await reviewBands(engine, catalog, banded, { ...shared, grain: 'week' });
	await nextTask();
	const month = await reviewBands(engine, catalog, banded, { ...shared, grain: 'month' });
	await nextTask();
	const bands = { week, month };
	const context: MetricContext = {
		definitions: new Map(catalog.metrics.map((m) => [m.id, m])),
		plan,
		computed: new Map(plan.metrics.map((m) => [m.id, m])),
		table,
		store,
		bands
	};
	const weeks = weekLabels(table, deck, weekEnding);
	const range = (id: string): DateRange => {
		const period = table.period(id);
		return { start: period.startDate, end: period.endDate };
	};
	const ranges = (ids: string[]) => ids.map(range);
	return {
		weekEnding,
		weekEndingWeekday: catalog.review.weekEndingWeekday,
		fiscalYearEndMonth: catalog.review.fiscalYearEndMonth,
		...(deck.title ? { title: deck.title } : {}),
		periods: {
			sixWeeks: ranges(sixWeekIds(weekId)),
			priorYearSixWeeks: ranges(sixWeekIds(priorYearWeekId)),
			trailingMonths: ranges(twelveMonthIds(trailingMonthId)),
			fiscalYearMonths: ranges(twelveMonthIds(fiscalMonthId)),
			mtd: range('MTD'),
			qtd: range('QTD'),
			ytd: range('YTD'),
			priorYearMtd: range(priorYearToDateId('MTD')),
			priorYearQtd: range(priorYearToDateId('QTD')),
			priorYearYtd: range(priorYearToDateId('YTD'))
		},
		exceptions: bands.week.exceptions.map((e) => e.metricId),
		exceptionDetails: bands.week.exceptions,
		summary: bands.week.summary,
		monthlyExceptions: bands.month.exceptions.map((e) => e.metricId),
		monthlyExceptionDetails: bands.month.exceptions,
		monthlySummary: bands.month.summary,
		blocks: deck.blocks.map((block) => reviewBlock(context, block, weeks))
	};
}
