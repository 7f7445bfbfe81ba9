import type { Catalog, Deck, MetricDefinition, View } from './types';

/**
 * A plain catalog as a deck: every metric shown in some view as its own 6-12 chart (a metric with
 * `views: []` is an operand, shown nowhere). For a view, only that view's metrics, inputs first in
 * the operational view and outputs first in the strategic one.
 */
export function deckFromCatalog(catalog: Catalog, options: { view?: View } = {}): Deck {
	const { view } = options;
	let metrics: MetricDefinition[] = catalog.metrics.filter((m) => m.views.length > 0);
	if (view) {
		const first = view === 'operational' ? 'input' : 'output';
		metrics = metrics
			.filter((m) => m.views.includes(view))
			// A stable sort keeps the catalog's own order within inputs and within outputs.
			.sort((a, b) => Number(b.kind === first) - Number(a.kind === first));
	}
	return {
		blocks: metrics.map((m) => ({
			type: '6_12Graph',
			title: m.label,
			monthlyDisplay: 'trailing_twelve_months',
			metrics: [{ id: m.id, metric: m.id, showPriorYear: true, lineStyle: 'primary' }]
		}))
	};
}
