/**
 * Prewhitening (README.md, "Method", step 3): an autoregressive model of the input's changes,
 * fitted by Yule-Walker (Levinson-Durbin) with its order chosen by AIC, and the filter that turns
 * the input's changes into near-white noise, applied to both series. With one side white, the
 * correlation of unrelated series at any lag has a standard error of 1/sqrt(n), however the other
 * side moves (Bartlett), so the same threshold holds for every pair.
 */

import { autocovarianceOf } from './prepare';

/** The highest autoregressive order tried. */
export const MAX_AR_ORDER = 4;

const previous = new Float64Array(MAX_AR_ORDER + 1);
const current = new Float64Array(MAX_AR_ORDER + 1);
const autocovariance = new Float64Array(MAX_AR_ORDER + 1);

/**
 * Fits x[from..to] (mean zero) and writes the chosen model's coefficients into
 * `coefficients[0..order-1]` (phi_1..phi_p, the rest 0); returns the order, 0 to MAX_AR_ORDER.
 */
export function fitAutoregression(
	x: Float64Array,
	from: number,
	to: number,
	coefficients: Float64Array
): number {
	coefficients.fill(0);
	const n = to - from + 1;
	const maxOrder = Math.min(MAX_AR_ORDER, Math.floor(n / 4));
	autocovarianceOf(x, from, to, autocovariance, maxOrder);
	let variance = autocovariance[0]!;
	if (!(variance > 0)) return 0;
	let bestOrder = 0;
	let bestAic = n * Math.log(variance);
	previous.fill(0);
	for (let k = 1; k <= maxOrder; k++) {
		let numerator = autocovariance[k]!;
		for (let j = 1; j < k; j++) numerator -= previous[j]! * autocovariance[k - j]!;
		const reflection = numerator / variance;
		current[k] = reflection;
		for (let j = 1; j < k; j++) current[j] = previous[j]! - reflection * previous[k - j]!;
		variance *= 1 - reflection * reflection;
		if (!(variance > 0)) break;
		for (let j = 1; j <= k; j++) previous[j] = current[j]!;
		const aic = n * Math.log(variance) + 2 * k;
		if (aic < bestAic) {
			bestAic = aic;
			bestOrder = k;
			for (let j = 1; j <= k; j++) coefficients[j - 1] = current[j]!;
		}
	}
	return bestOrder;
}

/**
 * out[t] = x[t] - phi_1 x[t-1] - ... - phi_p x[t-p] for t in from+order..to (x must be finite
 * over from..to). Other weeks of `out` are not written.
 */
export function applyFilter(
	x: Float64Array,
	from: number,
	to: number,
	coefficients: Float64Array,
	order: number,
	out: Float64Array
): void {
	for (let t = from + order; t <= to; t++) {
		let value = x[t]!;
		for (let j = 1; j <= order; j++) value -= coefficients[j - 1]! * x[t - j]!;
		out[t] = value;
	}
}
