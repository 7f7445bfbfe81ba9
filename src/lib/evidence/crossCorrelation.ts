/**
 * The lagged correlations of two whitened series (README.md, "Method", step 4): the input's
 * change in week t against the output's in week t + lag, for lags 0 to MAX_LAG (the input leads).
 */

/** The longest lag tried, in weeks. */
export const MAX_LAG = 8;
export const LAGS = MAX_LAG + 1;

/**
 * For each lag k, writes into `correlations[k]` the correlation of a[t] with b[t + k] over
 * t in from..to-k (both finite there; mean zero by construction, so not centred again) and into
 * `pairs[k]` how many pairs it is over. A lag with fewer than 3 pairs, or a constant side, gets 0.
 */
export function laggedCorrelations(
	a: Float64Array,
	b: Float64Array,
	from: number,
	to: number,
	correlations: Float64Array,
	pairs: Int32Array
): void {
	let aa = 0;
	let bb = 0;
	for (let t = from; t <= to; t++) {
		aa += a[t]! * a[t]!;
		bb += b[t]! * b[t]!;
	}
	for (let k = 0; k < LAGS; k++) {
		if (k > 0) {
			// The overlap loses the input's last week and the output's first.
			const lastA = a[to - k + 1]!;
			const firstB = b[from + k - 1]!;
			aa -= lastA * lastA;
			bb -= firstB * firstB;
		}
		const count = to - k - from + 1;
		pairs[k] = Math.max(0, count);
		if (count < 3 || !(aa > 0) || !(bb > 0)) {
			correlations[k] = 0;
			continue;
		}
		let ab = 0;
		for (let t = from; t <= to - k; t++) ab += a[t]! * b[t + k]!;
		correlations[k] = Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
	}
}
