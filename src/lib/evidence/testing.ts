/** Helpers for this folder's tests: seeded weekly series with planted structure. Not used by the app. */
import { normalNoise, seededRandom } from '../bands/testing';
import { WEEKS_PER_YEAR } from './prepare';

export type Noise = () => number;

export const noise = (seed: number): Noise => normalNoise(seededRandom(seed));

/** `weeks` draws of autoregressive noise x[t] = phi x[t-1] + e[t] (phi 0: white; 1: a random walk). */
export function autoregressive(weeks: number, phi: number, draw: Noise, sd = 1): number[] {
	const out: number[] = [];
	let x = 0;
	for (let t = 0; t < weeks; t++) {
		x = phi * x + sd * draw();
		out.push(x);
	}
	return out;
}

/** A yearly season: one sine wave of `amplitude`, peaking in week `peakWeek` of the year. */
export function yearlySeason(weeks: number, amplitude: number, peakWeek = 47): number[] {
	return Array.from(
		{ length: weeks },
		(_, t) => amplitude * Math.cos((2 * Math.PI * (t - peakWeek)) / WEEKS_PER_YEAR)
	);
}

/** `series` moved `lag` weeks later; the first `lag` weeks take its first value. */
export function delayed(series: number[], lag: number): number[] {
	return series.map((_, t) => series[Math.max(0, t - lag)]!);
}

/** The element-wise sum of equally long series. */
export function added(...series: number[][]): number[] {
	return series[0]!.map((_, t) => series.reduce((sum, s) => sum + s[t]!, 0));
}

/** `series` times `factor`, plus `offset`. */
export const scaled = (series: number[], factor: number, offset = 0): number[] =>
	series.map((v) => offset + factor * v);

/** A straight line from `start`, rising `perWeek`. */
export const trend = (weeks: number, start: number, perWeek: number): number[] =>
	Array.from({ length: weeks }, (_, t) => start + perWeek * t);
