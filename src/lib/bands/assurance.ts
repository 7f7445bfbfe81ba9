/**
 * Target assurance: can the process, as it runs, meet its plan? The plan of the period under
 * review is read against the same natural process limits as the band (README.md, "Target
 * assurance", after the NHS statistical process control "assurance" icons):
 *
 * - inside the limits: the process hits or misses the plan by chance (`hit_or_miss`);
 * - beyond the limit on the good side (a higher-is-better plan above the upper limit): the process
 *   will miss it unless the process changes (`will_miss`);
 * - beyond the limit on the bad side (below the lower limit): the process meets it consistently
 *   (`will_meet`).
 *
 * Only limits computed from the metric's own history say what the process does: a band from the
 * plan itself, last year or fixed numbers gives no assurance, nor does a neutral metric (no side
 * is good) or a band without limits yet.
 */
import type { Band, Direction } from './types';

export type AssuranceVerdict = 'will_meet' | 'hit_or_miss' | 'will_miss';

export interface TargetAssurance {
	verdict: AssuranceVerdict;
	/** The plan of the period under review, and the natural limits it was read against. */
	plan: number;
	lower: number;
	upper: number;
}

export function targetAssurance(
	plan: number | null | undefined,
	band: Band,
	direction: Direction
): TargetAssurance | null {
	if (plan === null || plan === undefined || !Number.isFinite(plan)) return null;
	if (band.status !== 'ok' || (band.method !== 'xmr' && band.method !== 'xmr_median')) return null;
	if (direction === 'neutral') return null;
	// The computed limit, not the one raised to the metric's floor for drawing.
	const lower = band.naturalLower ?? band.lower;
	const upper = band.upper;
	if (lower === null || upper === null) return null;
	const beyond = plan > upper ? 'above' : plan < lower ? 'below' : null;
	const goodSide = direction === 'higher_is_better' ? 'above' : 'below';
	const verdict: AssuranceVerdict =
		beyond === null ? 'hit_or_miss' : beyond === goodSide ? 'will_miss' : 'will_meet';
	return { verdict, plan, lower, upper };
}
