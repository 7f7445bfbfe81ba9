/**
 * Flywheel's own catalog file (YAML or JSON): each metric described once. The format is
 * documented in README.md beside this file. Every problem is reported with its line and field.
 */
import { weekdayNumber, WEEKDAYS } from '../periods/weekEnding';
import { readBand } from './bandSettings';
import { ConfigSource, isRecord, type FieldPath } from './configSource';
import { guessDirection, guessKind, guessUnit } from './guess';
import type {
	Aggregation,
	Catalog,
	ComparisonMethod,
	DerivedOperation,
	Direction,
	MetricDefinition,
	MetricKind,
	MetricPlan,
	MetricSource,
	Unit,
	View,
	Weekday
} from './types';
import { validateCatalog } from './validateCatalog';
import { monthNumber } from './wbrAppDates';

const AGGREGATIONS: Aggregation[] = ['sum', 'mean', 'min', 'max', 'first', 'last'];
const OPERATIONS: DerivedOperation[] = ['sum', 'difference', 'product', 'divide'];
const KINDS: MetricKind[] = ['input', 'output'];
const DIRECTIONS: Direction[] = ['higher_is_better', 'lower_is_better', 'neutral'];
const UNITS: Unit[] = ['count', 'currency', 'percent', 'bps', 'duration', 'number'];
const VIEWS: View[] = ['operational', 'strategic'];
const COMPARISONS: ComparisonMethod[] = ['percent', 'bps'];
const METRIC_FIELDS = new Set([
	'id',
	'label',
	'source',
	'column',
	'aggregation',
	'derived',
	'kind',
	'direction',
	'unit',
	'unit_detail',
	'comparison',
	'plan',
	'views',
	'owner',
	'drives',
	'floor',
	'band'
]);

class Reader {
	constructor(readonly source: ConfigSource) {}

	oneOf<T extends string>(value: unknown, allowed: readonly T[], path: FieldPath): T | undefined {
		if (value === undefined) return undefined;
		if (allowed.includes(value as T)) return value as T;
		this.source.problem(path, `expected one of ${allowed.join(', ')}, not "${String(value)}"`);
		return undefined;
	}

	text(value: unknown, path: FieldPath): string | undefined {
		if (value === undefined) return undefined;
		if (typeof value === 'string' && value.trim()) return value;
		this.source.problem(path, 'expected text');
		return undefined;
	}

	list(value: unknown, path: FieldPath): string[] | undefined {
		if (value === undefined) return undefined;
		const items = typeof value === 'string' ? [value] : value;
		if (Array.isArray(items) && items.every((v) => typeof v === 'string')) return items as string[];
		this.source.problem(path, 'expected a list of names');
		return undefined;
	}

	/** `Orders`, or `{ metric: Orders, filter: { region: EU } }` (`column:` may stand for `metric:`). */
	metricSource(value: unknown, path: FieldPath): MetricSource | undefined {
		if (typeof value === 'string' && value.trim()) return { metric: value };
		if (!isRecord(value)) {
			this.source.problem(
				path,
				'expected a column or metric name, or { metric: ..., filter: {...} }'
			);
			return undefined;
		}
		const metric = this.text(value['metric'] ?? value['column'], [...path, 'metric']);
		if (!metric) {
			if (value['metric'] === undefined && value['column'] === undefined)
				this.source.problem([...path, 'metric'], 'is required');
			return undefined;
		}
		const filter = value['filter'];
		if (filter === undefined) return { metric };
		if (
			!isRecord(filter) ||
			!Object.values(filter).every((v) => typeof v === 'string' || typeof v === 'number')
		) {
			this.source.problem(
				[...path, 'filter'],
				'expected segment: value pairs, e.g. { region: EU }'
			);
			return { metric };
		}
		return {
			metric,
			filter: Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]))
		};
	}

	plan(value: unknown, path: FieldPath): MetricPlan | undefined {
		if (value === undefined) return undefined;
		if (typeof value === 'number') return { constant: value };
		if (isRecord(value)) {
			if (typeof value['constant'] === 'number') return { constant: value['constant'] };
			if (typeof value['metric'] === 'string' && value['column'] === undefined)
				return { metric: value['metric'] };
			if (value['column'] !== undefined || value['source'] !== undefined) {
				const source = this.metricSource(
					value['source'] ?? { metric: value['column'], filter: value['filter'] },
					path
				);
				const aggregation = this.oneOf(value['aggregation'], AGGREGATIONS, [
					...path,
					'aggregation'
				]);
				return source ? { source, ...(aggregation ? { aggregation } : {}) } : undefined;
			}
		}
		this.source.problem(path, 'expected a number, { metric: <id> }, or { column: <name> }');
		return undefined;
	}

	/** `{ divide: [clicks, impressions] }`. */
	derived(value: unknown, path: FieldPath): MetricDefinition['derived'] {
		const entries = isRecord(value) ? Object.entries(value) : [];
		const [operation, operands] = entries[0] ?? [];
		if (entries.length !== 1 || !OPERATIONS.includes(operation as DerivedOperation)) {
			this.source.problem(
				path,
				`expected one of ${OPERATIONS.map((o) => `{ ${o}: [a, b] }`).join(', ')}`
			);
			return undefined;
		}
		const names = this.list(operands, [...path, operation as string]);
		if (names && names.length < 2)
			this.source.problem([...path, operation as string], 'needs at least two metrics');
		return names ? { operation: operation as DerivedOperation, operands: names } : undefined;
	}
}

function metricDefinition(
	reader: Reader,
	raw: unknown,
	path: FieldPath,
	guessed: Record<string, (keyof MetricDefinition)[]>
): MetricDefinition | undefined {
	const { source } = reader;
	if (!isRecord(raw)) {
		source.problem(path, 'expected a metric: id, label, source or derived, ...');
		return undefined;
	}
	for (const key of Object.keys(raw)) {
		if (!METRIC_FIELDS.has(key))
			source.problem([...path, key], `unknown field (known: ${[...METRIC_FIELDS].join(', ')})`);
	}
	const id = reader.text(raw['id'], [...path, 'id']);
	if (raw['id'] === undefined) source.problem([...path, 'id'], 'is required');
	if (!id) return undefined;

	const metric: MetricDefinition = {
		id,
		label: reader.text(raw['label'], [...path, 'label']) ?? id,
		kind: guessKind(id),
		direction: guessDirection(id),
		unit: guessUnit(id),
		views: [...VIEWS]
	};
	const sourceValue = raw['source'] ?? raw['column'];
	if (sourceValue !== undefined && raw['derived'] !== undefined) {
		source.problem([...path, 'derived'], 'a metric has a source or is derived, not both');
	} else if (raw['derived'] !== undefined) {
		metric.derived = reader.derived(raw['derived'], [...path, 'derived']);
		if (raw['aggregation'] !== undefined) {
			source.problem(
				[...path, 'aggregation'],
				'a derived metric works on its operands’ aggregates; remove aggregation'
			);
		}
	} else if (sourceValue !== undefined) {
		metric.source = reader.metricSource(sourceValue, [
			...path,
			raw['source'] !== undefined ? 'source' : 'column'
		]);
		metric.aggregation = reader.oneOf(raw['aggregation'], AGGREGATIONS, [...path, 'aggregation']);
		if (raw['aggregation'] === undefined)
			source.problem([...path, 'aggregation'], `is required (${AGGREGATIONS.join(', ')})`);
	} else {
		source.problem(path, 'needs a source (a column or metric name of the data) or derived');
	}

	const fields: (keyof MetricDefinition)[] = [];
	const kind = reader.oneOf(raw['kind'], KINDS, [...path, 'kind']);
	const direction = reader.oneOf(raw['direction'], DIRECTIONS, [...path, 'direction']);
	const unit = reader.oneOf(raw['unit'], UNITS, [...path, 'unit']);
	if (kind) metric.kind = kind;
	else fields.push('kind');
	if (direction) metric.direction = direction;
	else fields.push('direction');
	if (unit) metric.unit = unit;
	else fields.push('unit');
	if (fields.length) guessed[id] = fields;

	const unitDetail = reader.text(raw['unit_detail'], [...path, 'unit_detail']);
	if (unitDetail) metric.unitDetail = unitDetail;
	const comparison = reader.oneOf(raw['comparison'], COMPARISONS, [...path, 'comparison']);
	if (comparison) metric.comparison = comparison;
	const plan = reader.plan(raw['plan'], [...path, 'plan']);
	if (plan) metric.plan = plan;
	const views = reader.list(raw['views'], [...path, 'views']);
	if (views) {
		views.forEach((v, i) => reader.oneOf(v, VIEWS, [...path, 'views', i]));
		metric.views = views.filter((v): v is View => VIEWS.includes(v as View));
	}
	const owner = reader.text(raw['owner'], [...path, 'owner']);
	if (owner) metric.owner = owner;
	const drives = reader.list(raw['drives'], [...path, 'drives']);
	if (drives) metric.drives = drives;
	if (raw['floor'] !== undefined) {
		if (typeof raw['floor'] === 'number') metric.floor = raw['floor'];
		else source.problem([...path, 'floor'], 'expected a number');
	}
	const band = readBand(source, raw['band'], [...path, 'band']);
	if (band) metric.band = band;
	return metric;
}

function weekday(value: unknown, reader: Reader): Weekday {
	if (value === undefined) return 'saturday';
	const name =
		typeof value === 'string'
			? WEEKDAYS.find((d) => d.startsWith(value.trim().toLowerCase().slice(0, 3)))
			: undefined;
	if (name && weekdayNumber(name) >= 0) return name;
	reader.source.problem(
		['review', 'week_ending_weekday'],
		`expected a weekday such as saturday, not "${String(value)}"`
	);
	return 'saturday';
}

/** Parses and validates a catalog file; throws a ConfigError listing every problem. */
export function parseCatalog(text: string, fileName = 'catalog.yaml'): Catalog {
	const source = new ConfigSource(fileName, text);
	source.check();
	const reader = new Reader(source);
	const root = isRecord(source.value) ? source.value : {};
	const review = isRecord(root['review']) ? root['review'] : {};
	if (root['review'] !== undefined && !isRecord(root['review']))
		source.problem(['review'], 'expected week_ending_weekday and fiscal_year_end_month');
	const fiscalYearEndMonth =
		review['fiscal_year_end_month'] === undefined
			? 12
			: monthNumber(review['fiscal_year_end_month']);
	if (fiscalYearEndMonth === undefined)
		source.problem(['review', 'fiscal_year_end_month'], 'expected a month, 1-12 or JAN-DEC');

	const guessed: Record<string, (keyof MetricDefinition)[]> = {};
	const rawMetrics = root['metrics'];
	// Metrics come as a list of `- id: ...` entries, or (as in the WBR App) a map keyed by id.
	const entries: [string | number, unknown][] = Array.isArray(rawMetrics)
		? rawMetrics.map((raw: unknown, index) => [index, raw])
		: isRecord(rawMetrics)
			? Object.entries(rawMetrics).map(([id, raw]) => [id, isRecord(raw) ? { id, ...raw } : raw])
			: [];
	if (entries.length === 0) source.problem(['metrics'], 'expected a list or map of metrics');
	// Where each parsed metric was written, so later checks point at the right entry.
	const rawIndex: (string | number)[] = [];
	const metrics = entries.flatMap(([key, raw]) => {
		const metric = metricDefinition(reader, raw, ['metrics', key], guessed);
		if (!metric) return [];
		rawIndex.push(key);
		return [metric];
	});
	const catalog: Catalog = {
		review: {
			weekEndingWeekday: weekday(review['week_ending_weekday'], reader),
			fiscalYearEndMonth: fiscalYearEndMonth ?? 12
		},
		metrics,
		guessed
	};
	validateCatalog(catalog, source, (_id, index) => ['metrics', rawIndex[index] ?? index]);
	source.check();
	return catalog;
}
