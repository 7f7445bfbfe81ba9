/**
 * Metrics' history at one grain (weeks or months), oldest first, composed from the same source
 * store and by the same rules as the review's own numbers (./periodValues.ts) over the history's
 * periods (../periods/history.ts). So a history value follows every rule a review number follows:
 * a `sum` over a period with a missing day is no data, derived metrics are ratios of the period's
 * totals, segments and filters are the catalog's.
 */
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { historyPeriods, type HistoryGrain } from '../periods/history';
import { PeriodValues } from './periodValues';
import { storeFor, type ReviewCache } from './reviewCache';
import { planReviewMetrics, type ReviewMetricPlan } from './reviewMetrics';
import type { SourceStore } from './sourceStore';
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
	/** The store holding the plan's sources (the review's); else the cache's or one of its own. */
	store?: SourceStore;
	cache?: ReviewCache;
}

/** The history of catalog metrics `ids` (and of their plans). */
export async function metricHistory(
	engine: Engine,
	catalog: Catalog,
	ids: string[],
	options: HistoryOptions
): Promise<MetricHistory> {
	const plan = options.plan ?? planReviewMetrics(catalog, ids);
	const periods = historyPeriods(
		options.grain,
		options.periods,
		catalog.review,
		options.weekEnding
	);
	const store =
		options.store ??
		(await storeFor(engine, plan, catalog.review.weekEndingWeekday, options.cache));
	const table = await PeriodValues.compute(engine, store, plan, periods);
	const values = new Map<string, Value[]>();
	const plans = new Map<string, Value[]>();
	for (const id of ids) {
		values.set(id, table.values(id));
		const planId = plan.planOf.get(id);
		if (planId !== undefined) plans.set(id, table.values(planId));
	}
	return {
		grain: options.grain,
		periodEnds: periods.map((p) => p.endDate),
		values,
		plans
	};
}
