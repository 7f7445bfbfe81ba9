/**
 * The review's words: how a band, a signal, a box note and a variance read on screen. One place,
 * so a card, the exception list and a chart's text alternative always say the same thing.
 */
import type { DataGrain } from '../periods/grain';
import { SIGNAL_RULES } from '../bands/signals';
import type { TargetAssurance } from '../bands/assurance';
import type { Band, Exception, Grain, Side, Signal } from '../bands/types';
import { formatChange, formatValue, type FormatSpec } from '../format/number';
import type { ComparisonMethod } from '../metrics/types';
import type { Box, BoxCell } from '../review/types';

/** Good or bad news, or neither for a neutral metric. */
export type Tone = 'good' | 'bad' | 'neutral';

export function tone(good: boolean | null): Tone {
	return good === null ? 'neutral' : good ? 'good' : 'bad';
}

/**
 * The direction of a variance with a cue that does not rely on colour: an arrow for the side and
 * the words "good" or "bad" (nothing for a neutral metric).
 */
export function varianceCue(side: Side, good: boolean | null): { arrow: string; words: string } {
	const arrow = side === 'above' ? '▲' : '▼';
	const where = side === 'above' ? 'above the band' : 'below the band';
	return { arrow, words: good === null ? where : `${where}, ${good ? 'good' : 'bad'}` };
}

/** How many periods of `grain` run from `from` to `to`, both period-end dates, inclusive. */
export function periodsCovered(from: string, to: string, grain: Grain): number {
	if (grain === 'week') {
		const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
		return Math.round(days / 7) + 1;
	}
	const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
	return months(to) - months(from) + 1;
}

/** "beyond the upper limit", "8 weeks above centre", "3 of 4 weeks near the lower limit". */
export function ruleInWords(signal: Signal, grain: Grain): string {
	const unit = (n: number) => `${n} ${grain}${n === 1 ? '' : 's'}`;
	const limit = signal.side === 'above' ? 'upper limit' : 'lower limit';
	switch (signal.rule) {
		case 'beyond_limit':
			return `beyond the ${limit}`;
		case 'three_of_four':
			return `3 of 4 ${grain}s near the ${limit}`;
		case 'eight_on_one_side':
			return `${unit(periodsCovered(signal.from, signal.to, grain))} ${signal.side} centre`;
		case 'moving_range':
			return signal.side === 'above'
				? `unusual jump from the ${grain} before`
				: `unusual drop from the ${grain} before`;
	}
}

/** The most telling signal first, in the order the exception list uses. */
export function leadingSignal(signals: readonly Signal[]): Signal | undefined {
	return [...signals].sort(
		(a, b) => SIGNAL_RULES.indexOf(a.rule) - SIGNAL_RULES.indexOf(b.rule)
	)[0];
}

const WITHOUT_BAND: Record<Exclude<Band['status'], 'ok'>, string> = {
	not_enough_history: 'not enough history',
	no_plan: 'no plan for this period',
	no_prior_year: 'no value a year ago'
};

/**
 * The status beside a metric's title. Only signals that reach the period under review count
 * (earlier ones stay on the chart); without `reviewPeriod` every signal given counts.
 */
export function metricStatus(
	band: Band | null,
	signals: readonly Signal[] | null,
	grain: Grain,
	reviewPeriod?: string,
	dataGrain: DataGrain = 'day'
): { text: string; tone: Tone | 'within' | 'unknown'; side?: Side } {
	// A monthly export has no weekly values to judge: it is judged month by month.
	if (grain === 'week' && dataGrain === 'month')
		return { text: 'monthly data: judged in the strategic review', tone: 'unknown' };
	if (band === null) return { text: 'no expected band', tone: 'unknown' };
	if (band.status !== 'ok') return { text: WITHOUT_BAND[band.status], tone: 'unknown' };
	const current = (signals ?? []).filter(
		(s) => reviewPeriod === undefined || (s.from <= reviewPeriod && reviewPeriod <= s.to)
	);
	const signal = leadingSignal(current);
	if (!signal) return { text: 'within band', tone: 'within' };
	const news = tone(signal.good);
	const judged = news === 'neutral' ? '' : `, ${news}`;
	return {
		text: `signal: ${ruleInWords(signal, grain)}${judged}`,
		tone: news,
		side: signal.side
	};
}

const NOTES: Record<string, string> = {
	no_data: 'no data for this period',
	no_baseline: 'no data for the period compared with',
	partial_baseline: 'the period compared with is only partly covered',
	zero_baseline: 'the period compared with is zero, so a percent change is undefined'
};

/** Why a box figure is n/a, in words; unknown reasons are shown as they are. */
export function noteInWords(note: string | undefined): string | undefined {
	return note === undefined ? undefined : (NOTES[note] ?? note.replaceAll('_', ' '));
}

/** A band's range as read aloud: "9K to 11.2K", or "at most 2 s" for a one-sided band. */
export function bandInWords(
	band: Pick<Band, 'lower' | 'upper'>,
	format: FormatSpec
): string | undefined {
	const { lower, upper } = band;
	if (lower !== null && upper !== null) {
		return `${formatValue(lower, format)} to ${formatValue(upper, format)}`;
	}
	if (upper !== null) return `at most ${formatValue(upper, format)}`;
	if (lower !== null) return `at least ${formatValue(lower, format)}`;
	return undefined;
}

const ASSURANCE_HEADLINES: Record<TargetAssurance['verdict'], { headline: string; tone: Tone }> = {
	will_meet: { headline: 'Meets its plan consistently', tone: 'good' },
	hit_or_miss: { headline: 'Hits or misses its plan by chance', tone: 'neutral' },
	will_miss: { headline: 'Will miss its plan unless the process changes', tone: 'bad' }
};

/**
 * Target assurance as a manager reads it (../bands/README.md): "Meets its plan consistently" and
 * why, "the weekly plan, 93%, is below the lower limit, 93.1%".
 */
export function assuranceInWords(
	assurance: TargetAssurance,
	format: FormatSpec,
	grain: Grain
): { headline: string; detail: string; tone: Tone } {
	const { plan, lower, upper } = assurance;
	const planText = `the ${grain === 'week' ? 'weekly' : 'monthly'} plan, ${formatValue(plan, format)},`;
	const where =
		plan > upper
			? `is above the upper limit, ${formatValue(upper, format)}`
			: plan < lower
				? `is below the lower limit, ${formatValue(lower, format)}`
				: `is inside the limits, ${bandInWords({ lower, upper }, format)}`;
	return { ...ASSURANCE_HEADLINES[assurance.verdict], detail: `${planText} ${where}` };
}

/** Every rule that fired for an exception, each once, most telling first. */
export function exceptionRulesInWords(exception: Exception, grain: Grain): string {
	return exception.rules
		.flatMap((rule) => {
			const signal = exception.signals.find((s) => s.rule === rule);
			return signal ? [ruleInWords(signal, grain)] : [];
		})
		.join('; ');
}

/** The chart's accessible name: what it shows and what it says this week, in one sentence. */
export function chartLabel(args: {
	label: string;
	lastWeek: number | null;
	band: Band | null;
	status: string;
	grain: Grain;
	format: FormatSpec;
}): string {
	const { label, band, format } = args;
	const range = band?.status === 'ok' ? bandInWords(band, format) : undefined;
	return [
		`${label}: six weeks and twelve months, this year against last year`,
		`last week ${formatValue(args.lastWeek, format)}`,
		range ? `expected ${range} (${args.grain === 'week' ? 'weekly' : 'monthly'})` : undefined,
		args.status
	]
		.filter(Boolean)
		.join('; ');
}

/**
 * The WBR box, in its fixed order, as every box shows it (a card, an exported review); `spoken`
 * tells a screen reader which "YoY" is which.
 */
export const BOX_CELLS: readonly {
	cell: BoxCell;
	heading: string;
	spoken: string;
	change: boolean;
}[] = [
	{ cell: 'lastWeek', heading: 'Last wk', spoken: 'last week', change: false },
	{ cell: 'wow', heading: 'WoW', spoken: 'week over week', change: true },
	{ cell: 'yoy', heading: 'YoY', spoken: 'last week, year over year', change: true },
	{ cell: 'mtd', heading: 'MTD', spoken: 'month to date', change: false },
	{ cell: 'mtdYoy', heading: 'YoY', spoken: 'month to date, year over year', change: true },
	{ cell: 'qtd', heading: 'QTD', spoken: 'quarter to date', change: false },
	{ cell: 'qtdYoy', heading: 'YoY', spoken: 'quarter to date, year over year', change: true },
	{ cell: 'ytd', heading: 'YTD', spoken: 'year to date', change: false },
	{ cell: 'ytdYoy', heading: 'YoY', spoken: 'year to date, year over year', change: true }
];

/** The exception list's headline: "7 of 19 metrics need attention". */
export function exceptionHeadline(exceptions: number, metrics: number): string {
	if (exceptions === 0) return 'No metric needs attention';
	return `${exceptions} of ${metrics} ${metrics === 1 ? 'metric needs' : 'metrics need'} attention`;
}

/** A box figure as shown: a value in the metric's unit, or a change as percent or basis points. */
export function boxFigure(
	box: Box,
	cell: (typeof BOX_CELLS)[number],
	format: FormatSpec,
	comparison: ComparisonMethod
): string {
	return cell.change
		? formatChange(box[cell.cell], comparison)
		: formatValue(box[cell.cell], format);
}
