/**
 * How much of a period has data, and what that means for its value.
 *
 * Coverage is 2 (a value on every day), 1 (some days) or 0 (none). A `sum` over a period with any
 * day missing is no data (the WBR App sums with `skipna=False`); mean, min, max, first and last
 * report what the days with data give, but the period still counts as partial.
 */
import type { Aggregation } from '../metrics/types';

export const COMPLETE = 2;
export const PARTIAL = 1;
export const MISSING = 0;

/** `daysWithValue` days out of `days` → 0 | 1 | 2. */
export function coverageSql(daysWithValue: string, days: string): string {
	return `(CASE WHEN coalesce(${daysWithValue}, 0) = 0 THEN ${MISSING} WHEN ${daysWithValue} < ${days} THEN ${PARTIAL} ELSE ${COMPLETE} END)`;
}

/** A period's value from its aggregate, applying the missing-day rule for sums. */
export function periodValueSql(
	aggregation: Aggregation,
	aggregate: string,
	daysWithValue: string,
	days: string
): string {
	if (aggregation === 'sum') return `(CASE WHEN ${daysWithValue} = ${days} THEN ${aggregate} END)`;
	return aggregate;
}
