/** The review's default week: the last complete week in the data (see ../periods/README.md). */
import { strings } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { dayOfWeek, epochDay, isoDay, monthLastDay, monthNumber } from '../periods/epochDays';
import { isMonthly } from '../periods/grain';
import { weekdayNumber } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';
import { storeFor, type ReviewCache } from './reviewCache';
import type { ReviewMetricPlan } from './reviewMetrics';
import type { SourceStore } from './sourceStore';

/** The week ending on `weekday` (Sunday = 0) on or before `day`, as `weekEndingOnOrBefore` in SQL. */
function weekEndOnOrBefore(day: number, weekday: number): number {
	return day - ((dayOfWeek(day) - weekday + 7) % 7);
}

/** The `(count / 2)`th latest of `days` (rounded up), the day at least half of them reach. */
function reachedByHalf(days: number[]): number | undefined {
	const sorted = [...days].sort((a, b) => b - a);
	return sorted[Math.ceil(sorted.length / 2) - 1];
}

function fromStore(store: SourceStore, actuals: number[], weekday: number): number | undefined {
	// Each source's last day with a value: a Friday completes the weekend of business-day data, a
	// monthly value dated the 1st its month.
	const ends = actuals.flatMap((source) => {
		const last = store.lastDays[source];
		const grain = store.grains[source]?.grain ?? 'day';
		if (last === null || last === undefined) return [];
		const end =
			grain === 'month-first'
				? monthLastDay(monthNumber(last))
				: grain === 'weekdays' && dayOfWeek(last) === 5
					? last + 2
					: last;
		return [{ end, monthly: isMonthly(grain) }];
	});
	if (ends.length === 0) return undefined;
	// The last week that at least half of the sources reach, so metrics that run on (a target, a
	// share) do not open the review on weeks where most metrics have no data yet. Monthly data
	// counts only when there is nothing else; then the week that completes its last month, so the
	// strategic review ends on it.
	if (ends.every((e) => e.monthly)) {
		const reached = reachedByHalf(ends.map((e) => e.end));
		return reached === undefined ? undefined : weekEndOnOrBefore(reached + 6, weekday);
	}
	const reached = reachedByHalf(ends.filter((e) => !e.monthly).map((e) => e.end));
	return reached === undefined ? undefined : weekEndOnOrBefore(reached, weekday);
}

/** The last complete week in the data for the review's metrics. */
export async function defaultWeekEnding(
	engine: Engine,
	catalog: Catalog,
	plan: ReviewMetricPlan,
	/** A store holding the plan's sources (the review's), else the cache's or one of its own. */
	from: { store?: SourceStore; cache?: ReviewCache } = {}
): Promise<string> {
	const weekday = weekdayNumber(catalog.review.weekEndingWeekday);
	// The actuals decide; a plan usually runs ahead of them.
	const plans = new Set(plan.planOf.values());
	const actuals = new Set(
		plan.metrics.flatMap((m) => (m.from === 'source' && !plans.has(m.id) ? [m.source] : []))
	);
	const sources = plan.sources.filter((_, index) => actuals.has(index));
	let weekEnding: number | undefined;
	if (sources.length) {
		// The store of all the plan's sources, which the review then reads too.
		const store =
			from.store ?? (await storeFor(engine, plan, catalog.review.weekEndingWeekday, from.cache));
		const indexes = sources.map((source) => store.indexOf(source) ?? -1);
		weekEnding = fromStore(store, indexes, weekday);
	} else {
		const last = strings(
			await engine.query(
				`SELECT strftime(max(date), '%Y-%m-%d') AS last FROM ${OBSERVATIONS} WHERE value IS NOT NULL`
			),
			'last'
		)[0];
		if (last) weekEnding = weekEndOnOrBefore(epochDay(last), weekday);
	}
	if (weekEnding === undefined)
		throw new Error('the loaded data has no values for the review’s metrics');
	return isoDay(weekEnding);
}
