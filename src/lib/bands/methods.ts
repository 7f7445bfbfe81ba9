/**
 * The band methods. Each turns a series into the band shown for the period under review and the
 * band of every period searched for signals (a plan band moves with the plan; process limits stay
 * put), so one set of detection rules serves every method.
 */
import {
	DEFAULT_MINIMUM_POINTS,
	lockedBaseline,
	rollingBaseline,
	type PositionRange
} from './baseline';
import type { BandPoint } from './signals';
import type { Band, BandMethodConfig, BandStatus, MetricBandConfig, Series } from './types';
import { processLimits } from './xmr';

/** Where the series is being read: the review, the signal window and the current process. */
export interface BandContext {
	series: Series;
	metric: MetricBandConfig;
	review: number;
	signalWindow: PositionRange;
	processStart: { position: number; change: string | null };
	/** Periods of history: the rolling baseline's length, and how far back signals are sought. */
	baselineWindow: number;
}

export interface BandModel {
	band: Band;
	points: BandPoint[];
	movingRangeUpper: number | null;
}

interface Limits {
	centre: number | null;
	lower: number | null;
	upper: number | null;
}

const NO_LIMITS: Limits = { centre: null, lower: null, upper: null };

export function bandModel(context: BandContext): BandModel {
	const config: BandMethodConfig = context.metric.band ?? { method: 'xmr' };
	switch (config.method) {
		case 'xmr':
		case 'xmr_median':
			return xmrBand(context, config);
		case 'plan':
			return referenceBand(context, 'plan', context.metric.plan, 'no_plan', (plan) => {
				const half =
					'percent' in config.tolerance
						? (Math.abs(plan) * config.tolerance.percent) / 100
						: config.tolerance.absolute;
				return { centre: plan, lower: plan - half, upper: plan + half };
			});
		case 'yoy':
			return referenceBand(context, 'yoy', context.metric.priorYear, 'no_prior_year', (prior) => {
				// Percent changes scale with the size of last year's value, whatever its sign.
				const percent = (p: number) => (Math.abs(prior) * p) / 100;
				const centre = prior + percent(config.expectedChangePercent ?? 0);
				const half = percent(config.tolerancePercent);
				return { centre, lower: centre - half, upper: centre + half };
			});
		case 'fixed': {
			const { lower = null, upper = null } = config;
			const centre =
				config.centre ?? (lower !== null && upper !== null ? (lower + upper) / 2 : null);
			const limits = { centre, lower, upper };
			return {
				band: displayBand('fixed', 'ok', limits, context.metric.floor, null),
				points: pointsIn(context, () => limits),
				movingRangeUpper: null
			};
		}
	}
}

function xmrBand(
	context: BandContext,
	config: Extract<BandMethodConfig, { method: 'xmr' | 'xmr_median' }>
): BandModel {
	const { series, review, processStart } = context;
	const range = config.lockedBaseline
		? lockedBaseline(series.periods, config.lockedBaseline)
		: rollingBaseline(review, context.baselineWindow, processStart.position);
	const baseline = valuesIn(series, range);
	const minimumPoints = Math.max(2, config.minimumPoints ?? DEFAULT_MINIMUM_POINTS);
	const provenance = {
		baselinePoints: baseline.length,
		baselineLocked: config.lockedBaseline !== undefined,
		...(processStart.change === null ? {} : { processChange: processStart.change })
	};
	if (baseline.length < minimumPoints) {
		const band = displayBand(config.method, 'not_enough_history', NO_LIMITS, undefined, null);
		return { band: { ...band, ...provenance }, points: [], movingRangeUpper: null };
	}
	const statistic = config.method === 'xmr' ? 'average' : 'median';
	const limits = processLimits(
		baseline.map((point) => point.value),
		statistic
	);
	const natural = { centre: limits.centre, ...limits.naturalProcessLimits };
	const periodOf = (point: { position: number } | undefined) =>
		series.periods[point?.position ?? 0] as string;
	const baselinePeriods = { from: periodOf(baseline[0]), to: periodOf(baseline.at(-1)) };
	const band: Band = {
		...displayBand(config.method, 'ok', natural, context.metric.floor, baselinePeriods),
		...provenance,
		...(statistic === 'average'
			? { averageMovingRange: limits.movingRange }
			: { medianMovingRange: limits.movingRange }),
		movingRangeUpper: limits.movingRangeUpper
	};
	return {
		band,
		points: pointsIn(context, () => natural),
		movingRangeUpper: limits.movingRangeUpper
	};
}

/** Plan and year-over-year bands: one reference value per period, a band around each. */
function referenceBand(
	context: BandContext,
	method: 'plan' | 'yoy',
	reference: readonly (number | null)[] | undefined,
	missing: BandStatus,
	around: (reference: number) => Limits
): BandModel {
	const limitsAt = (position: number): Limits => {
		const value = observed(reference?.[position]);
		return value === null ? NO_LIMITS : around(value);
	};
	const atReview = limitsAt(context.review);
	const status = atReview.centre === null ? missing : 'ok';
	return {
		band: displayBand(method, status, atReview, context.metric.floor, null),
		points: pointsIn(context, limitsAt),
		movingRangeUpper: null
	};
}

/** A value we can judge, or null. NaN or Infinity (a division by zero upstream) is no data either. */
export function observed(value: number | null | undefined): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function valuesIn(series: Series, range: PositionRange): { position: number; value: number }[] {
	const values: { position: number; value: number }[] = [];
	for (let position = range.first; position <= range.last; position++) {
		const value = observed(series.values[position]);
		if (value !== null) values.push({ position, value });
	}
	return values;
}

function pointsIn(context: BandContext, limitsAt: (position: number) => Limits): BandPoint[] {
	return valuesIn(context.series, context.signalWindow).map(({ position, value }) => ({
		index: position,
		value,
		...limitsAt(position)
	}));
}

/** Limits are computed unclipped; only what is drawn is raised to the metric's floor. */
function displayBand(
	method: Band['method'],
	status: BandStatus,
	limits: Limits,
	floor: number | undefined,
	baseline: Band['baseline']
): Band {
	const lowerClipped = floor !== undefined && limits.lower !== null && limits.lower < floor;
	return {
		method,
		status,
		centre: limits.centre,
		lower: lowerClipped ? (floor as number) : limits.lower,
		upper: limits.upper,
		lowerClipped,
		naturalLower: limits.lower,
		baseline
	};
}
