/**
 * Comparing a period with its baseline (week over week, year over year, ...), defined once.
 *
 * `percent` is CY/PY - 1 and `bps` is CY - PY, both unscaled here; the box shows them x100 and
 * x10,000 (`SHOWN_AS`). A baseline that is missing, partial, or zero (for a ratio) gives no
 * comparison (null), never 0, and the reason is kept beside it.
 */
import type { ComparisonMethod } from '../metrics/types';
import { COMPLETE, MISSING, type Coverage } from './coverage';

export const SHOWN_AS: Readonly<Record<ComparisonMethod, number>> = { percent: 100, bps: 10_000 };

/** Why a comparison is n/a. */
export type ComparisonNote = 'no_data' | 'no_baseline' | 'partial_baseline' | 'zero_baseline';

/** A period's value and coverage; a period that does not exist (no baseline) is `undefined`. */
export interface Side {
	value: number | null;
	coverage: Coverage;
}

export function change(
	method: ComparisonMethod,
	current: Side,
	baseline: Side | undefined
): number | null {
	if (baseline?.coverage !== COMPLETE || current.value === null || baseline.value === null)
		return null;
	if (method === 'bps') return current.value - baseline.value;
	return baseline.value === 0 ? null : current.value / baseline.value - 1;
}

/** The reason `change` gives null, or null when it gives a number. */
export function changeNote(
	method: ComparisonMethod,
	current: Side,
	baseline: Side | undefined
): ComparisonNote | null {
	if (current.value === null) return 'no_data';
	if ((baseline?.coverage ?? MISSING) === MISSING) return 'no_baseline';
	if (!baseline || baseline.coverage < COMPLETE || baseline.value === null)
		return 'partial_baseline';
	if (method === 'percent' && baseline.value === 0) return 'zero_baseline';
	return null;
}
