/**
 * Which metrics a review must compute, in an order where every operand comes before the metric
 * that uses it: the deck's metrics, the operands of derived metrics, and plans.
 */
import type {
	Aggregation,
	Catalog,
	Deck,
	DerivedOperation,
	MetricDefinition,
	MetricSource
} from '../metrics/types';

/** One metric the review computes: a catalog metric, or the hidden metric of a plan. */
export type ComputedMetric = {
	id: string;
	comparison: 'percent' | 'bps';
} & (
	| { from: 'source'; source: number; aggregation: Aggregation }
	| { from: 'derived'; operation: DerivedOperation; operands: string[] }
	| { from: 'constant'; perDay: number; aggregation: Aggregation }
);

/** What a source store must hold for a plan: its sources, and those read in order (first, last). */
export interface StoreNeeds {
	sources: MetricSource[];
	/** The sources some metric aggregates by `first` or `last`, whose buckets need those too. */
	ordered: MetricSource[];
}

export interface ReviewMetricPlan extends StoreNeeds {
	/** A distinct (metric, filter) read from the observations table, by index. */
	sources: MetricSource[];
	/** Operands before the metrics that use them. */
	metrics: ComputedMetric[];
	/** The hidden metric holding each catalog metric's plan, by metric id. */
	planOf: Map<string, string>;
	/** The metric ids asked for; the others are only operands and plans. */
	asked: Set<string>;
}

/** The deck's metric ids (base metrics of comparison series included). */
export function deckMetricIds(deck: Deck): string[] {
	const ids: string[] = [];
	for (const block of deck.blocks) {
		if (block.type === '6_12Graph') ids.push(...block.metrics.map((m) => m.metric));
		else if (block.type !== 'section') {
			for (const row of block.rows) if (row.metric) ids.push(row.metric.metric);
		}
	}
	return [...new Set(ids)];
}

export function planReviewMetrics(catalog: Catalog, ids: string[]): ReviewMetricPlan {
	const byId = new Map(catalog.metrics.map((m) => [m.id, m]));
	const sources: MetricSource[] = [];
	const sourceIndex = new Map<string, number>();
	const metrics: ComputedMetric[] = [];
	const computed = new Set<string>();
	const planOf = new Map<string, string>();
	const visiting = new Set<string>();

	function sourceOf(source: MetricSource): number {
		const key = JSON.stringify([source.metric, source.filter ?? {}, source.conditions ?? []]);
		let index = sourceIndex.get(key);
		if (index === undefined) {
			index = sources.length;
			sources.push(source);
			sourceIndex.set(key, index);
		}
		return index;
	}

	function add(metric: ComputedMetric): void {
		metrics.push(metric);
		computed.add(metric.id);
	}

	function visit(id: string, usedBy?: string): void {
		if (computed.has(id)) return;
		const definition = byId.get(id);
		if (!definition) {
			throw new Error(
				usedBy
					? `metric "${usedBy}" uses "${id}", which the catalog does not define`
					: `the deck shows "${id}", which the catalog does not define`
			);
		}
		if (visiting.has(id)) throw new Error(`metric "${id}" is defined in terms of itself`);
		visiting.add(id);
		const comparison = definition.comparison ?? 'percent';
		if (definition.derived) {
			for (const operand of definition.derived.operands) visit(operand, id);
			add({ id, comparison, from: 'derived', ...definition.derived });
		} else if (definition.source) {
			add({
				id,
				comparison,
				from: 'source',
				source: sourceOf(definition.source),
				aggregation: definition.aggregation ?? 'sum'
			});
		} else {
			throw new Error(`metric "${id}" has neither a source nor a derivation`);
		}
		visiting.delete(id);
		if (definition.plan) visitPlan(definition);
	}

	function visitPlan(definition: MetricDefinition): void {
		const plan = definition.plan;
		if (!plan) return;
		const aggregation = definition.aggregation ?? (definition.derived ? 'mean' : 'sum');
		const comparison = definition.comparison ?? 'percent';
		const id = `${definition.id} (plan)`;
		if ('metric' in plan) {
			visit(plan.metric, definition.id);
			planOf.set(definition.id, plan.metric);
			return;
		}
		if ('source' in plan) {
			const source = sourceOf(plan.source);
			add({ id, comparison, from: 'source', source, aggregation: plan.aggregation ?? aggregation });
		} else {
			add({ id, comparison, from: 'constant', perDay: plan.constant, aggregation });
		}
		planOf.set(definition.id, id);
	}

	for (const id of ids) visit(id);
	const ordered = metrics.flatMap((m) =>
		m.from === 'source' && (m.aggregation === 'first' || m.aggregation === 'last')
			? [sources[m.source] as MetricSource]
			: []
	);
	return { sources, ordered, metrics, planOf, asked: new Set(ids) };
}
