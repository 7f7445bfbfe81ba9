/**
 * Rates on generated data (seeded, so every run sees the same numbers; README.md records them).
 *
 * False alarms: stable processes (independent normal values, mean 100, sd 10), each judged in the
 * week after its 26-week baseline (or the month after its 24-month baseline). Given a baseline, the
 * chance that each rule fires in the review period has a closed form (the review value is a fresh
 * normal draw; every rule is a threshold on it), so the prediction is the average of those chances
 * over the generated baselines, computed here independently of the detection code. The measured
 * share of flagged metrics must agree within 4 standard errors.
 *
 * Detection: the same processes with a planted spike, shift or run ending at a random review week;
 * each plant must be found, by the rule meant to find it, covering the right periods, with the
 * right direction, in at least the stated share of metrics.
 */
import { describe, expect, it } from 'vitest';
import { evaluateMetric } from './evaluate';
import { SIGNAL_RULES } from './signals';
import { monthEnds, normalNoise, seededRandom, weekEndings } from './testing';
import type { Grain, MetricBandConfig, Side, SignalRule } from './types';
import { processLimits } from './xmr';

const MEAN = 100;
const SD = 10;

/** Standard normal CDF via erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * x);
	const poly =
		t *
		(0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-x * x);
	return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const above = (threshold: number) => 1 - normalCdf((threshold - MEAN) / SD);
const below = (threshold: number) => normalCdf((threshold - MEAN) / SD);

/** For each rule, the value above (or below) which the review value would fire it, given the baseline. */
function thresholds(baseline: number[]): Record<SignalRule, { up?: number; down?: number }> {
	const limits = processLimits(baseline);
	const { centre, movingRangeUpper } = limits;
	const { lower, upper } = limits.naturalProcessLimits;
	const previous = baseline.slice(-7);
	const lastThree = previous.slice(-3);
	const midUp = (centre + upper) / 2;
	const midDown = (centre + lower) / 2;
	const last = previous[previous.length - 1] as number;
	return {
		beyond_limit: { up: upper, down: lower },
		three_of_four: {
			up: lastThree.filter((v) => v > midUp).length >= 2 ? midUp : undefined,
			down: lastThree.filter((v) => v < midDown).length >= 2 ? midDown : undefined
		},
		eight_on_one_side: {
			up: previous.every((v) => v > centre) ? centre : undefined,
			down: previous.every((v) => v < centre) ? centre : undefined
		},
		moving_range: { up: last + movingRangeUpper, down: last - movingRangeUpper }
	};
}

const stable: MetricBandConfig = { id: 'stable', direction: 'higher_is_better', kind: 'output' };

function falseAlarms(grain: Grain, metrics: number, seed: number) {
	const window = grain === 'week' ? 26 : 24;
	const periods = grain === 'week' ? weekEndings(window + 1) : monthEnds(window + 1);
	const noise = normalNoise(seededRandom(seed));
	const rules = [...SIGNAL_RULES, 'any'] as const;
	const predicted = Object.fromEntries(rules.map((rule) => [rule, 0])) as Record<
		(typeof rules)[number],
		number
	>;
	const measured = { ...predicted };
	for (let m = 0; m < metrics; m++) {
		const values = periods.map(() => MEAN + SD * noise());
		const byRule = thresholds(values.slice(0, window));
		let lowestUp = Infinity;
		let highestDown = -Infinity;
		for (const rule of SIGNAL_RULES) {
			const { up, down } = byRule[rule];
			predicted[rule] +=
				(up === undefined ? 0 : above(up)) + (down === undefined ? 0 : below(down));
			lowestUp = Math.min(lowestUp, up ?? Infinity);
			highestDown = Math.max(highestDown, down ?? -Infinity);
		}
		// Every rule fires above some threshold or below another: nothing fires in between.
		predicted.any += 1 - Math.max(0, normalCdf((lowestUp - MEAN) / SD) - below(highestDown));

		const { signals } = evaluateMetric({ periods, values }, stable, window, { grain });
		for (const rule of SIGNAL_RULES) {
			if (signals.some((signal) => signal.rule === rule)) measured[rule]++;
		}
		if (signals.length > 0) measured.any++;
	}
	return rules.map((rule) => ({
		rule,
		predicted: predicted[rule] / metrics,
		measured: measured[rule] / metrics
	}));
}

describe('false alarms on stable processes', () => {
	for (const [grain, seed] of [
		['week', 1],
		['month', 2]
	] as const) {
		it(`flags about the share the rules predict (${grain}ly baseline, 20,000 metrics)`, () => {
			const metrics = 20_000;
			for (const { rule, predicted, measured } of falseAlarms(grain, metrics, seed)) {
				const standardError = Math.sqrt((predicted * (1 - predicted)) / metrics);
				expect(Math.abs(measured - predicted), rule).toBeLessThan(4 * standardError);
			}
		});
	}

	it('stays within the README’s figures for a weekly review: about 2.8% of metrics, all rules', () => {
		const any = falseAlarms('week', 20_000, 1).find((row) => row.rule === 'any');
		expect(any?.measured).toBeGreaterThan(0.02);
		expect(any?.measured).toBeLessThan(0.032);
	});
});

interface Plant {
	name: string;
	rule: SignalRule;
	side: Side;
	/** How many periods, ending with the review, are moved. */
	length: number;
	/** How far they are moved, in standard deviations. */
	size: number;
	/** The least share of metrics in which the plant must be found; README.md has the measured share. */
	atLeast: number;
}

const plants: Plant[] = [
	{
		name: 'spike of +5 sd',
		rule: 'beyond_limit',
		side: 'above',
		length: 1,
		size: 5,
		atLeast: 0.93
	},
	{ name: 'dip of -5 sd', rule: 'beyond_limit', side: 'below', length: 1, size: -5, atLeast: 0.93 },
	{ name: 'jump of +6 sd', rule: 'moving_range', side: 'above', length: 1, size: 6, atLeast: 0.9 },
	{
		name: 'shift of +3 sd for 4 weeks',
		rule: 'three_of_four',
		side: 'above',
		length: 4,
		size: 3,
		atLeast: 0.75
	},
	{
		name: 'shift of -3 sd for 4 weeks',
		rule: 'three_of_four',
		side: 'below',
		length: 4,
		size: -3,
		atLeast: 0.75
	},
	{
		name: 'run of +3 sd for 8 weeks',
		rule: 'eight_on_one_side',
		side: 'above',
		length: 8,
		size: 3,
		atLeast: 0.86
	},
	{
		name: 'run of -2 sd for 8 weeks',
		rule: 'eight_on_one_side',
		side: 'below',
		length: 8,
		size: -2,
		atLeast: 0.5
	}
];

describe('planted spikes, shifts and runs', () => {
	const metrics = 4_000;
	const periods = weekEndings(40);
	for (const [p, plant] of plants.entries()) {
		for (const direction of ['higher_is_better', 'lower_is_better'] as const) {
			it(`finds a ${plant.name} with ${plant.rule} (${direction})`, () => {
				const random = seededRandom(100 + p);
				const noise = normalNoise(random);
				const metric: MetricBandConfig = { id: 'planted', direction, kind: 'input' };
				const good = (plant.side === 'above') === (direction === 'higher_is_better');
				let found = 0;
				for (let m = 0; m < metrics; m++) {
					const review = 30 + Math.floor(random() * 10);
					const plantStart = review - plant.length + 1;
					const values = periods.map(
						(_, i) => MEAN + SD * noise() + (i >= plantStart && i <= review ? SD * plant.size : 0)
					);
					const result = evaluateMetric({ periods, values }, metric, review);
					const signal = result.signals.find((s) => s.rule === plant.rule && s.side === plant.side);
					if (!signal) continue;
					found++;
					expect(signal.to).toBe(periods[review]);
					expect(signal.good).toBe(good);
					expect(result.exception).toMatchObject({ variance: plant.side, good });
					const from = periods.indexOf(signal.from);
					if (plant.rule === 'beyond_limit') expect(from).toBe(review);
					if (plant.rule === 'moving_range') expect(from).toBe(review - 1);
					// At least three values; a chance window just before the shift can merge with it, so
					// the start is not pinned to the plant's first week.
					if (plant.rule === 'three_of_four') expect(from).toBeLessThanOrEqual(review - 2);
					if (plant.rule === 'eight_on_one_side') expect(from).toBeLessThanOrEqual(plantStart);
				}
				expect(found / metrics).toBeGreaterThanOrEqual(plant.atLeast);
			});
		}
	}
});
