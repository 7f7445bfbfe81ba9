/**
 * A catalog for data that came without one, and the catalog written back as a file. The guessed
 * catalog is where a user starts: every field it sets is recorded in `guessed` so the catalog page
 * asks for confirmation. `catalogToYaml` writes the format `parseCatalog` reads (README.md).
 */
import { stringify } from 'yaml';
import { guessDirection, guessKind, guessUnit, nameWords } from './guess';
import type { Aggregation, Catalog, MetricDefinition, MetricPlan, ReviewSettings } from './types';

/** `__Target`, `_plan`, ` Target`: a column holding another column's plan. */
const PLAN_SUFFIX = /(?:__|[ _-])(target|plan|budget|goal)$/i;

/** Rates, levels and latencies average over a period; counts and amounts add up. */
export function guessAggregation(name: string): Aggregation {
	const words = nameWords(name);
	const level = [
		'rate',
		'pct',
		'percent',
		'%',
		'ratio',
		'avg',
		'average',
		'mean',
		'median',
		'p50',
		'p90',
		'p95',
		'p99',
		'index',
		'price',
		'score',
		'time',
		'latency',
		'per'
	];
	return words.some((w) => level.includes(w)) || guessUnit(name) === 'percent' ? 'mean' : 'sum';
}

/** "page_load_p90_ms" → "Page load p90 ms". */
export function labelFromName(name: string): string {
	const words = name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[_\s]+/)
		.filter(Boolean);
	const text = words.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const DEFAULT_REVIEW: ReviewSettings = { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 };

/** A catalog guessed from the metric names in the data; plan columns become their metric's plan. */
export function catalogFromMetrics(names: string[], review = DEFAULT_REVIEW): Catalog {
	const present = new Set(names);
	const planOf = new Map<string, string>();
	for (const name of names) {
		const base = name.replace(PLAN_SUFFIX, '');
		if (base !== name && present.has(base)) planOf.set(base, name);
	}
	const plans = new Set(planOf.values());
	const guessed: Record<string, (keyof MetricDefinition)[]> = {};
	const metrics = names
		.filter((name) => !plans.has(name))
		.map((name): MetricDefinition => {
			const aggregation = guessAggregation(name);
			const planColumn = planOf.get(name);
			const plan: MetricPlan | undefined = planColumn
				? { source: { metric: planColumn }, aggregation }
				: undefined;
			guessed[name] = ['kind', 'direction', 'unit', 'aggregation'];
			return {
				id: name,
				label: labelFromName(name),
				source: { metric: name },
				aggregation,
				kind: guessKind(name),
				direction: guessDirection(name),
				unit: guessUnit(name),
				views: ['operational', 'strategic'],
				...(plan ? { plan } : {})
			};
		});
	return { review, metrics, guessed };
}

function planFile(plan: MetricPlan): unknown {
	if ('constant' in plan) return { constant: plan.constant };
	if ('metric' in plan) return { metric: plan.metric };
	return {
		source: sourceFile(plan.source),
		...(plan.aggregation ? { aggregation: plan.aggregation } : {})
	};
}

function sourceFile(source: NonNullable<MetricDefinition['source']>): unknown {
	return source.filter
		? { metric: source.metric, filter: source.filter }
		: { metric: source.metric };
}

/** The band settings as the file spells them: `baselineWeeks` is written `baseline_weeks`. */
function bandFile(band: NonNullable<MetricDefinition['band']>): unknown {
	return Object.fromEntries(
		Object.entries(band).map(([key, value]) => [
			key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
			value
		])
	);
}

/** The catalog as YAML, metrics keyed by id, in the field order of the README. */
export function catalogToYaml(catalog: Catalog): string {
	const metrics: Record<string, Record<string, unknown>> = {};
	for (const m of catalog.metrics) {
		const entry: Record<string, unknown> = { label: m.label };
		if (m.source) {
			entry['source'] = sourceFile(m.source);
			entry['aggregation'] = m.aggregation;
		}
		if (m.derived) entry['derived'] = { [m.derived.operation]: m.derived.operands };
		entry['kind'] = m.kind;
		entry['direction'] = m.direction;
		entry['unit'] = m.unit;
		if (m.unitDetail) entry['unit_detail'] = m.unitDetail;
		if (m.comparison) entry['comparison'] = m.comparison;
		if (m.plan) entry['plan'] = planFile(m.plan);
		entry['views'] = m.views;
		if (m.owner) entry['owner'] = m.owner;
		if (m.drives?.length) entry['drives'] = m.drives;
		if (m.floor !== undefined) entry['floor'] = m.floor;
		if (m.band) entry['band'] = bandFile(m.band);
		metrics[m.id] = entry;
	}
	const review = {
		week_ending_weekday: catalog.review.weekEndingWeekday,
		fiscal_year_end_month: catalog.review.fiscalYearEndMonth
	};
	return `# Flywheel metric catalog\n${stringify({ review, metrics }, { flowCollectionPadding: true })}`;
}
