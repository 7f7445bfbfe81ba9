/**
 * Expected bands, signals and the exception list of a review, at one grain: weeks for the
 * operational review, months for the strategic one. The history comes from the review's own
 * query (metricHistory.ts); the judging is ../bands, given the catalog's `band:` settings.
 */
import { describeSummary, evaluateMetric, rankExceptions } from '../bands';
import { DEFAULT_BASELINE_WINDOW } from '../bands/baseline';
import type {
	BandMethodConfig,
	Exception,
	MetricBandConfig,
	MetricEvaluation
} from '../bands/types';
import type { Engine } from '../engine/types';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { PERIODS_PER_YEAR, type HistoryGrain } from '../periods/history';
import { metricHistory, type MetricHistory } from './metricHistory';
import type { ReviewCache } from './reviewCache';
import { nextTask } from './nextTask';
import type { ReviewMetricPlan } from './reviewMetrics';
import type { SourceStore } from './sourceStore';
import type { ReviewSummary, Value } from './types';

export interface GrainBands {
	/** The period under review: the week ending, or the last month complete by then. */
	period: string;
	/** By catalog metric id. */
	evaluations: Map<string, MetricEvaluation>;
	/** The metrics with a signal in the period under review, most severe first. */
	exceptions: Exception[];
	summary: ReviewSummary;
	/** The history the bands were judged on, for charts that draw them (the deep dive). */
	history: MetricHistory;
}

/** The catalog's band settings as ../bands takes them, for one grain. */
export function bandMethod(definition: MetricDefinition, grain: HistoryGrain): BandMethodConfig {
	const band = definition.band;
	switch (band?.method) {
		case undefined:
			return { method: 'xmr' };
		case 'xmr':
		case 'xmr_median': {
			const window = grain === 'week' ? band.baselineWeeks : band.baselineMonths;
			return {
				method: band.method,
				...(window === undefined ? {} : { baselineWindow: window }),
				...(band.minimumPoints === undefined ? {} : { minimumPoints: band.minimumPoints }),
				...(band.lockedBaseline ? { lockedBaseline: band.lockedBaseline } : {})
			};
		}
		case 'plan':
			return {
				method: 'plan',
				tolerance:
					band.tolerance === undefined
						? { percent: band.tolerancePercent ?? 0 }
						: { absolute: band.tolerance }
			};
		case 'yoy':
			return {
				method: 'yoy',
				tolerancePercent: band.tolerancePercent ?? 0,
				...(band.expectedChangePercent === undefined
					? {}
					: { expectedChangePercent: band.expectedChangePercent })
			};
		case 'fixed': {
			const { lower, upper, centre } = band;
			return {
				method: 'fixed',
				...(lower === undefined ? {} : { lower }),
				...(upper === undefined ? {} : { upper }),
				...(centre === undefined ? {} : { centre })
			};
		}
	}
}

const DAY_MS = 86_400_000;

/**
 * How many periods the history needs: the baseline window and the period under review, a year
 * more for the prior-year values of a yoy band, and back to the start of a locked baseline.
 */
export function historyLength(
	definitions: MetricDefinition[],
	grain: HistoryGrain,
	weekEnding: string
): number {
	let periods = DEFAULT_BASELINE_WINDOW[grain] + 1;
	for (const definition of definitions) {
		const method = bandMethod(definition, grain);
		if (method.method !== 'xmr' && method.method !== 'xmr_median') continue;
		periods = Math.max(periods, (method.baselineWindow ?? 0) + 1);
		if (method.lockedBaseline) {
			const days = (Date.parse(weekEnding) - Date.parse(method.lockedBaseline.from)) / DAY_MS;
			// A month is at least 28 days, so this reaches back far enough (and a little more).
			periods = Math.max(periods, Math.ceil(days / (grain === 'week' ? 7 : 28)) + 2);
		}
	}
	return periods + PERIODS_PER_YEAR[grain];
}

/** The same period a year earlier, position by position (null before the history starts). */
function priorYearOf(values: Value[], grain: HistoryGrain): Value[] {
	const year = PERIODS_PER_YEAR[grain];
	return values.map((_, index) => (index >= year ? (values[index - year] ?? null) : null));
}

/** Bands, signals and exceptions of catalog metrics `ids` at one grain. */
export async function reviewBands(
	engine: Engine,
	catalog: Catalog,
	ids: string[],
	options: {
		weekEnding: string;
		grain: HistoryGrain;
		/** The review's plan, when it computes more metrics than `ids` (metricHistory.ts). */
		plan?: ReviewMetricPlan;
		/** The store holding the plan's sources, else the cache's (metricHistory.ts). */
		store?: SourceStore;
		cache?: ReviewCache;
	}
): Promise<GrainBands> {
	const { grain, weekEnding } = options;
	const byId = new Map(catalog.metrics.map((m) => [m.id, m]));
	const definitions = ids.map((id) => {
		const definition = byId.get(id);
		if (!definition) throw new Error(`the deck shows "${id}", which the catalog does not define`);
		return definition;
	});
	const history = await metricHistory(engine, catalog, ids, {
		grain,
		weekEnding,
		periods: historyLength(definitions, grain, weekEnding),
		plan: options.plan,
		store: options.store,
		cache: options.cache
	});
	await nextTask();
	const periods = history.periodEnds;
	const review = periods.length - 1;
	const evaluations = new Map<string, MetricEvaluation>();
	for (const definition of definitions) {
		const values = history.values.get(definition.id) ?? [];
		const plan = history.plans.get(definition.id);
		const metric: MetricBandConfig = {
			id: definition.id,
			direction: definition.direction,
			kind: definition.kind,
			band: bandMethod(definition, grain),
			priorYear: priorYearOf(values, grain),
			...(plan ? { plan } : {}),
			...(definition.floor === undefined ? {} : { floor: definition.floor }),
			...(definition.band?.rules ? { rules: definition.band.rules } : {}),
			...(definition.band?.knownChanges ? { knownChanges: definition.band.knownChanges } : {})
		};
		evaluations.set(definition.id, evaluateMetric({ periods, values }, metric, review, { grain }));
	}
	const { exceptions, summary } = rankExceptions([...evaluations.values()]);
	return {
		period: periods[review] ?? weekEnding,
		evaluations,
		exceptions,
		summary: { period: periods[review] ?? weekEnding, ...summary, text: describeSummary(summary) },
		history
	};
}
