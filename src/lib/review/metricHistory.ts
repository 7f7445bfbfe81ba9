/**
 * Metrics' history at one grain (weeks or months), oldest first, computed by the review query's own
 * stages (`periodValuesSql`) over the history's periods (../periods/history.ts). So a history value
 * follows every rule a review number follows: a `sum` over a period with a missing day is no data,
 * derived metrics are ratios of the period's totals, segments and filters are the catalog's.
 */
import { numbers, strings } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { historyPeriods, PERIODS_PER_YEAR, type HistoryGrain } from '../periods/history';
import { periodSpecsSql } from '../periods/periodTable';
import { cachedPeriodsSql } from './periodCache';
import { weekRows, type ReviewCache } from './reviewCache';
import { planReviewMetrics, type ReviewMetricPlan } from './reviewMetrics';
import { periodValuesSql } from './reviewQuery';
import type { Value } from './types';

export interface MetricHistory {
	grain: HistoryGrain;
	/** ISO period-end dates, oldest first; the last is the period under review. */
	periodEnds: string[];
	/** Each requested metric's values, aligned with `periodEnds`. */
	values: Map<string, Value[]>;
	/** The plan of each requested metric that has one, aligned with `periodEnds`. */
	plans: Map<string, Value[]>;
}

export interface HistoryOptions {
	grain: HistoryGrain;
	/** The review's week ending (ISO date): the newest week, or the month complete by then. */
	weekEnding: string;
	/** How many periods, the period under review included. */
	periods: number;
	/** The catalog's plan for `ids` (or for more metrics); computed when not given. */
	plan?: ReviewMetricPlan;
	/** Tables of every week's history, shared with other reviews of the same data. */
	cache?: ReviewCache;
	/** Build the cache's table when it has none, rather than computing this week alone. */
	fillCache?: boolean;
}

/**
 * The history query: one row per week ending of `weeks` (default: the query's one parameter) and
 * period, `position` 0 the period under review. `periodsSelect`: the history's periods as a
 * SELECT over `anchor` (default: `periods` of them, computed inline).
 */
export function historySql(
	plan: ReviewMetricPlan,
	grain: HistoryGrain,
	periods: number,
	periodsSelect = periodSpecsSql(historyPeriods(grain, periods)),
	weeks?: string
): string {
	const columns = plan.metrics.map((m) => `, ${m.column}`).join('');
	return `WITH ${periodValuesSql(plan, periodsSelect, weeks)}
SELECT week_ending, position, "end" AS period_end${columns} FROM period_values`;
}

/** The history of catalog metrics `ids` (and of their plans). */
export async function metricHistory(
	engine: Engine,
	catalog: Catalog,
	ids: string[],
	options: HistoryOptions
): Promise<MetricHistory> {
	const plan = options.plan ?? planReviewMetrics(catalog, ids);
	// The cached periods run to whole years, so histories a few periods apart (a locked baseline's
	// grows by one each week) share one table: this history is its first rows.
	const year = PERIODS_PER_YEAR[options.grain];
	const cachedPeriods = Math.ceil(options.periods / year) * year;
	const weekday = catalog.review.weekEndingWeekday;
	const periods = await cachedPeriodsSql(engine, historyPeriods(options.grain, cachedPeriods), {
		weekEnding: options.weekEnding,
		weekday
	});
	const result = await weekRows(
		engine,
		{ cache: options.cache, fill: options.fillCache },
		(weeks) => historySql(plan, options.grain, cachedPeriods, periods, weeks),
		{
			weekEnding: options.weekEnding,
			weekday,
			where: `position < ${options.periods}`,
			orderBy: 'period_end'
		}
	);
	const column = (id: string | undefined) => {
		const name = id === undefined ? undefined : plan.columnOf.get(id);
		return name === undefined ? undefined : numbers(result, name);
	};
	const values = new Map<string, Value[]>();
	const plans = new Map<string, Value[]>();
	for (const id of ids) {
		const own = column(id);
		if (!own) throw new Error(`metric "${id}" was not computed`);
		values.set(id, own);
		const planned = column(plan.planOf.get(id));
		if (planned) plans.set(id, planned);
	}
	return {
		grain: options.grain,
		periodEnds: strings(result, 'period_end').map(String),
		values,
		plans
	};
}
