/**
 * A review as one view shows it: the operational view judges the weeks, the strategic view the
 * months, and each shows its own exception list first. The deck already puts the view's metrics in
 * order (inputs first for operational, outputs first for strategic); this keeps that order and
 * groups the cards by kind under it.
 */
import type { TargetAssurance } from '../bands/assurance';
import type { Exception, Grain } from '../bands/types';
import type { CardMetric, MetricLabel } from '../components/types';
import type { Catalog, MetricKind, View } from '../metrics/types';
import type { Review, ReviewSummary } from '../review/types';
import { planAttainment, type PlanAttainment } from './plan-attainment';

export interface ReviewCard {
	metric: CardMetric;
	xAxis: readonly string[];
	/** Period ends of the grain judged, aligned with the chart; the last is the period under review. */
	periodEnds: readonly string[];
	/** In the exception list. */
	flagged: boolean;
	/** Strategic view only, when the metric has a plan. */
	attainment: PlanAttainment | null;
	/** Whether the process meets the plan of the period under review at this grain. */
	assurance: TargetAssurance | null;
}

export interface CardGroup {
	kind: MetricKind;
	cards: ReviewCard[];
}

export interface ReviewView {
	view: View;
	grain: Grain;
	/** The period under review at this grain (ISO period-end date). */
	period: string;
	exceptions: Exception[];
	summary: ReviewSummary;
	labels: Record<string, MetricLabel>;
	/** In the deck's order; a kind's group comes where its first card is. */
	groups: CardGroup[];
	cardCount: number;
	/** Every metric with a target assurance, the plans the process will miss first. */
	assurances: { metricId: string; assurance: TargetAssurance }[];
}

const ASSURANCE_ORDER: Record<TargetAssurance['verdict'], number> = {
	will_miss: 0,
	hit_or_miss: 1,
	will_meet: 2
};

export const VIEW_GRAIN: Record<View, Grain> = { operational: 'week', strategic: 'month' };

export function reviewView(review: Review, view: View, catalog: Catalog): ReviewView {
	const grain = VIEW_GRAIN[view];
	const exceptions = grain === 'week' ? review.exceptionDetails : review.monthlyExceptionDetails;
	const summary = grain === 'week' ? review.summary : review.monthlySummary;
	const flagged = new Set(exceptions.map((e) => e.metricId));
	const definitions = new Map(catalog.metrics.map((m) => [m.id, m]));
	const periodEnds =
		grain === 'week'
			? review.periods.sixWeeks.map((p) => p.end)
			: review.periods.trailingMonths.map((p) => p.end);
	const labels: Record<string, MetricLabel> = {};
	const groups: CardGroup[] = [];
	let cardCount = 0;
	for (const block of review.blocks) {
		for (const metric of block.metrics) {
			const definition = definitions.get(metric.id);
			const unitDetail = definition?.unitDetail;
			labels[metric.id] = {
				label: metric.label,
				unit: metric.unit,
				...(unitDetail ? { unitDetail } : {})
			};
			const card: ReviewCard = {
				metric: {
					...metric,
					...(unitDetail ? { unitDetail } : {}),
					...(definition?.owner ? { owner: definition.owner } : {}),
					band: grain === 'week' ? metric.band : metric.monthlyBand,
					signals: grain === 'week' ? metric.signals : metric.monthlySignals
				},
				xAxis: block.xAxis,
				periodEnds,
				flagged: flagged.has(metric.id),
				assurance: (grain === 'week' ? metric.assurance : metric.monthlyAssurance) ?? null,
				attainment:
					view === 'strategic'
						? planAttainment({
								ytdActual: metric.box.ytd,
								ytdPlan: metric.plan?.ytd,
								ytd: review.periods.ytd,
								direction: metric.direction,
								additive: (definition?.aggregation ?? 'sum') === 'sum' && !definition?.derived
							})
						: null
			};
			const group = groups.find((g) => g.kind === metric.kind);
			if (group) group.cards.push(card);
			else groups.push({ kind: metric.kind, cards: [card] });
			cardCount++;
		}
	}
	const assurances = groups
		.flatMap((g) => g.cards)
		.flatMap((card) =>
			card.assurance ? [{ metricId: card.metric.id, assurance: card.assurance }] : []
		)
		.sort((a, b) => ASSURANCE_ORDER[a.assurance.verdict] - ASSURANCE_ORDER[b.assurance.verdict]);
	const { period } = summary;
	return { view, grain, period, exceptions, summary, labels, groups, cardCount, assurances };
}
