import type { ConfigSource, FieldPath } from './configSource';
import type { Catalog } from './types';

/**
 * Checks what no single field can: unique ids, operands and plans that exist, outputs that
 * exist, and no metric derived from itself. Problems go to `source`, each at its line.
 */
export function validateCatalog(
	catalog: Catalog,
	source: ConfigSource,
	pathOf: (id: string, index: number) => FieldPath
): void {
	const byId = new Map<string, number>();
	catalog.metrics.forEach((metric, index) => {
		if (byId.has(metric.id))
			source.problem([...pathOf(metric.id, index), 'id'], `"${metric.id}" is defined twice`);
		else byId.set(metric.id, index);
	});
	catalog.metrics.forEach((metric, index) => {
		const path = pathOf(metric.id, index);
		metric.derived?.operands.forEach((operand) => {
			if (!byId.has(operand))
				source.problem([...path, 'derived'], `uses "${operand}", which is not defined`);
		});
		if (metric.plan && 'metric' in metric.plan && !byId.has(metric.plan.metric)) {
			source.problem([...path, 'plan'], `"${metric.plan.metric}" is not defined`);
		}
		if (metric.band?.method === 'plan' && !metric.plan)
			source.problem([...path, 'band', 'method'], 'a plan band needs the metric’s plan');
		for (const output of metric.drives ?? []) {
			const target = catalog.metrics[byId.get(output) ?? -1];
			if (!target) source.problem([...path, 'drives'], `"${output}" is not defined`);
			else if (target.kind !== 'output')
				source.problem([...path, 'drives'], `"${output}" is not an output metric`);
		}
	});

	// Depth-first search for a derived metric that reaches itself through its operands.
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (id: string, trail: string[]): void => {
		if (state.get(id) === 'done') return;
		const index = byId.get(id);
		if (index === undefined) return;
		if (state.get(id) === 'visiting') {
			const cycle = [...trail.slice(trail.indexOf(id)), id];
			source.problem(
				[...pathOf(id, index), 'derived'],
				`is derived from itself: ${cycle.join(' → ')}`
			);
			return;
		}
		state.set(id, 'visiting');
		for (const operand of catalog.metrics[index]?.derived?.operands ?? [])
			visit(operand, [...trail, id]);
		state.set(id, 'done');
	};
	for (const metric of catalog.metrics) visit(metric.id, []);
}
