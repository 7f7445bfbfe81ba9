/**
 * The one query behind a review: every metric, every period, every comparison.
 *
 *   anchor → periods → obs (the review's sources) → aggregated (per period and source)
 *     → period_values (one row per period, one column per metric, derived metrics on the
 *       already-aggregated operands) → compared (year over year and period over period)
 *
 * The result has one row per period (`id` as in ../periods/periodTable.ts) and, per metric
 * column `mK`: `mK` (value), `mK_c` (coverage 0/1/2), `mK_yoy`, `mK_yoy_note`, `mK_pop`,
 * `mK_pop_note`, and for WBR App `...YOY` series `mK_yoy_pop` (the change of the change).
 */
import { ident, literal } from '../engine/sql';
import type { MetricSource, ReviewSettings, SegmentCondition } from '../metrics/types';
import { changeNoteSql, changeSql, type Side } from '../periods/comparison';
import { COMPLETE, coverageSql, MISSING, periodValueSql } from '../periods/coverage';
import { periodsSql } from '../periods/periodTable';
import { weekNumber } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';
import type { ComputedMetric, ReviewMetricPlan } from './reviewMetrics';

const AGGREGATES = ['sum', 'mean', 'min', 'max', 'first', 'last'] as const;

const SQL_OPERATOR: Record<SegmentCondition['operator'], string> = {
	'==': '=',
	'!=': '<>',
	'>': '>',
	'<': '<',
	'>=': '>=',
	'<=': '<='
};

function conditionSql(condition: SegmentCondition): string {
	const op = SQL_OPERATOR[condition.operator];
	if (typeof condition.value === 'number') {
		return `TRY_CAST(${ident(condition.dimension)} AS DOUBLE) ${op} ${condition.value}`;
	}
	return `${ident(condition.dimension)} ${op} ${literal(condition.value)}`;
}

/** The WHERE clause that picks one source's observations. */
export function sourceWhereSql(source: MetricSource): string {
	const parts = [`metric = ${literal(source.metric)}`, 'value IS NOT NULL'];
	for (const [dimension, value] of Object.entries(source.filter ?? {})) {
		parts.push(`${ident(dimension)} = ${literal(value)}`);
	}
	for (const condition of source.conditions ?? []) parts.push(conditionSql(condition));
	return parts.join(' AND ');
}

function obsSql(sources: MetricSource[]): string {
	// Order within a day by source line, so `first`/`last` are the file's order.
	const selects = sources.map(
		(source, index) =>
			`SELECT ${index} AS source, date, value, (date - DATE '1970-01-01') * 10000000000 + coalesce(source_line, 0) AS ord FROM ${OBSERVATIONS} WHERE ${sourceWhereSql(source)}`
	);
	const span = `date BETWEEN (SELECT min(start) FROM periods) AND (SELECT max("end") FROM periods)`;
	return `SELECT * FROM (${selects.join('\nUNION ALL ')}) WHERE ${span}`;
}

const aggregatedSql = `SELECT p.id AS period, o.source, count(DISTINCT o.date) AS days_with_value,
  sum(o.value) AS "sum", avg(o.value) AS "mean", min(o.value) AS "min", max(o.value) AS "max",
  arg_min(o.value, o.ord) AS "first", arg_max(o.value, o.ord) AS "last"
FROM periods p JOIN obs o ON o.date BETWEEN p.start AND p."end" GROUP BY p.id, o.source`;

function pivotedSql(metrics: ComputedMetric[], sourceCount: number): string {
	const columns: string[] = [];
	for (let s = 0; s < sourceCount; s++) {
		columns.push(`any_value(days_with_value) FILTER (WHERE source = ${s}) AS s${s}_days`);
		const used = new Set(
			metrics.flatMap((m) => (m.from === 'source' && m.source === s ? [m.aggregation] : []))
		);
		for (const aggregation of AGGREGATES) {
			if (used.has(aggregation)) {
				columns.push(
					`any_value("${aggregation}") FILTER (WHERE source = ${s}) AS s${s}_${aggregation}`
				);
			}
		}
	}
	return `SELECT period${columns.map((c) => `, ${c}`).join('')} FROM aggregated GROUP BY period`;
}

const OPERATORS = { sum: ' + ', difference: ' - ', product: ' * ' } as const;

function valueColumns(metric: ComputedMetric, columnOf: Map<string, string>): string[] {
	const name = metric.column;
	switch (metric.from) {
		case 'source': {
			const days = `a.s${metric.source}_days`;
			const value = periodValueSql(
				metric.aggregation,
				`a.s${metric.source}_${metric.aggregation}`,
				days,
				'p.days'
			);
			return [
				`CASE WHEN p.reportable THEN ${value} END AS ${name}`,
				`CASE WHEN p.reportable THEN ${coverageSql(days, 'p.days')} ELSE ${MISSING} END AS ${name}_c`
			];
		}
		case 'constant': {
			// A constant plan is per day, so it adds up like the metric does.
			const value = metric.aggregation === 'sum' ? `${metric.perDay} * p.days` : `${metric.perDay}`;
			return [
				`CASE WHEN p.reportable THEN CAST(${value} AS DOUBLE) END AS ${name}`,
				`CASE WHEN p.reportable THEN ${COMPLETE} ELSE ${MISSING} END AS ${name}_c`
			];
		}
		case 'derived': {
			const operands = metric.operands.map((id) => {
				const column = columnOf.get(id);
				if (!column) throw new Error(`metric "${metric.id}": operand "${id}" was not computed`);
				return column;
			});
			// A derived metric works on the period's aggregated operands: a ratio of totals.
			const value =
				metric.operation === 'divide'
					? operands.reduce((left, right) => `(${left} / nullif(${right}, 0))`)
					: `(${operands.join(OPERATORS[metric.operation])})`;
			return [
				`${value} AS ${name}`,
				`least(${operands.map((c) => `${c}_c`).join(', ')}) AS ${name}_c`
			];
		}
	}
}

function side(table: string, column: string): Side {
	return { value: `${table}.${column}`, coverage: `${table}.${column}_c` };
}

function comparedColumns(metric: ComputedMetric): string[] {
	const m = metric.column;
	const method = metric.comparison;
	const current = side('v', m);
	const priorYear = side('py', m);
	const previous = side('pr', m);
	return [
		`v.${m}`,
		`v.${m}_c`,
		`${changeSql(method, current, priorYear)} AS ${m}_yoy`,
		`${changeNoteSql(method, current, priorYear)} AS ${m}_yoy_note`,
		`CASE WHEN ${changeSql(method, current, priorYear)} IS NULL THEN ${MISSING} ELSE least(v.${m}_c, py.${m}_c) END AS ${m}_yoy_c`,
		`${changeSql(method, current, previous)} AS ${m}_pop`,
		`${changeNoteSql(method, current, previous)} AS ${m}_pop_note`
	];
}

export interface ReviewQueryOptions {
	/** Metric ids shown as a WBR App `...YOY` series, whose box needs the week over week of the change. */
	yoySeries: Set<string>;
	/** The review's periods as a SELECT over `anchor`; default: `periodsSql(settings)` (./periodCache.ts reads them from a table). */
	periods?: string;
}

/**
 * The query's first stages, up to `period_values` (one row per period of `periods`, one column per
 * metric and its coverage), as WITH clauses. `periods` is a SELECT over `anchor(week_ending)`, the
 * query's one parameter: the review's periods, or a metric history's (../periods/history.ts).
 */
export function periodValuesSql(plan: ReviewMetricPlan, periods: string): string {
	const values = plan.metrics.flatMap((m) => valueColumns(m, plan.columnOf));
	return `anchor AS (SELECT CAST(? AS DATE) AS week_ending),
periods AS (${periods}),
obs AS (${plan.sources.length ? obsSql(plan.sources) : 'SELECT 0 AS source, NULL::DATE AS date, NULL::DOUBLE AS value, 0 AS ord WHERE false'}),
aggregated AS (${aggregatedSql}),
pivoted AS (${pivotedSql(plan.metrics, plan.sources.length)}),
period_values AS (SELECT p.id, p.start, p."end", p.days, p.prior_year, p.previous, p.reportable${values.map((c) => `,\n  ${c}`).join('')}
  FROM periods p LEFT JOIN pivoted a ON a.period = p.id)`;
}

/** The review query; its one parameter is the week ending (ISO date). */
export function reviewSql(
	plan: ReviewMetricPlan,
	settings: ReviewSettings,
	options: ReviewQueryOptions
): string {
	const compared = plan.metrics.flatMap(comparedColumns);
	const yoyPop = plan.metrics
		.filter((m) => options.yoySeries.has(m.id))
		.map(
			(m) =>
				`${changeSql(m.comparison, { value: `c.${m.column}_yoy`, coverage: `c.${m.column}_yoy_c` }, { value: `pr.${m.column}_yoy`, coverage: `pr.${m.column}_yoy_c` })} AS ${m.column}_yoy_pop`
		);
	const weekNo = weekNumber('v."end"', settings.weekEndingWeekday, settings.fiscalYearEndMonth);
	return `WITH ${periodValuesSql(plan, options.periods ?? periodsSql(settings))},
compared AS (SELECT v.id, v.start, v."end", v.previous, ${weekNo} AS week_number${compared.map((c) => `,\n  ${c}`).join('')}
  FROM period_values v LEFT JOIN period_values py ON py.id = v.prior_year LEFT JOIN period_values pr ON pr.id = v.previous)
SELECT c.*${yoyPop.map((c) => `, ${c}`).join('')} FROM compared c LEFT JOIN compared pr ON pr.id = c.previous`;
}
