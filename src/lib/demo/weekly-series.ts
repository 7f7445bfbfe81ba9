/**
 * Every catalog metric's full weekly series, for the first page's grid: every whole week in the
 * data, up to the last complete one. The numbers come from the review's own history builder
 * (../review/metricHistory.ts), so a week here is the week of the review, by the same rules.
 */
import { strings } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { defaultWeekEnding } from '../review/buildReview';
import { metricHistory } from '../review/metricHistory';
import type { ReviewCache } from '../review/reviewCache';
import { planReviewMetrics } from '../review/reviewMetrics';
import { OBSERVATIONS } from '../store/observations';

export interface MetricWeeks {
	id: string;
	weekEndings: string[];
	values: (number | null)[];
	plan: (number | null)[] | null;
}

const DAY_MS = 86_400_000;

/**
 * The weekly series of every metric in the catalog, up to `weekEnding` (default: the last complete
 * week), from the cache's store when given one (../review/reviewCache.ts).
 */
export async function weeklySeries(
	engine: Engine,
	catalog: Catalog,
	options: { weekEnding?: string; cache?: ReviewCache } = {}
): Promise<MetricWeeks[]> {
	const ids = catalog.metrics.map((m) => m.id);
	const plan = planReviewMetrics(catalog, ids);
	const weekEnding =
		options.weekEnding ??
		(await defaultWeekEnding(engine, catalog, plan, { cache: options.cache }));
	const firstDay = strings(
		await engine.query(`SELECT min(date) AS first_day FROM ${OBSERVATIONS}`),
		'first_day'
	)[0];
	if (!firstDay) return [];
	// Only weeks whose seven days are all inside the data: the one before would be a partial week.
	const weeks = Math.floor((Date.parse(weekEnding) - Date.parse(firstDay) + DAY_MS) / (7 * DAY_MS));
	if (weeks < 1) return [];
	const history = await metricHistory(engine, catalog, ids, {
		grain: 'week',
		weekEnding,
		periods: weeks,
		plan,
		cache: options.cache
	});
	return ids.map((id) => ({
		id,
		weekEndings: history.periodEnds,
		values: history.values.get(id) ?? history.periodEnds.map(() => null),
		plan: history.plans.get(id) ?? null
	}));
}
