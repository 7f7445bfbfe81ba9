/**
 * How much of a period has data, and what that means for its value.
 *
 * Coverage is 2 (a value on every slot: every day of a daily metric, the one date of a weekly
 * one), 1 (some) or 0 (none). A `sum` over a period with any slot missing is no data (the WBR App
 * sums with `skipna=False`); mean, min, max, first and last report what the days with data give,
 * but the period still counts as partial.
 */
import type { Aggregation } from '../metrics/types';

export const COMPLETE = 2;
export const PARTIAL = 1;
export const MISSING = 0;
export type Coverage = typeof COMPLETE | typeof PARTIAL | typeof MISSING;

/** `filled` slots with a value out of `slots` → 0 | 1 | 2. */
export function coverageOf(filled: number, slots: number): Coverage {
	if (filled === 0) return MISSING;
	return filled < slots ? PARTIAL : COMPLETE;
}

/** A period's value from its aggregate, applying the missing-slot rule for sums. */
export function periodValue(
	aggregation: Aggregation,
	aggregate: number | null,
	filled: number,
	slots: number
): number | null {
	if (aggregation === 'sum') return filled === slots ? aggregate : null;
	return aggregate;
}
