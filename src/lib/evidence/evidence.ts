/**
 * The evidence for every declared link and the suggested ones (README.md): each metric's weekly
 * series prepared once (./prepare.ts), each input's whitening filter fitted once (./whiten.ts),
 * then per pair one filter pass of the output and nine lagged correlations into reused buffers.
 */
import type { Direction, MetricKind } from '../metrics/types';
import { LAGS, laggedCorrelations } from './crossCorrelation';
import { twoSidedP } from './normal';
import { autocovarianceOf, prepareSeries, type PreparedSeries } from './prepare';
import type { Evidence, EvidenceLink, SuggestedLink, Verdict } from './types';
import { applyFilter, fitAutoregression, MAX_AR_ORDER } from './whiten';

/** Fewer weeks where both metrics have a value and a link is `too_little_data`. */
export const MIN_WEEKS = 26;
/** The chance a declared link of unrelated series is called clear, over all nine lags. */
export const LINK_FALSE_POSITIVE_RATE = 0.05;
/** Bonferroni over the nine lags: a lag is clear when its two-sided p-value is below this. */
export const LINK_P_THRESHOLD = LINK_FALSE_POSITIVE_RATE / LAGS;
/**
 * Lags of Bartlett's formula: the filter leaves some autocorrelation in the input (changes of a
 * series that does not wander are far from an AR(4)), and the variance of a cross-correlation of
 * unrelated series is (1 + 2 sum_j rho_input(j) rho_output(j)) / n.
 */
export const BARTLETT_LAGS = 10;
/** The expected share of false discoveries among suggestions (Benjamini-Hochberg). */
export const SUGGESTION_FALSE_DISCOVERY_RATE = 0.05;

/** What the method needs of a catalog metric. */
export interface EvidenceMetric {
	id: string;
	kind: MetricKind;
	direction: Direction;
	drives?: string[];
}

/** An input's changes whitened by its own autoregressive filter. */
interface WhitenedInput {
	series: PreparedSeries;
	order: number;
	coefficients: Float64Array;
	white: Float64Array;
	/** The whitened changes' autocorrelation at lags 0..BARTLETT_LAGS. */
	whiteAutocorrelation: Float64Array;
}

const directionSign = (d: Direction): number =>
	d === 'higher_is_better' ? 1 : d === 'lower_is_better' ? -1 : 0;

/** The sign the catalog implies: same direction, positive; opposite, negative; neutral, either. */
export function expectedSign(input: Direction, output: Direction): number {
	return directionSign(input) * directionSign(output);
}

function whiten(series: PreparedSeries): WhitenedInput {
	const coefficients = new Float64Array(MAX_AR_ORDER);
	const white = new Float64Array(series.changes.length).fill(NaN);
	const whiteAutocorrelation = new Float64Array(BARTLETT_LAGS + 1);
	let order = 0;
	if (series.weeks >= 3) {
		order = fitAutoregression(series.changes, series.first + 1, series.last, coefficients);
		applyFilter(series.changes, series.first + 1, series.last, coefficients, order, white);
		autocovarianceOf(white, series.first + 1 + order, series.last, whiteAutocorrelation);
		const variance = whiteAutocorrelation[0]!;
		for (let k = 0; k <= BARTLETT_LAGS; k++) {
			whiteAutocorrelation[k] = variance > 0 ? whiteAutocorrelation[k]! / variance : 0;
		}
	}
	return { series, order, coefficients, white, whiteAutocorrelation };
}

/** The reused buffers of one comparison; `strongest` is the lag with the largest |z|. */
class Comparison {
	readonly correlations = new Float64Array(LAGS);
	readonly pairs = new Int32Array(LAGS);
	readonly z = new Float64Array(LAGS);
	readonly filtered: Float64Array;
	weeks = 0;
	strongest = 0;
	constructor(length: number) {
		this.filtered = new Float64Array(length);
	}

	/** Compares; false when the pair has fewer than MIN_WEEKS weeks in common. */
	run(input: WhitenedInput, output: PreparedSeries): boolean {
		const x = input.series;
		const lo = Math.max(x.first, output.first);
		const hi = Math.min(x.last, output.last);
		let weeks = 0;
		for (let t = lo; t <= hi; t++) weeks += x.present[t]! & output.present[t]!;
		this.weeks = weeks;
		if (weeks < MIN_WEEKS) return false;
		const { coefficients, order } = input;
		applyFilter(output.changes, lo + 1, hi, coefficients, order, this.filtered);
		const from = lo + 1 + order;
		laggedCorrelations(input.white, this.filtered, from, hi, this.correlations, this.pairs);
		// Bartlett's variance factor, at least 1; the regressions took `removed` degrees of freedom.
		const inflation = Math.max(1, varianceInflation(input, output));
		const removed = Math.max(x.regressors, output.regressors);
		let strongest = 0;
		for (let k = 0; k < LAGS; k++) {
			const n = Math.max(1, this.pairs[k]! - removed);
			this.z[k] = this.correlations[k]! * Math.sqrt(n / inflation);
			if (Math.abs(this.z[k]!) > Math.abs(this.z[strongest]!)) strongest = k;
		}
		this.strongest = strongest;
		return true;
	}
}

/**
 * 1 + 2 sum_j rho_a(j) rho_b(j): `a` the whitened input, `b` the output's changes through the
 * input's filter c = (1, -phi_1, ..., -phi_p), whose autocovariance follows from the output's:
 * gamma_b(j) = sum_u sum_v c_u c_v gamma_y(j + u - v).
 */
function varianceInflation(input: WhitenedInput, output: PreparedSeries): number {
	const { order, coefficients, whiteAutocorrelation } = input;
	const gammaY = output.autocovariance;
	let gamma0 = 0;
	let sum = 0;
	for (let j = 0; j <= BARTLETT_LAGS; j++) {
		let gamma = 0;
		for (let u = 0; u <= order; u++) {
			const cu = u === 0 ? 1 : -coefficients[u - 1]!;
			for (let v = 0; v <= order; v++) {
				const cv = v === 0 ? 1 : -coefficients[v - 1]!;
				gamma += cu * cv * gammaY[Math.abs(j + u - v)]!;
			}
		}
		if (j === 0) gamma0 = gamma;
		else sum += whiteAutocorrelation[j]! * gamma;
	}
	return gamma0 > 0 ? 1 + (2 * sum) / gamma0 : 1;
}

function verdictOf(comparison: Comparison, sign: number): Verdict {
	const k = comparison.strongest;
	if (twoSidedP(comparison.z[k]!) >= LINK_P_THRESHOLD) return 'not_supported';
	const r = comparison.correlations[k]!;
	return sign === 0 || Math.sign(r) === sign ? 'supported' : 'opposite';
}

/**
 * Judges every `drives` link of `metrics` and searches the undeclared input × output pairs, on
 * weekly series aligned on one axis of `weeks` weeks (`series` by metric id, null for no data).
 */
export function judgeEvidence(
	metrics: EvidenceMetric[],
	series: ReadonlyMap<string, ArrayLike<number | null>>,
	options: { suggest?: boolean } = {}
): Evidence {
	let length = -1;
	const prepared = new Map<string, PreparedSeries>();
	for (const [id, values] of series) {
		if (length < 0) length = values.length;
		else if (values.length !== length) {
			throw new RangeError(`${id}: ${values.length} weeks where the other metrics have ${length}`);
		}
		prepared.set(id, prepareSeries(values));
	}
	const byId = new Map(metrics.map((m) => [m.id, m]));
	// Each input's filter is fitted once, when a link or the search first needs it.
	const whitened = new Map<string, WhitenedInput>();
	const inputModel = (id: string): WhitenedInput | undefined => {
		const known = whitened.get(id);
		const changes = known ? undefined : prepared.get(id);
		if (!changes) return known;
		const model = whiten(changes);
		whitened.set(id, model);
		return model;
	};
	const comparison = new Comparison(Math.max(0, length));

	const links: EvidenceLink[] = [];
	const declared = new Map<string, ReadonlySet<string>>();
	for (const input of metrics) {
		declared.set(input.id, new Set(input.drives ?? []));
		for (const outputId of input.drives ?? []) {
			const output = byId.get(outputId);
			const model = inputModel(input.id);
			const outputSeries = prepared.get(outputId);
			const link: EvidenceLink = {
				input: input.id,
				output: outputId,
				declared: true,
				verdict: 'too_little_data',
				lagWeeks: null,
				correlation: null,
				weeks: 0
			};
			if (output && model && outputSeries) {
				const enough = comparison.run(model, outputSeries);
				link.weeks = comparison.weeks;
				if (enough) {
					link.verdict = verdictOf(comparison, expectedSign(input.direction, output.direction));
					link.lagWeeks = comparison.strongest;
					link.correlation = comparison.correlations[comparison.strongest]!;
				}
			}
			links.push(link);
		}
	}

	const suggested =
		options.suggest === false ? [] : suggest(metrics, prepared, inputModel, declared, comparison);
	return { weeks: Math.max(0, length), links, suggested };
}

/** Benjamini-Hochberg over every undeclared pair × lag; the pairs with a discovery, strongest first. */
function suggest(
	metrics: EvidenceMetric[],
	prepared: ReadonlyMap<string, PreparedSeries>,
	inputModel: (id: string) => WhitenedInput | undefined,
	declared: ReadonlyMap<string, ReadonlySet<string>>,
	comparison: Comparison
): SuggestedLink[] {
	const q = SUGGESTION_FALSE_DISCOVERY_RATE;
	const outputs = metrics.flatMap((m) => {
		const series = m.kind === 'output' ? prepared.get(m.id) : undefined;
		return series ? [{ id: m.id, series }] : [];
	});
	const inputs = metrics.filter((m) => m.kind === 'input');
	// Only p-values at most q can ever be discoveries, and their ranks among all tests are their
	// ranks among these, so only they are kept: in flat lists of numbers, no object per test.
	const pValues: number[] = [];
	/** (input index × outputs + output index) × LAGS + lag. */
	const tests: number[] = [];
	const correlations: number[] = [];
	const weeks: number[] = [];
	let testCount = 0;
	inputs.forEach((input, i) => {
		const model = inputModel(input.id);
		if (!model) return;
		const drives = declared.get(input.id);
		for (let o = 0; o < outputs.length; o++) {
			const output = outputs[o]!;
			if (output.id === input.id || drives?.has(output.id)) continue;
			if (!comparison.run(model, output.series)) continue;
			testCount += LAGS;
			for (let k = 0; k < LAGS; k++) {
				const p = twoSidedP(comparison.z[k]!);
				if (p > q) continue;
				pValues.push(p);
				tests.push((i * outputs.length + o) * LAGS + k);
				correlations.push(comparison.correlations[k]!);
				weeks.push(comparison.weeks);
			}
		}
	});
	const order = pValues.map((_, c) => c).sort((a, b) => pValues[a]! - pValues[b]!);
	let discoveries = 0;
	for (let rank = 1; rank <= order.length; rank++) {
		if (pValues[order[rank - 1]!]! <= (rank * q) / testCount) discoveries = rank;
	}
	// A pair's suggestion is its discovery with the smallest p-value (the first in this order).
	const byPair = new Map<number, SuggestedLink>();
	for (const c of order.slice(0, discoveries)) {
		const pair = Math.floor(tests[c]! / LAGS);
		if (byPair.has(pair)) continue;
		byPair.set(pair, {
			input: inputs[Math.floor(pair / outputs.length)]!.id,
			output: outputs[pair % outputs.length]!.id,
			lagWeeks: tests[c]! % LAGS,
			correlation: correlations[c]!,
			weeks: weeks[c]!
		});
	}
	return [...byPair.values()].sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
}
