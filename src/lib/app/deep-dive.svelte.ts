/**
 * A metric's deep dive: its daily detail, its weekly process-behaviour chart, the segment that
 * drove its change and the metrics linked to it, for the review's week and segment filters.
 *
 * The catalog, the week and the data come from the review state (the operational review of the
 * same address, usually already built when the user clicks through). The band and signals come
 * from `reviewBands`, the function the review itself judges every metric with, on the same
 * filtered catalog and week, so the chart's limits are the review's.
 */
import type { MetricEvaluation } from '../bands/types';
import type { Engine } from '../engine/types';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { dailyDetail, type DailyDetail } from '../review/dailyDetail';
import { reviewBands } from '../review/reviewBands';
import type { Value } from '../review/types';
import { evidenceForMetric, type MetricEvidence } from '../evidence/forMetric';
import type { EvidenceWithHistory } from '../evidence/reviewEvidence';
import { linkedMetrics, type LinkedMetric } from './linked-metrics';
import { metricSegments, type MetricSegments } from './metric-segments';
import { segmentChoices } from './review-data';
import { reviewState } from './review.svelte';
import type { ReviewAddress } from './review-url';
import { filterCatalog } from './segment-catalog';
import { session } from './session.svelte';

/** Eight weeks of days: the review week and enough before it to see a weekly pattern. */
export const DAILY_WEEKS = 8;
/** A quarter of weeks for each linked metric's small line. */
export const SPARKLINE_WEEKS = 13;

export interface WeeklyHistory {
	weekEndings: string[];
	values: Value[];
}

export interface LinkedDetail extends LinkedMetric, WeeklyHistory {
	evaluation: MetricEvaluation | null;
}

/** The metric's links and suggestions, with the weekly series they were judged on. */
export interface MetricLinkEvidence extends MetricEvidence {
	history: Pick<EvidenceWithHistory, 'weekEndings' | 'values'>;
}

export interface DeepDive {
	metric: MetricDefinition;
	weekEnding: string;
	address: Omit<ReviewAddress, 'view'>;
	daily: DailyDetail;
	/** The weeks the process-behaviour chart shows: the band's baseline and the week under review. */
	weekly: WeeklyHistory;
	evaluation: MetricEvaluation;
	linked: LinkedDetail[];
}

/** From the band's baseline (or 26 weeks back) to the week under review. */
function processWeeks(
	periodEnds: string[],
	values: Value[],
	evaluation: MetricEvaluation
): WeeklyHistory {
	const from = evaluation.band.baseline?.from;
	let first = Math.max(0, periodEnds.length - 27);
	if (from !== undefined) first = Math.min(first, Math.max(0, periodEnds.indexOf(from)));
	return { weekEndings: periodEnds.slice(first), values: values.slice(first) };
}

export class DeepDiveState {
	dive = $state.raw<DeepDive | null>(null);
	/** Asked after the charts, as it takes a query per segment value. */
	segments = $state.raw<MetricSegments | null>(null);
	/** Asked last: whether the data supports the metric's links (../evidence). */
	evidence = $state.raw<MetricLinkEvidence | null>(null);
	evidenceError = $state<string | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);
	#latest = 0;

	async show(metricId: string, address: Omit<ReviewAddress, 'view'>): Promise<void> {
		const request = ++this.#latest;
		const current = () => request === this.#latest;
		this.loading = true;
		this.error = null;
		this.segments = null;
		this.evidence = null;
		this.evidenceError = null;
		try {
			// The review of the same address gives the catalog and the week (and is kept for going back).
			await reviewState.show({ view: 'operational', ...address });
			if (!current()) return;
			const problem = reviewState.error ?? reviewState.addressProblem;
			if (problem) throw new Error(problem);
			const review = reviewState.review;
			const catalog = reviewState.catalog;
			if (!review || !catalog) throw new Error('no review could be built for this address');
			const metric = catalog.metrics.find((m) => m.id === metricId);
			if (!metric) throw new Error(`the catalog has no metric "${metricId}"`);
			const engine = await session.engine();
			const choices = await segmentChoices(engine);
			const reviewed = filterCatalog(catalog, address.filters, choices.splits);
			const dive = await this.#charts(engine, reviewed, metric, review.weekEnding, address);
			if (!current()) return;
			this.dive = dive;
			const segments = await metricSegments(engine, catalog, metricId, {
				weekEnding: review.weekEnding,
				filters: address.filters,
				...choices
			});
			if (!current()) return;
			this.segments = segments;
			await this.#evidence(metric, address, current);
		} catch (error) {
			if (current()) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (current()) this.loading = false;
		}
	}

	/**
	 * The evidence for the metric's links, from the review's cache (the review of this address was
	 * built first); a failure is said beside it, the dive stays.
	 */
	async #evidence(
		metric: MetricDefinition,
		address: Omit<ReviewAddress, 'view'>,
		current: () => boolean
	): Promise<void> {
		try {
			const found = await reviewState.evidence({ view: 'operational', ...address });
			if (current())
				this.evidence = { ...evidenceForMetric(found.evidence, metric), history: found };
		} catch (error) {
			if (current()) this.evidenceError = error instanceof Error ? error.message : String(error);
		}
	}

	async #charts(
		engine: Engine,
		catalog: Catalog,
		metric: MetricDefinition,
		weekEnding: string,
		address: Omit<ReviewAddress, 'view'>
	): Promise<DeepDive> {
		const linked = linkedMetrics(catalog, metric.id);
		const ids = [metric.id, ...linked.map((l) => l.definition.id)];
		const daily = await dailyDetail(engine, catalog, metric.id, {
			weekEnding,
			weeks: DAILY_WEEKS
		});
		const bands = await reviewBands(engine, catalog, ids, { weekEnding, grain: 'week' });
		const { periodEnds, values } = bands.history;
		const evaluation = bands.evaluations.get(metric.id);
		if (!evaluation) throw new Error(`metric "${metric.id}" was not judged`);
		const recent = Math.max(0, periodEnds.length - SPARKLINE_WEEKS);
		return {
			metric,
			weekEnding,
			address,
			daily,
			weekly: processWeeks(periodEnds, values.get(metric.id) ?? [], evaluation),
			evaluation,
			linked: linked.map((link) => ({
				...link,
				weekEndings: periodEnds.slice(recent),
				values: (values.get(link.definition.id) ?? []).slice(recent),
				evaluation: bands.evaluations.get(link.definition.id) ?? null
			}))
		};
	}
}

export const deepDive = new DeepDiveState();
