import { describe, expect, it } from 'vitest';
import { LAGS, laggedCorrelations } from './crossCorrelation';
import { expectedSign, LINK_P_THRESHOLD } from './evidence';
import { twoSidedP } from './normal';
import { prepareSeries } from './prepare';
import { added, autoregressive, delayed, noise, trend, yearlySeason } from './testing';
import { applyFilter, fitAutoregression } from './whiten';

const maxAbs = (x: Float64Array, from: number, to: number) => {
	let m = 0;
	for (let t = from; t <= to; t++) m = Math.max(m, Math.abs(x[t]!));
	return m;
};

describe('preparing a weekly series', () => {
	it('leaves nothing of a straight line plus a yearly season (156 weeks)', () => {
		const s = prepareSeries(added(trend(156, 1000, 7), yearlySeason(156, 250)));
		expect(s.regressors).toBe(8);
		expect(maxAbs(s.changes, 1, 155)).toBeLessThan(1e-9);
	});

	it('removes only the mean and drift of the changes under two years (60 weeks)', () => {
		// A quadratic's changes are a line: drift; a season stays (no harmonics under 104 weeks).
		const quadratic = Array.from({ length: 60 }, (_, t) => 5 + 0.3 * t * t);
		expect(maxAbs(prepareSeries(quadratic).changes, 1, 59)).toBeLessThan(1e-9);
		const seasonal = prepareSeries(yearlySeason(60, 100));
		expect(seasonal.regressors).toBe(2);
		expect(maxAbs(seasonal.changes, 1, 59)).toBeGreaterThan(5);
	});

	it('counts the weeks with a value and changes only inside them, a gap bridged', () => {
		const s = prepareSeries([null, 3, null, 5, 9, NaN, 12, null]);
		expect([s.first, s.last, s.weeks]).toEqual([1, 6, 4]);
		expect(Number.isNaN(s.changes[1]!)).toBe(true);
		expect(Number.isNaN(s.changes[7]!)).toBe(true);
		// Changes 1, 1, 4, 1.5, 1.5 (the gaps bridged), less their mean and drift: finite.
		for (let t = 2; t <= 6; t++) expect(Number.isFinite(s.changes[t]!)).toBe(true);
	});
});

describe('whitening', () => {
	it('recovers an AR(1) coefficient of 0.6 from 2,000 weeks, within 0.05', () => {
		const x = Float64Array.from(autoregressive(2000, 0.6, noise(7)));
		const phi = new Float64Array(4);
		const order = fitAutoregression(x, 0, 1999, phi);
		expect(order).toBeGreaterThanOrEqual(1);
		expect(phi[0]).toBeGreaterThan(0.55);
		expect(phi[0]).toBeLessThan(0.65);
	});

	it("turns an AR(1) back into its innovations with the model's own coefficient", () => {
		const draw = noise(11);
		const innovations = Array.from({ length: 50 }, () => draw());
		const x = new Float64Array(50);
		for (let t = 0; t < 50; t++) x[t] = (t > 0 ? 0.8 * x[t - 1]! : 0) + innovations[t]!;
		const out = new Float64Array(50);
		applyFilter(x, 0, 49, Float64Array.of(0.8, 0, 0, 0), 1, out);
		for (let t = 1; t < 50; t++) expect(out[t]).toBeCloseTo(innovations[t]!, 12);
	});
});

describe('lagged correlations', () => {
	it('finds a copy three weeks later at lag 3, r = 1, over n - 3 pairs', () => {
		const a = autoregressive(40, 0, noise(3));
		const correlations = new Float64Array(LAGS);
		const pairs = new Int32Array(LAGS);
		laggedCorrelations(
			Float64Array.from(a),
			Float64Array.from(delayed(a, 3)),
			3,
			39,
			correlations,
			pairs
		);
		expect(correlations[3]).toBeCloseTo(1, 12);
		expect(Math.abs(correlations[0]!)).toBeLessThan(0.5);
		expect(Array.from(pairs)).toEqual([37, 36, 35, 34, 33, 32, 31, 30, 29]);
	});
});

describe('thresholds and signs', () => {
	it('uses the normal tails: p(1.96) = 0.05, and Bonferroni over 9 lags is |z| > 2.773', () => {
		expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
		expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
		expect(twoSidedP(0)).toBeCloseTo(1, 6);
		expect(LINK_P_THRESHOLD).toBeCloseTo(0.05 / 9, 12);
		expect(twoSidedP(2.7729)).toBeCloseTo(LINK_P_THRESHOLD, 5);
	});

	it('expects the same way for matching directions, the other way for opposite ones', () => {
		expect(expectedSign('higher_is_better', 'higher_is_better')).toBe(1);
		expect(expectedSign('lower_is_better', 'lower_is_better')).toBe(1);
		expect(expectedSign('lower_is_better', 'higher_is_better')).toBe(-1);
		expect(expectedSign('neutral', 'higher_is_better')).toBe(0);
	});
});
