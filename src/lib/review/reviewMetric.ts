/** One metric of a review block: its 6-12 series, its box, its plan and its bands (README.md). */
import type { GrainBands } from './reviewBands';
import type { DeckMetric, MetricDefinition } from '../metrics/types';
import { SHOWN_AS } from '../periods/comparison';
import { coarsest, dataGrain, type DataGrain } from '../periods/grain';
import {
	priorYearWeekId,
	TRAILING_MONTHS,
	TRAILING_WEEKS,
	weekId,
	type ToDate
} from '../periods/periodTable';
import type { PeriodValues } from './periodValues';
import type { ComputedMetric, ReviewMetricPlan } from './reviewMetrics';
import type { SourceStore } from './sourceStore';
import type { Box, BoxCell, ReviewMetric, Value } from './types';

/** The review's periods, oldest first. */
export const sixWeekIds = (ids: (k: number) => string): string[] =>
	Array.from({ length: TRAILING_WEEKS }, (_, i) => ids(TRAILING_WEEKS - 1 - i));
export const twelveMonthIds = (ids: (i: number) => string): string[] =>
	Array.from({ length: TRAILING_MONTHS }, (_, i) => ids(i));

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

export interface MetricContext {
	definitions: Map<string, MetricDefinition>;
	plan: ReviewMetricPlan;
	computed: Map<string, ComputedMetric>;
	table: PeriodValues;
	store: SourceStore;
	bands: { week: GrainBands; month: GrainBands };
}

function scaled(value: Value, factor: number): Value {
	return value === null ? null : value * factor;
}

/** A metric's data grain: its source's, or the coarsest of a derived metric's operands. */
function metricGrain(context: MetricContext, id: string): DataGrain {
	const metric = context.computed.get(id);
	if (metric?.from === 'source') {
		const source = context.store.indexOf(context.plan.sources[metric.source] ?? { metric: '' });
		return dataGrain(context.store.grains[source ?? -1]?.grain ?? 'day');
	}
	if (metric?.from === 'derived')
		return coarsest(metric.operands.map((operand) => metricGrain(context, operand)));
	return 'day';
}

export function reviewMetric(
	context: MetricContext,
	shown: DeckMetric,
	months: { cy: string[]; py: string[] }
): ReviewMetric {
	const { table, plan } = context;
	const definition = context.definitions.get(shown.metric) as MetricDefinition;
	const id = shown.metric;
	const shownAs = SHOWN_AS[definition.comparison ?? 'percent'];
	const weeks = { cy: sixWeekIds(weekId), py: sixWeekIds(priorYearWeekId) };
	const value = (period: string) => table.value(id, period);
	const yoy = (period: string) => table.change(id, period, 'yoy').value;
	const pop = (period: string) => table.change(id, period, 'pop').value;
	const none = (ids: string[]) => ids.map(() => null);
	const notes: ReviewMetric['notes'] = {};
	const note = (cell: BoxCell, period: string, against: 'yoy' | 'pop') => {
		const why = table.change(id, period, against).note;
		if (why) notes[cell] = why;
	};

	let sixWeeks: ReviewMetric['sixWeeks'];
	let twelveMonths: ReviewMetric['twelveMonths'];
	let box: Box;
	switch (shown.comparison) {
		case undefined: {
			sixWeeks = { cy: weeks.cy.map(value), py: weeks.py.map(value) };
			twelveMonths = { cy: months.cy.map(value), py: months.py.map(value) };
			box = {
				...NO_BOX,
				lastWeek: value(weekId(0)),
				wow: scaled(pop(weekId(0)), shownAs),
				yoy: scaled(yoy(weekId(0)), shownAs)
			};
			note('wow', weekId(0), 'pop');
			note('yoy', weekId(0), 'yoy');
			for (const [span, cell, yoyCell] of TO_DATE_CELLS) {
				box[cell] = value(span);
				box[yoyCell] = scaled(yoy(span), shownAs);
				note(yoyCell, span, 'yoy');
			}
			break;
		}
		case 'yoy': {
			// The WBR App's `XYOY` series: the year-over-year change itself, period by period.
			sixWeeks = { cy: weeks.cy.map(yoy), py: none(weeks.py) };
			twelveMonths = { cy: months.cy.map(yoy), py: none(months.py) };
			box = {
				...NO_BOX,
				lastWeek: yoy(weekId(0)),
				wow: scaled(table.yoyChangeOverPrevious(id, weekId(0)), shownAs),
				mtd: yoy('MTD'),
				qtd: yoy('QTD'),
				ytd: yoy('YTD')
			};
			break;
		}
		case 'wow':
			// Week over week is a weekly series only: no months, and its box would repeat the WoW cell.
			sixWeeks = { cy: weeks.cy.map(pop), py: none(weeks.py) };
			twelveMonths = { cy: none(months.cy), py: none(months.py) };
			box = { ...NO_BOX };
			break;
		case 'mom':
			sixWeeks = { cy: none(weeks.cy), py: none(weeks.py) };
			twelveMonths = { cy: months.cy.map(pop), py: none(months.py) };
			box = { ...NO_BOX };
			break;
	}

	const planId = plan.planOf.get(id);
	const planAt = (period: string) => (planId === undefined ? null : table.value(planId, period));
	const suffix = { yoy: ' YOY', wow: ' WOW', mom: ' MOM' };
	return {
		id: shown.id,
		label: shown.legend ?? definition.label + (shown.comparison ? suffix[shown.comparison] : ''),
		kind: definition.kind,
		direction: definition.direction,
		unit: shown.comparison ? 'percent' : definition.unit,
		...(definition.unitDetail && !shown.comparison ? { unitDetail: definition.unitDetail } : {}),
		...(definition.owner ? { owner: definition.owner } : {}),
		comparison: definition.comparison ?? 'percent',
		lineStyle: shown.lineStyle ?? 'primary',
		showPriorYear: shown.showPriorYear ?? true,
		dataGrain: metricGrain(context, id),
		sixWeeks,
		twelveMonths,
		box,
		notes,
		plan:
			planId !== undefined && !shown.comparison
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
	context: MetricContext,
	shown: DeckMetric
): Pick<
	ReviewMetric,
	'band' | 'signals' | 'monthlyBand' | 'monthlySignals' | 'assurance' | 'monthlyAssurance'
> {
	const week = shown.comparison ? undefined : context.bands.week.evaluations.get(shown.metric);
	const month = shown.comparison ? undefined : context.bands.month.evaluations.get(shown.metric);
	return {
		band: week?.band ?? null,
		signals: week?.signals ?? [],
		monthlyBand: month?.band ?? null,
		monthlySignals: month?.signals ?? [],
		assurance: week?.assurance ?? null,
		monthlyAssurance: month?.assurance ?? null
	};
}
