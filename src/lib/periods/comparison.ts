/**
 * Comparing a period with its baseline (week over week, year over year, ...), defined once.
 *
 * `percent` is CY/PY - 1 and `bps` is CY - PY, both unscaled here; the box shows them x100 and
 * x10,000 (`SHOWN_AS`). A baseline that is missing, partial, or zero (for a ratio) gives no
 * comparison (null), never 0, and the reason is kept beside it.
 */
import type { ComparisonMethod } from '../metrics/types';
import { COMPLETE, MISSING } from './coverage';

export const SHOWN_AS: Readonly<Record<ComparisonMethod, number>> = { percent: 100, bps: 10_000 };

/** Why a comparison is n/a. */
export type ComparisonNote = 'no_data' | 'no_baseline' | 'partial_baseline' | 'zero_baseline';

export interface Side {
	value: string;
	coverage: string;
}

export function changeSql(method: ComparisonMethod, current: Side, baseline: Side): string {
	const usable = `${baseline.coverage} = ${COMPLETE}`;
	if (method === 'bps')
		return `(CASE WHEN ${usable} THEN ${current.value} - ${baseline.value} END)`;
	return `(CASE WHEN ${usable} AND ${baseline.value} <> 0 THEN ${current.value} / ${baseline.value} - 1 END)`;
}

/** The reason `changeSql` gives null, or null when it gives a number. */
export function changeNoteSql(method: ComparisonMethod, current: Side, baseline: Side): string {
	const zero = method === 'percent' ? `WHEN ${baseline.value} = 0 THEN 'zero_baseline' ` : '';
	return (
		`(CASE WHEN ${current.value} IS NULL THEN 'no_data' ` +
		`WHEN coalesce(${baseline.coverage}, ${MISSING}) = ${MISSING} THEN 'no_baseline' ` +
		`WHEN ${baseline.coverage} < ${COMPLETE} OR ${baseline.value} IS NULL THEN 'partial_baseline' ${zero}END)`
	);
}
