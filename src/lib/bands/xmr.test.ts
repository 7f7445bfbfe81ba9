import { describe, expect, it } from 'vitest';
import { median, movingRanges, processLimits } from './xmr';

describe('processLimits', () => {
	// Hand-checked: values 10, 12, 11, 13, 9 → mean 55 / 5 = 11; moving ranges 2, 1, 2, 4 → average
	// 9 / 4 = 2.25; limits 11 ± 2.66 × 2.25 = 11 ± 5.985; range upper 3.268 × 2.25 = 7.353.
	it('uses the mean as centre and 2.66 average moving ranges either side', () => {
		const limits = processLimits([10, 12, 11, 13, 9]);
		expect(limits.centre).toBe(11);
		expect(limits.movingRange).toBe(2.25);
		expect(limits.naturalProcessLimits.lower).toBeCloseTo(5.015, 10);
		expect(limits.naturalProcessLimits.upper).toBeCloseTo(16.985, 10);
		expect(limits.movingRangeUpper).toBeCloseTo(7.353, 10);
	});

	// Same values: sorted moving ranges 1, 2, 2, 4 → median (2 + 2) / 2 = 2; limits 11 ± 3.145 × 2
	// = 11 ± 6.29; range upper 3.865 × 2 = 7.73.
	it('uses 3.145 and 3.865 median moving ranges with the median statistic', () => {
		const limits = processLimits([10, 12, 11, 13, 9], 'median');
		expect(limits.movingRange).toBe(2);
		expect(limits.naturalProcessLimits.lower).toBeCloseTo(4.71, 10);
		expect(limits.naturalProcessLimits.upper).toBeCloseTo(17.29, 10);
		expect(limits.movingRangeUpper).toBeCloseTo(7.73, 10);
	});

	it('gives zero-width limits for a constant baseline rather than inventing spread', () => {
		const limits = processLimits([5, 5, 5]);
		expect(limits.naturalProcessLimits).toEqual({ lower: 5, upper: 5 });
	});

	it('refuses a single value, which has no moving range', () => {
		expect(() => processLimits([3])).toThrow(RangeError);
	});
});

describe('helpers', () => {
	it('takes absolute successive differences', () => {
		expect(movingRanges([3, 1, 4, 1])).toEqual([2, 3, 3]);
	});
	it('takes the middle value, or the mean of the two middle values', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});
