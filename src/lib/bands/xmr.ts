/**
 * Process-behaviour limits for an individual values (XmR) chart, after D. J. Wheeler, Making Sense
 * of Data. The scaling factors turn a typical week-to-week change into "three sigma" limits
 * without assuming a distribution: 2.66 = 3 / d2 (d2 = 1.128 for ranges of two values).
 */

export const AVERAGE_MOVING_RANGE_FACTORS = { limits: 2.66, rangeUpper: 3.268 } as const;
/** The median is steadier when a few huge moving ranges would inflate the average. */
export const MEDIAN_MOVING_RANGE_FACTORS = { limits: 3.145, rangeUpper: 3.865 } as const;

export type MovingRangeStatistic = 'average' | 'median';

export interface ProcessLimits {
	centre: number;
	statistic: MovingRangeStatistic;
	/** The average or median moving range, whichever `statistic` says. */
	movingRange: number;
	naturalProcessLimits: { lower: number; upper: number };
	movingRangeUpper: number;
}

/** |x[i] - x[i-1]| for successive values; one fewer than the values. */
export function movingRanges(values: readonly number[]): number[] {
	const ranges: number[] = [];
	for (let i = 1; i < values.length; i++) {
		ranges.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
	}
	return ranges;
}

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	if (sorted.length % 2 === 1) return sorted[middle] as number;
	return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Limits from a baseline of successive values (no gaps: the caller drops nulls first). Needs at
 * least two values, since one value has no moving range.
 */
export function processLimits(
	baselineValues: readonly number[],
	statistic: MovingRangeStatistic = 'average'
): ProcessLimits {
	if (baselineValues.length < 2) {
		throw new RangeError(`process limits need at least 2 values, got ${baselineValues.length}`);
	}
	const centre = mean(baselineValues);
	const ranges = movingRanges(baselineValues);
	const movingRange = statistic === 'average' ? mean(ranges) : median(ranges);
	const factors =
		statistic === 'average' ? AVERAGE_MOVING_RANGE_FACTORS : MEDIAN_MOVING_RANGE_FACTORS;
	return {
		centre,
		statistic,
		movingRange,
		naturalProcessLimits: {
			lower: centre - factors.limits * movingRange,
			upper: centre + factors.limits * movingRange
		},
		movingRangeUpper: factors.rangeUpper * movingRange
	};
}
