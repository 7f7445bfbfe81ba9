/**
 * A review as one self-contained HTML file: what "Export" saves for people who were not in the
 * room. It opens from disk, offline and years later, so it carries everything inside it: the style
 * inline, each 6-12 chart as inline SVG (drawn by ECharts' server-side renderer, no script), the
 * box of figures and the exception list first, as the review on screen reads. Nothing in it points
 * outside the file.
 */
import { describeSummary } from '../bands';
import type { Grain } from '../bands/types';
import { chartSvg } from '../charts/svg';
import { sixTwelveFigures, sixTwelveOption } from '../charts/six-twelve';
import {
	bandInWords,
	BOX_CELLS,
	boxFigure,
	chartLabel,
	exceptionHeadline,
	exceptionRulesInWords,
	metricStatus,
	noteInWords,
	tone,
	varianceCue
} from '../components/describe';
import { formatDate, formatMonth } from '../format/date';
import { formatValue, type FormatSpec } from '../format/number';
import type { MetricKind, View } from '../metrics/types';
import type { Review, ReviewMetric } from '../review/types';
import { escape } from './escape';
import { EXPORT_STYLE } from './html-style';
import type { NarrativeAction } from './narrative';

export { escape };

export interface HtmlExportOptions {
	/** Which review: the operational one judges the week, the strategic one the month. */
	view: View;
	/** The segment filters the review was built for, named under the title. */
	filters?: Readonly<Record<string, string>>;
	/** When the file was written (ISO timestamp), for the footer; the caller's clock, so this stays pure. */
	exportedAt?: string;
	/** The chart's drawing size in CSS pixels; the page scales it to the card's width. */
	chartSize?: { width: number; height: number };
	/**
	 * Root-cause notes written in the deep dive for this week, by metric id: the user's own words,
	 * kept beside the review rather than in it, and printed under the metric's box.
	 */
	notes?: Readonly<Record<string, string>>;
	/** The owners' comments of the week, by metric id, printed under the box like the notes. */
	comments?: Readonly<Record<string, string>>;
	/** The actions as they stand in the week (../app/actions.ts `actionsAt`). */
	actions?: readonly NarrativeAction[];
}

/** A half-width card's chart on screen, a little wider: the SVG scales, the text stays legible. */
const CHART_SIZE = { width: 640, height: 240 };

const VIEW_TITLES: Record<View, string> = {
	operational: 'Operational review',
	strategic: 'Strategic review'
};

const GROUP_TITLES: Record<MetricKind, string> = {
	input: 'Inputs: what the teams control',
	output: 'Outputs: what the inputs drive'
};

/** The review's metrics as one view judges them: the grain's band and signals, in the deck's order. */
function viewMetrics(review: Review, grain: Grain) {
	const periodEnds = (
		grain === 'week' ? review.periods.sixWeeks : review.periods.trailingMonths
	).map((p) => p.end);
	return review.blocks.flatMap((block) =>
		block.metrics.map((metric) => ({
			metric: {
				...metric,
				band: grain === 'week' ? metric.band : metric.monthlyBand,
				signals: grain === 'week' ? metric.signals : metric.monthlySignals
			},
			xAxis: block.xAxis,
			periodEnds
		}))
	);
}

type ViewMetric = ReturnType<typeof viewMetrics>[number];

export function reviewToHtml(review: Review, options: HtmlExportOptions): string {
	const grain: Grain = options.view === 'operational' ? 'week' : 'month';
	const metrics = viewMetrics(review, grain);
	const title = review.title ?? VIEW_TITLES[options.view];
	const period =
		grain === 'week'
			? `week ending ${formatDate(review.weekEnding)}`
			: `${formatMonth(review.monthlySummary.period)} (month complete at the week ending ${formatDate(review.weekEnding)})`;
	const filters = Object.entries(options.filters ?? {})
		.map(([name, value]) => `${name}: ${value}`)
		.join(', ');
	const kinds: MetricKind[] = [];
	for (const { metric } of metrics) if (!kinds.includes(metric.kind)) kinds.push(metric.kind);
	const groups = kinds.map(
		(kind) => `<section class="group">
<h2>${escape(GROUP_TITLES[kind])}</h2>
<div class="cards">
${metrics
	.filter(({ metric }) => metric.kind === kind)
	.map((m) =>
		cardHtml(m, grain, options.chartSize ?? CHART_SIZE, followUpHtml(m.metric.id, options))
	)
	.join('\n')}
</div>
</section>`
	);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${title}, ${period}`)}</title>
<style>${EXPORT_STYLE}</style>
</head>
<body>
<header class="title">
<h1>${escape(title)}</h1>
<p>Judged on the ${grain} under review: <strong>${escape(period)}</strong>${filters ? ` · ${escape(filters)}` : ''}</p>
</header>
${exceptionsHtml(review, grain, metrics)}
${groups.join('\n')}
<footer>Exported from Flywheel${options.exportedAt ? ` on ${escape(formatDate(options.exportedAt.slice(0, 10)))}` : ''}. Every figure as the review showed it.</footer>
</body>
</html>
`;
}

function exceptionsHtml(review: Review, grain: Grain, metrics: ViewMetric[]): string {
	const exceptions = grain === 'week' ? review.exceptionDetails : review.monthlyExceptionDetails;
	const summary = grain === 'week' ? review.summary : review.monthlySummary;
	const byId = new Map(metrics.map(({ metric }) => [metric.id, metric]));
	const rows = exceptions.map((exception) => {
		const metric = byId.get(exception.metricId);
		const format = formatOf(metric);
		const cue = varianceCue(exception.variance, exception.good);
		const band = bandInWords(exception.band, format);
		return `<tr data-exception="${escape(exception.metricId)}">
<th scope="row"><a href="#card-${escape(exception.metricId)}">${escape(metric?.label ?? exception.metricId)}</a> <span class="kind">${escape(exception.kind)}</span></th>
<td class="rule">${escape(exceptionRulesInWords(exception, grain))}</td>
<td class="value">${escape(formatValue(exception.value, format))}</td>
<td class="band">${band ? `expected ${escape(band)}` : ''}</td>
<td class="variance ${tone(exception.good)}">${cue.arrow} ${escape(cue.words)}</td>
</tr>`;
	});
	return `<section class="exceptions">
<h2>${escape(exceptionHeadline(exceptions.length, summary.metrics))}</h2>
<p class="summary">${escape(describeSummary(summary))}</p>
${rows.length > 0 ? `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>` : ''}
</section>`;
}

/** Under a card's box: the owner's comment, the root-cause note and the actions of the week. */
function followUpHtml(metricId: string, options: HtmlExportOptions): string {
	const comment = options.comments?.[metricId];
	const note = options.notes?.[metricId];
	const actions = (options.actions ?? []).filter((a) => a.metricId === metricId);
	const action = (a: NarrativeAction) =>
		`<li>${escape(a.what)} (${a.owner ? `${escape(a.owner)}, ` : ''}due ${escape(formatDate(a.dueWeek))}${a.overdue ? ', <strong>overdue</strong>' : a.status !== 'open' ? `, ${escape(a.status)}` : ''})</li>`;
	return [
		comment
			? `<div class="root-cause" data-comment><strong>Owner's comment</strong><p>${escape(comment)}</p></div>`
			: '',
		note
			? `<div class="root-cause" data-root-cause><strong>Root cause noted</strong><p>${escape(note)}</p></div>`
			: '',
		actions.length
			? `<div class="root-cause" data-actions><strong>Actions</strong><ul>${actions.map(action).join('')}</ul></div>`
			: ''
	].join('');
}

function cardHtml(
	{ metric, xAxis, periodEnds }: ViewMetric,
	grain: Grain,
	size: { width: number; height: number },
	followUp: string
): string {
	const format = formatOf(metric);
	const status = metricStatus(
		metric.band,
		metric.signals,
		grain,
		periodEnds.at(-1),
		metric.dataGrain
	);
	const label = chartLabel({
		...metric,
		lastWeek: metric.box.lastWeek,
		status: status.text,
		grain,
		format
	});
	const svg = chartSvg(sixTwelveOption(metric, xAxis, { bandGrain: grain, periodEnds }), size);
	const arrow = status.side ? `${status.side === 'above' ? '▲' : '▼'} ` : '';
	return `<article class="card" id="card-${escape(metric.id)}" data-metric="${escape(metric.id)}">
<header><h3>${escape(metric.label)}</h3><span class="kind ${metric.kind}">${metric.kind}</span></header>
<p class="meta">${metric.owner ? `<span>${escape(metric.owner)}</span>` : ''}<span class="status ${status.tone}">${arrow}${escape(status.text)}</span></p>
<figure class="chart" role="img" aria-label="${escape(label)}">${svg}</figure>
${boxHtml(metric, format)}
${followUp}
${figuresHtml(metric, xAxis, format)}
</article>`;
}

function boxHtml(metric: ReviewMetric, format: FormatSpec): string {
	const headings = BOX_CELLS.map(
		(c) => `<th scope="col"><abbr title="${escape(c.spoken)}">${escape(c.heading)}</abbr></th>`
	);
	const cells = BOX_CELLS.map((c) => {
		const missing = metric.box[c.cell] === null;
		const reason = missing ? noteInWords(metric.notes[c.cell]) : undefined;
		const attributes = `data-box-cell="${c.cell}"${missing ? ' class="missing"' : ''}${reason ? ` title="${escape(reason)}"` : ''}`;
		return `<td ${attributes}>${escape(boxFigure(metric.box, c, format, metric.comparison))}</td>`;
	});
	return `<table class="box"><thead><tr>${headings.join('')}</tr></thead><tbody><tr>${cells.join('')}</tr></tbody></table>`;
}

/** The chart's numbers as a table, folded away: the chart's text alternative, and exact figures. */
function figuresHtml(metric: ReviewMetric, xAxis: readonly string[], format: FormatSpec): string {
	const figures = sixTwelveFigures(metric, xAxis);
	const withLastYear = figures.some((f) => f.lastYear !== null);
	const withPlan = figures.some((f) => f.plan !== null);
	const cell = (value: number | null) => `<td>${escape(formatValue(value, format))}</td>`;
	const rows = figures.map(
		(f) =>
			`<tr><th scope="row">${escape(f.period)}</th>${cell(f.thisYear)}${withLastYear ? cell(f.lastYear) : ''}${withPlan ? cell(f.plan) : ''}</tr>`
	);
	return `<details class="figures"><summary>Figures</summary><table>
<thead><tr><th scope="col">Period</th><th scope="col">This year</th>${withLastYear ? '<th scope="col">Last year</th>' : ''}${withPlan ? '<th scope="col">Plan</th>' : ''}</tr></thead>
<tbody>${rows.join('')}</tbody>
</table></details>`;
}

function formatOf(metric: Pick<ReviewMetric, 'unit' | 'unitDetail'> | undefined): FormatSpec {
	return {
		unit: metric?.unit ?? 'number',
		...(metric?.unitDetail ? { unitDetail: metric.unitDetail } : {})
	};
}
