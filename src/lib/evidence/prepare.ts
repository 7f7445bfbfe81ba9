/**
 * A metric's weekly series made fit to compare (README.md, "Method", steps 1-2): gaps inside it
 * filled, week-to-week changes taken (a linear trend becomes a constant), and what the changes
 * share with any other slowly moving series removed: their mean and a linear drift, and, with two
 * years or more, the yearly season as a few Fourier harmonics.
 */

/** A year in weeks (365.2425 days), the period of the yearly season. */
export const WEEKS_PER_YEAR = 365.2425 / 7;
/** From this many weeks (two years) the yearly season is regressed out. */
export const SEASON_MIN_WEEKS = 104;
/** Yearly harmonics regressed out: a season as sharp as a one-month peak is mostly caught by three. */
export const HARMONICS = 3;

const MAX_REGRESSORS = 2 + 2 * HARMONICS;
/** Lags of the changes' autocovariance kept for the standard error (./evidence.ts). */
export const AUTOCOVARIANCE_LAGS = 14;

export interface PreparedSeries {
	/** 1 where the week has a value. */
	present: Uint8Array;
	/** The first and last week with a value; -1 when there is none. */
	first: number;
	last: number;
	/** Weeks with a value. */
	weeks: number;
	/**
	 * `changes[t]`: the change from week t-1 to week t, trend and season removed; finite for
	 * t in first+1..last, NaN elsewhere.
	 */
	changes: Float64Array;
	/** How many regressors were taken out of the changes (2, or 8 with the season). */
	regressors: number;
	/** The changes' autocovariance at lags 0..AUTOCOVARIANCE_LAGS (over first+1..last). */
	autocovariance: Float64Array;
}

// Normal equations of the regression, reused by every series (no allocation per series).
const normal = new Float64Array(MAX_REGRESSORS * MAX_REGRESSORS);
const rhs = new Float64Array(MAX_REGRESSORS);
const row = new Float64Array(MAX_REGRESSORS);
const beta = new Float64Array(MAX_REGRESSORS);

/** The regressors at week t: 1, centred t, then cos and sin of each harmonic. */
function regressors(t: number, mid: number, half: number, count: number): void {
	row[0] = 1;
	row[1] = (t - mid) / half;
	for (let h = 1; 2 * h < count; h++) {
		const angle = (2 * Math.PI * h * t) / WEEKS_PER_YEAR;
		row[2 * h] = Math.cos(angle);
		row[2 * h + 1] = Math.sin(angle);
	}
}

/** Solves normal · beta = rhs (k × k, symmetric positive semi-definite) by Gaussian elimination. */
function solve(k: number): void {
	for (let c = 0; c < k; c++) {
		let pivot = c;
		for (let r = c + 1; r < k; r++) {
			if (Math.abs(normal[r * k + c]!) > Math.abs(normal[pivot * k + c]!)) pivot = r;
		}
		if (pivot !== c) {
			for (let j = 0; j < k; j++) {
				const swap = normal[c * k + j]!;
				normal[c * k + j] = normal[pivot * k + j]!;
				normal[pivot * k + j] = swap;
			}
			const swap = rhs[c]!;
			rhs[c] = rhs[pivot]!;
			rhs[pivot] = swap;
		}
		const diagonal = normal[c * k + c]!;
		if (Math.abs(diagonal) < 1e-12) continue; // a regressor the span cannot tell apart: left at 0
		for (let r = c + 1; r < k; r++) {
			const factor = normal[r * k + c]! / diagonal;
			for (let j = c; j < k; j++) normal[r * k + j]! -= factor * normal[c * k + j]!;
			rhs[r]! -= factor * rhs[c]!;
		}
	}
	for (let c = k - 1; c >= 0; c--) {
		const diagonal = normal[c * k + c]!;
		let sum = rhs[c]!;
		for (let j = c + 1; j < k; j++) sum -= normal[c * k + j]! * beta[j]!;
		beta[c] = Math.abs(diagonal) < 1e-12 ? 0 : sum / diagonal;
	}
}

/** Removes from changes[from..to] their least-squares fit on `count` regressors. */
function regressOut(changes: Float64Array, from: number, to: number, count: number): void {
	const mid = (from + to) / 2;
	const half = Math.max(1, (to - from) / 2);
	normal.fill(0, 0, count * count);
	rhs.fill(0, 0, count);
	for (let t = from; t <= to; t++) {
		regressors(t, mid, half, count);
		const y = changes[t]!;
		for (let i = 0; i < count; i++) {
			rhs[i]! += row[i]! * y;
			for (let j = 0; j < count; j++) normal[i * count + j]! += row[i]! * row[j]!;
		}
	}
	solve(count);
	for (let t = from; t <= to; t++) {
		regressors(t, mid, half, count);
		let fit = 0;
		for (let i = 0; i < count; i++) fit += row[i]! * beta[i]!;
		changes[t]! -= fit;
	}
}

/** out[k] = the mean of x[t] x[t-k] over from..to (x has mean zero), for k = 0..lags. */
export function autocovarianceOf(
	x: Float64Array,
	from: number,
	to: number,
	out: Float64Array,
	lags = out.length - 1
): void {
	const n = to - from + 1;
	for (let k = 0; k <= lags; k++) {
		let sum = 0;
		for (let t = from + k; t <= to; t++) sum += x[t]! * x[t - k]!;
		out[k] = n > 0 ? sum / n : 0;
	}
}

const isValue = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** A weekly series (null or NaN where there is no value) made fit to compare; see the file comment. */
export function prepareSeries(values: ArrayLike<number | null>): PreparedSeries {
	const length = values.length;
	const present = new Uint8Array(length);
	const changes = new Float64Array(length).fill(NaN);
	let first = -1;
	let last = -1;
	let weeks = 0;
	for (let t = 0; t < length; t++) {
		if (!isValue(values[t])) continue;
		present[t] = 1;
		weeks++;
		if (first < 0) first = t;
		last = t;
	}
	const autocovariance = new Float64Array(AUTOCOVARIANCE_LAGS + 1);
	if (weeks < 3) return { present, first, last, weeks, changes, regressors: 0, autocovariance };
	// A gap inside the span is bridged by a straight line: its weeks' changes are equal steps.
	let previous = first;
	for (let t = first + 1; t <= last; t++) {
		if (!present[t]) continue;
		const step = ((values[t] as number) - (values[previous] as number)) / (t - previous);
		for (let u = previous + 1; u <= t; u++) changes[u] = step;
		previous = t;
	}
	const span = last - first + 1;
	const count = span >= SEASON_MIN_WEEKS ? MAX_REGRESSORS : 2;
	regressOut(changes, first + 1, last, count);
	autocovarianceOf(changes, first + 1, last, autocovariance);
	return { present, first, last, weeks, changes, regressors: count, autocovariance };
}
