/**
 * From signals to the exception list the review opens on: which metrics need attention, in which
 * order, and one sentence for everything else.
 */
import { isGoodNews, SIGNAL_RULES } from './signals';
import type { Band, Direction, Exception, MetricEvaluation, MetricKind, Signal } from './types';

/**
 * Inputs are what the team can move, so among equally surprising metrics they come first; half a
 * rule's weight keeps a single-rule input below an output where two rules agree.
 */
export const INPUT_BONUS = 0.5;

/**
 * severity = rules fired + distance beyond the limit in band widths + INPUT_BONUS for inputs.
 * The band width is upper - lower (natural, unclipped); a one-sided band measures the distance
 * relative to its one limit; a zero-width band adds nothing for distance.
 */
export function severity(args: {
	value: number;
	band: Pick<Band, 'naturalLower' | 'upper'>;
	rulesFired: number;
	kind: MetricKind;
}): number {
	const { value, rulesFired, kind } = args;
	const { naturalLower: lower, upper } = args.band;
	let beyond = 0;
	let limit = 0;
	if (upper !== null && value > upper) [beyond, limit] = [value - upper, upper];
	else if (lower !== null && value < lower) [beyond, limit] = [lower - value, lower];
	const width = upper !== null && lower !== null ? upper - lower : Math.abs(limit);
	const distance = width > 0 ? beyond / width : 0;
	return rulesFired + distance + (kind === 'input' ? INPUT_BONUS : 0);
}

/** The exception for a metric, or null when nothing fired in the period under review. */
export function buildException(args: {
	metricId: string;
	kind: MetricKind;
	direction: Direction;
	period: string;
	value: number | null;
	band: Band;
	signals: Signal[];
}): Exception | null {
	const { value, band, signals } = args;
	if (value === null || signals.length === 0) return null;
	const rules = SIGNAL_RULES.filter((rule) => signals.some((signal) => signal.rule === rule));
	// The most telling signal sets the direction: a value beyond a limit says more than a run.
	const leading = signals.find((signal) => signal.rule === rules[0]) as Signal;
	return {
		metricId: args.metricId,
		kind: args.kind,
		rules,
		signals,
		period: args.period,
		value,
		band: { centre: band.centre, lower: band.lower, upper: band.upper },
		variance: leading.side,
		good: isGoodNews(leading.side, args.direction),
		severity: severity({ value, band, rulesFired: rules.length, kind: args.kind })
	};
}

export interface ReviewSummary {
	metrics: number;
	exceptions: number;
	/** A band, a value for the period and no signal. */
	withinBand: number;
	/** No band: not enough history, or no plan or prior-year value for the period. */
	withoutBand: number;
	/** A band but no value for the period under review. */
	withoutData: number;
}

/** Highest severity first; ties go to inputs, then to the metric id so the order never wobbles. */
export function rankExceptions(evaluations: readonly MetricEvaluation[]): {
	exceptions: Exception[];
	summary: ReviewSummary;
} {
	const exceptions = evaluations
		.flatMap((evaluation) => (evaluation.exception ? [evaluation.exception] : []))
		.sort(
			(a, b) =>
				b.severity - a.severity ||
				Number(b.kind === 'input') - Number(a.kind === 'input') ||
				(a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0)
		);
	const summary: ReviewSummary = {
		metrics: evaluations.length,
		exceptions: exceptions.length,
		withinBand: 0,
		withoutBand: 0,
		withoutData: 0
	};
	for (const evaluation of evaluations) {
		if (evaluation.exception) continue;
		if (evaluation.band.status !== 'ok') summary.withoutBand++;
		else if (evaluation.value === null) summary.withoutData++;
		else summary.withinBand++;
	}
	return { exceptions, summary };
}

/** "57 of 64 metrics within their expected band", plus whatever could not be judged. */
export function describeSummary(summary: ReviewSummary): string {
	const parts = [`${summary.withinBand} of ${summary.metrics} metrics within their expected band`];
	if (summary.withoutBand > 0) {
		parts.push(`${summary.withoutBand} without a band yet`);
	}
	if (summary.withoutData > 0) {
		parts.push(`${summary.withoutData} without data for the period`);
	}
	return parts.join('; ');
}
