/**
 * The week's review as a written narrative, the way a WBR is read in the room instead of slides:
 * a headline sentence, one short paragraph per exception with its figures, the owner's comment,
 * its root cause and actions, the other open actions, and
 * one line for what behaved as expected. Drafted from the review JSON by fixed rules (no model,
 * no network); every figure is formatted as the review shows it (../components/describe.ts,
 * ../format/number.ts). The draft is Markdown, for the user to edit before it is exported
 * (./narrative-html.ts turns it into a self-contained HTML file).
 */
import type { Exception, Grain } from '../bands/types';
import {
	assuranceInWords,
	bandInWords,
	boxFigure,
	BOX_CELLS,
	exceptionHeadline,
	exceptionRulesInWords
} from '../components/describe';
import { formatDate, formatMonth } from '../format/date';
import type { FormatSpec } from '../format/number';
import { formatValue } from '../format/number';
import type { View } from '../metrics/types';
import type { Review, ReviewMetric } from '../review/types';

/** An action as the narrative names it. */
export interface NarrativeAction {
	metricId: string;
	what: string;
	owner: string;
	dueWeek: string;
	status: string;
	overdue: boolean;
}

export interface NarrativeOptions {
	view: View;
	/** The segment filters the review was built for. */
	filters?: Readonly<Record<string, string>>;
	/** The owners' comments of the review's week, by metric id. */
	comments?: Readonly<Record<string, string>>;
	/** The root-cause notes of the review's week, by metric id (the deep dive's five whys). */
	notes?: Readonly<Record<string, string>>;
	/** The actions as they stand in the review's week (../app/actions.ts `actionsAt`). */
	actions?: readonly NarrativeAction[];
	/** The catalog's links: each input's id → the outputs it drives. */
	drives?: Readonly<Record<string, readonly string[]>>;
}

const TITLES: Record<View, string> = {
	operational: 'Weekly business review',
	strategic: 'Monthly business review'
};

const formatOf = (metric: ReviewMetric): FormatSpec => ({
	unit: metric.unit,
	...(metric.unitDetail ? { unitDetail: metric.unitDetail } : {})
});

/** A box figure by its cell name, as the card shows it. */
function figure(metric: ReviewMetric, cell: string): string {
	const spec = BOX_CELLS.find((c) => c.cell === cell);
	return spec ? boxFigure(metric.box, spec, formatOf(metric), metric.comparison) : '';
}

/** Text for Markdown: characters that would start markup are escaped. */
export function markdownText(text: string): string {
	return text.replace(/[\\`*_[\]#<>|]/g, (c) => `\\${c}`);
}

/** The review's metrics as judged at one grain, each once (comparison series have no band). */
function judgedMetrics(review: Review): Map<string, ReviewMetric> {
	const metrics = new Map<string, ReviewMetric>();
	for (const block of review.blocks) {
		for (const metric of block.metrics) if (!metrics.has(metric.id)) metrics.set(metric.id, metric);
	}
	return metrics;
}

/** "week-over-week +1.4%, year-over-year +9.1%" (operational), or the month's year to date. */
function changesOf(metric: ReviewMetric, grain: Grain): string {
	const parts =
		grain === 'week'
			? [`WoW ${figure(metric, 'wow')}`, `YoY ${figure(metric, 'yoy')}`]
			: [
					`MTD ${figure(metric, 'mtd')} (${figure(metric, 'mtdYoy')} YoY)`,
					`YTD ${figure(metric, 'ytd')} (${figure(metric, 'ytdYoy')} YoY)`
				];
	return parts.join(', ');
}

/** The inputs the catalog links to `metric` (an output), or the outputs it drives (an input). */
function linkedOf(
	metric: ReviewMetric,
	metrics: Map<string, ReviewMetric>,
	flagged: Set<string>,
	grain: Grain,
	drives: Readonly<Record<string, readonly string[]>>
): string | null {
	const ids =
		metric.kind === 'output'
			? Object.keys(drives).filter((input) => drives[input]?.includes(metric.id))
			: [...(drives[metric.id] ?? [])];
	const linked = ids.flatMap((id) => {
		const other = metrics.get(id);
		if (!other) return [];
		const moved =
			grain === 'week' ? `${figure(other, 'wow')} WoW` : `${figure(other, 'ytdYoy')} YoY`;
		return [`${markdownText(other.label)} ${moved}${flagged.has(id) ? ', also flagged' : ''}`];
	});
	if (linked.length === 0) return null;
	return `${metric.kind === 'output' ? 'Its inputs' : 'It drives'}: ${linked.join('; ')}.`;
}

/** "Second carrier (Logistics, due 5 Dec 2026, overdue)". */
function actionText(action: NarrativeAction): string {
	const owner = action.owner ? `${markdownText(action.owner)}, ` : '';
	const state = action.overdue ? ', overdue' : action.status !== 'open' ? `, ${action.status}` : '';
	return `${markdownText(action.what.trim())} (${owner}due ${formatDate(action.dueWeek)}${state})`;
}

function exceptionParagraph(
	exception: Exception,
	metric: ReviewMetric,
	grain: Grain,
	context: { metrics: Map<string, ReviewMetric>; flagged: Set<string>; options: NarrativeOptions }
): string {
	const format = formatOf(metric);
	const band = bandInWords(exception.band, format);
	const news = exception.good === null ? '' : exception.good ? ' (good news)' : ' (bad news)';
	const period = grain === 'week' ? 'this week' : `in ${formatMonth(exception.period)}`;
	const owner = metric.owner ? `, ${markdownText(metric.owner)}` : '';
	const lines = [
		`### ${markdownText(metric.label)} (${metric.kind}${owner})`,
		'',
		`${markdownText(metric.label)} was **${formatValue(exception.value, format)}** ${period}, ` +
			`${exception.variance} its expected band${band ? ` of ${band}` : ''}${news}: ` +
			`${exceptionRulesInWords(exception, grain)}. ${changesOf(metric, grain)}.`
	];
	const assurance = grain === 'week' ? metric.assurance : metric.monthlyAssurance;
	if (assurance) {
		const words = assuranceInWords(assurance, format, grain);
		lines.push('', `${words.headline}: ${words.detail}.`);
	}
	const linked = linkedOf(
		metric,
		context.metrics,
		context.flagged,
		grain,
		context.options.drives ?? {}
	);
	if (linked) lines.push('', linked);
	const oneLine = (text: string) => markdownText(text.trim()).replace(/\n+/g, ' ');
	const comment = context.options.comments?.[metric.id]?.trim();
	lines.push(
		'',
		comment ? `> Owner's comment: ${oneLine(comment)}` : "> Owner's comment: none yet."
	);
	const note = context.options.notes?.[metric.id]?.trim();
	if (note) lines.push('', `Root cause: ${oneLine(note)}`);
	const actions = (context.options.actions ?? []).filter((a) => a.metricId === metric.id);
	if (actions.length) lines.push('', `Actions: ${actions.map(actionText).join('; ')}.`);
	return lines.join('\n');
}

/** The narrative of `review` as one view reads it, in Markdown. */
export function draftNarrative(review: Review, options: NarrativeOptions): string {
	const grain: Grain = options.view === 'operational' ? 'week' : 'month';
	const exceptions = grain === 'week' ? review.exceptionDetails : review.monthlyExceptionDetails;
	const summary = grain === 'week' ? review.summary : review.monthlySummary;
	const metrics = judgedMetrics(review);
	const flagged = new Set(exceptions.map((e) => e.metricId));
	const period =
		grain === 'week'
			? `week ending ${formatDate(review.weekEnding)}`
			: formatMonth(review.monthlySummary.period);
	const filters = Object.entries(options.filters ?? {})
		.map(([name, value]) => `${name} ${value}`)
		.join(', ');
	const expected = summary.withinBand;
	const headline =
		`${exceptionHeadline(exceptions.length, summary.metrics)}; ` +
		`${expected} behaved as expected` +
		(summary.withoutBand ? `, ${summary.withoutBand} without a band yet` : '') +
		(summary.withoutData ? `, ${summary.withoutData} without data for the ${grain}` : '') +
		'.';
	const parts = [
		`# ${markdownText(review.title ?? TITLES[options.view])}: ${period}${filters ? ` (${markdownText(filters)})` : ''}`,
		'',
		headline
	];
	if (exceptions.length > 0) parts.push('', '## What needs attention');
	for (const exception of exceptions) {
		const metric = metrics.get(exception.metricId);
		if (!metric) continue;
		parts.push('', exceptionParagraph(exception, metric, grain, { metrics, flagged, options }));
	}
	const otherActions = (options.actions ?? []).filter(
		(a) => a.status === 'open' && !flagged.has(a.metricId)
	);
	if (otherActions.length > 0) {
		parts.push('', '## Other open actions', '');
		for (const action of otherActions) {
			const label = metrics.get(action.metricId)?.label ?? action.metricId;
			parts.push(`- ${markdownText(label)}: ${actionText(action)}`);
		}
	}
	// Judged (a band with limits), not flagged, and with a value for the week: the summary's
	// `withinBand`. (A comparison series has no band.)
	const within = [...metrics.values()].filter((m) => {
		const band = grain === 'week' ? m.band : m.monthlyBand;
		const hasValue = grain === 'month' || m.box.lastWeek !== null;
		return band?.status === 'ok' && !flagged.has(m.id) && hasValue;
	});
	if (within.length > 0) {
		parts.push(
			'',
			'## As expected',
			'',
			`Within their expected band: ${within.map((m) => markdownText(m.label)).join(', ')}.`
		);
	}
	return `${parts.join('\n')}\n`;
}
