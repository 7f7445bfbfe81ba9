/**
 * Loads a WBR App configuration (`setup`, `metrics`, `deck`) as it is: its metrics become a
 * catalog, its deck a deck. What it cannot say (input or output, direction, unit) is guessed
 * from the metric's name and listed in `catalog.guessed`.
 */
import { ConfigSource, isRecord, type FieldPath } from './configSource';
import { guessDirection, guessKind, guessUnit } from './guess';
import { validateCatalog } from './validateCatalog';
import { weekdayOf } from '../periods/weekEnding';
import { isoFromWbrDate, monthNumber } from './wbrAppDates';
import type {
	Aggregation,
	Catalog,
	Deck,
	DeckBlock,
	DeckMetric,
	DerivedOperation,
	LineStyle,
	MetricDefinition,
	MonthlyDisplay,
	SegmentCondition,
	SegmentOperator
} from './types';

const AGGREGATIONS: Aggregation[] = ['sum', 'mean', 'min', 'max', 'first', 'last'];
const OPERATIONS: DerivedOperation[] = ['sum', 'difference', 'product', 'divide'];
const DISPLAYS: MonthlyDisplay[] = ['trailing_twelve_months', 'fiscal_year'];
const LINE_STYLES: LineStyle[] = ['primary', 'secondary', 'target'];
const COMPARISON_SUFFIXES = { YOY: 'yoy', WOW: 'wow', MOM: 'mom' } as const;

export interface WbrAppConfig {
	catalog: Catalog;
	deck: Deck;
}

/** `latency_country == 'US'`, `Fatals >= 3`: the one relation a WBR App filter allows. */
const FILTER_QUERY =
	/^\s*`?([^`=!<>]+?)`?\s*(==|!=|>=|<=|>|<)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))\s*$/;

function parseFilter(query: string): SegmentCondition | undefined {
	const match = FILTER_QUERY.exec(query);
	if (!match) return undefined;
	const [, dimension, operator, single, double, number] = match;
	if (!dimension || !operator) return undefined;
	return {
		dimension: dimension.trim(),
		operator: operator as SegmentOperator,
		value: number !== undefined ? Number(number) : (single ?? double ?? '')
	};
}

export function isWbrAppConfig(value: unknown): boolean {
	return isRecord(value) && ('setup' in value || 'deck' in value);
}

export function loadWbrAppConfig(text: string, fileName = 'config.yaml'): WbrAppConfig {
	const source = new ConfigSource(fileName, text);
	source.check();
	const root = source.value;
	if (!isRecord(root)) {
		source.problem([], 'expected setup:, metrics: and deck: sections');
		source.check();
		throw new Error('unreachable');
	}
	const setup = isRecord(root['setup']) ? root['setup'] : {};
	if (!isRecord(root['setup'])) source.problem(['setup'], 'the setup: section is missing');

	const weekEnding = isoFromWbrDate(setup['week_ending']);
	if (!weekEnding)
		source.problem(
			['setup', 'week_ending'],
			`expected a date like 25-SEP-2021, not "${String(setup['week_ending'] ?? '')}"`
		);
	const weekNumber = setup['week_number'];
	if (weekNumber !== undefined && !Number.isInteger(weekNumber)) {
		source.problem(['setup', 'week_number'], 'expected a whole number');
	}
	const fiscalYearEndMonth =
		setup['fiscal_year_end_month'] === undefined || setup['fiscal_year_end_month'] === ''
			? 12
			: monthNumber(setup['fiscal_year_end_month']);
	if (fiscalYearEndMonth === undefined) {
		source.problem(['setup', 'fiscal_year_end_month'], 'expected a month such as DEC');
	}
	const setupDisplay = setup['x_axis_monthly_display'] ?? 'trailing_twelve_months';
	if (!DISPLAYS.includes(setupDisplay as MonthlyDisplay)) {
		source.problem(['setup', 'x_axis_monthly_display'], `expected ${DISPLAYS.join(' or ')}`);
	}

	// `column: main_metrics.PageViews` names a query of `data_sources:`; the data has `PageViews`.
	const queryNames = new Set<string>();
	if (isRecord(root['data_sources'])) {
		for (const connection of Object.values(root['data_sources'])) {
			if (isRecord(connection)) Object.keys(connection).forEach((name) => queryNames.add(name));
		}
	}
	const columnName = (column: string): string => {
		const dot = column.indexOf('.');
		return dot > 0 && queryNames.has(column.slice(0, dot)) ? column.slice(dot + 1) : column;
	};

	const metrics: MetricDefinition[] = [];
	const guessed: Record<string, (keyof MetricDefinition)[]> = {};
	const rawMetrics = root['metrics'];
	if (!isRecord(rawMetrics)) source.problem(['metrics'], 'the metrics: section is missing');
	for (const [id, raw] of Object.entries(isRecord(rawMetrics) ? rawMetrics : {})) {
		const path: FieldPath = ['metrics', id];
		if (!isRecord(raw)) {
			source.problem(path, 'expected column: and aggf:, filter:, or function:');
			continue;
		}
		const base: MetricDefinition = {
			id,
			label: id,
			kind: guessKind(id),
			direction: guessDirection(id),
			unit: guessUnit(id),
			views: ['operational', 'strategic'],
			...(raw['metric_comparison_method'] === 'bps' ? { comparison: 'bps' as const } : {})
		};
		guessed[id] = ['kind', 'direction', 'unit'];
		if (
			raw['metric_comparison_method'] !== undefined &&
			raw['metric_comparison_method'] !== 'bps'
		) {
			source.problem([...path, 'metric_comparison_method'], 'the only method is bps');
		}
		const aggregation = (): Aggregation | undefined => {
			const aggf = raw['aggf'];
			if (AGGREGATIONS.includes(aggf as Aggregation)) return aggf as Aggregation;
			source.problem(
				[...path, 'aggf'],
				`expected one of ${AGGREGATIONS.join(', ')}${aggf === undefined ? '' : `, not "${String(aggf)}"`}`
			);
			return undefined;
		};
		if (typeof raw['column'] === 'string') {
			metrics.push({
				...base,
				source: { metric: columnName(raw['column']) },
				aggregation: aggregation()
			});
		} else if (isRecord(raw['filter'])) {
			const filter = raw['filter'];
			const condition =
				typeof filter['query'] === 'string' ? parseFilter(filter['query']) : undefined;
			if (!condition) {
				source.problem(
					[...path, 'filter', 'query'],
					'expected one relation such as "Department == \'Sales\'"'
				);
			}
			if (typeof filter['base_column'] !== 'string')
				source.problem([...path, 'filter', 'base_column'], 'expected a column name');
			metrics.push({
				...base,
				source: {
					metric: columnName(String(filter['base_column'])),
					conditions: condition ? [condition] : []
				},
				aggregation: aggregation()
			});
		} else if (isRecord(raw['function'])) {
			const [operation, operands] = Object.entries(raw['function'])[0] ?? [];
			if (!OPERATIONS.includes(operation as DerivedOperation)) {
				source.problem([...path, 'function'], `expected one of ${OPERATIONS.join(', ')}`);
				continue;
			}
			const names: string[] = [];
			(Array.isArray(operands) ? operands : []).forEach((operand: unknown, index) => {
				const name =
					isRecord(operand) && isRecord(operand['metric']) ? operand['metric']['name'] : undefined;
				if (typeof name === 'string') names.push(name);
				else
					source.problem(
						[...path, 'function', operation as string, index],
						'expected "- metric: { name: ... }"'
					);
			});
			if (names.length < 2)
				source.problem([...path, 'function', operation as string], 'needs at least two metrics');
			metrics.push({
				...base,
				derived: { operation: operation as DerivedOperation, operands: names }
			});
		} else {
			source.problem(path, 'expected column: and aggf:, filter:, or function:');
		}
	}

	const catalog: Catalog = {
		review: {
			weekEndingWeekday: weekEnding ? weekdayOf(weekEnding) : 'saturday',
			fiscalYearEndMonth: fiscalYearEndMonth ?? 12
		},
		metrics,
		guessed
	};
	validateCatalog(catalog, source, (id) => ['metrics', id]);

	const known = new Set(metrics.map((m) => m.id));
	const deckMetric = (name: string, options: unknown, path: FieldPath): DeckMetric | undefined => {
		const settings = isRecord(options) ? options : {};
		const lineStyle = settings['line_style'] ?? 'primary';
		if (!LINE_STYLES.includes(lineStyle as LineStyle))
			source.problem([...path, 'line_style'], `expected ${LINE_STYLES.join(', ')}`);
		const shown = {
			lineStyle: lineStyle as LineStyle,
			showPriorYear: settings['graph_prior_year_flag'] !== false,
			...(typeof settings['legend_name'] === 'string' ? { legend: settings['legend_name'] } : {})
		};
		if (known.has(name)) return { id: name, metric: name, ...shown };
		// The WBR App makes `XYOY`, `XWOW` and `XMOM` of every metric X.
		const suffix = name.slice(-3) as keyof typeof COMPARISON_SUFFIXES;
		const baseName = name.slice(0, -3);
		if (suffix in COMPARISON_SUFFIXES && known.has(baseName)) {
			return { id: name, metric: baseName, comparison: COMPARISON_SUFFIXES[suffix], ...shown };
		}
		source.problem(path, `"${name}" is not defined under metrics:`);
		return undefined;
	};

	const blocks: DeckBlock[] = [];
	const rawDeck = root['deck'];
	if (!Array.isArray(rawDeck)) source.problem(['deck'], 'the deck: section is missing');
	(Array.isArray(rawDeck) ? rawDeck : []).forEach((entry: unknown, index) => {
		const path: FieldPath = ['deck', index, 'block'];
		const block = isRecord(entry) && isRecord(entry['block']) ? entry['block'] : undefined;
		if (!block) {
			source.problem(['deck', index], 'expected "- block:"');
			return;
		}
		const title = typeof block['title'] === 'string' ? block['title'] : '';
		const display = block['x_axis_monthly_display'] ?? setupDisplay;
		if (!DISPLAYS.includes(display as MonthlyDisplay))
			source.problem([...path, 'x_axis_monthly_display'], `expected ${DISPLAYS.join(' or ')}`);
		const monthlyDisplay = display as MonthlyDisplay;
		switch (block['ui_type']) {
			case '6_12Graph': {
				const shown = isRecord(block['metrics']) ? block['metrics'] : {};
				if (!Object.keys(shown).length)
					source.problem([...path, 'metrics'], 'a 6_12Graph needs at least one metric');
				const list = Object.entries(shown).flatMap(
					([name, options]) => deckMetric(name, options, [...path, 'metrics', name]) ?? []
				);
				blocks.push({ type: '6_12Graph', title, monthlyDisplay, metrics: list });
				break;
			}
			case '6_WeeksTable':
			case '12_MonthsTable': {
				const rows = (Array.isArray(block['rows']) ? block['rows'] : []).map(
					(entry: unknown, rowIndex) => {
						const row = isRecord(entry) && isRecord(entry['row']) ? entry['row'] : {};
						const header = typeof row['header'] === 'string' ? row['header'] : '';
						const rowPath: FieldPath = [...path, 'rows', rowIndex, 'row', 'metric'];
						const metric =
							typeof row['metric'] === 'string'
								? deckMetric(row['metric'], row, rowPath)
								: undefined;
						return metric ? { header, metric } : { header };
					}
				);
				blocks.push({ type: block['ui_type'], title, monthlyDisplay, rows });
				break;
			}
			case 'section':
				blocks.push({ type: 'section', title });
				break;
			default:
				source.problem(
					[...path, 'ui_type'],
					'expected 6_12Graph, 6_WeeksTable, 12_MonthsTable or section'
				);
		}
	});
	source.check();
	return {
		catalog,
		deck: {
			...(typeof setup['title'] === 'string' ? { title: setup['title'] } : {}),
			...(weekEnding ? { weekEnding } : {}),
			...(Number.isInteger(weekNumber) ? { weekNumber: weekNumber as number } : {}),
			blocks
		}
	};
}
