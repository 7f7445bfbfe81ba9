/** The review's default week: the last complete week in the data (see ../periods/README.md). */
import { strings } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { grainsSql } from '../periods/grain';
import { weekEndingOnOrBefore } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';
import type { ReviewMetricPlan } from './reviewMetrics';
import { sourceDatesSql } from './sources';

/** The last complete week in the data for the review's metrics. */
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
