/**
 * The one query behind a review: every metric, every period, every comparison.
 *
 *   anchor (week endings) → periods → ranges (their distinct date ranges)
 *     → obs (the review's sources) → daily (per source and day) → aggregated (per range and source)
 *     → period_values (one row per week ending and period, one column per metric, derived metrics
 *       on the already-aggregated operands) → compared (year over year and period over period)
 *
 * One review asks for one week ending; ./weekTables.ts asks for every week of the data at once,
 * which is why aggregation works on distinct ranges of days: week endings share their weeks and
 * months, and their to-date spans share most of their days.
 *
 * The result has one row per week ending and period (`id` as in ../periods/periodTable.ts,
 * `week_number`) and, per metric column `mK`: `mK` (value) and, for the metrics asked for (not
 * operands and plans alone), `mK_yoy`, `mK_yoy_note`, `mK_pop`, `mK_pop_note`, and for WBR App
 * `...YOY` series `mK_yoy_pop` (the change of the change). Coverage (`mK_c`) stays inside.
 */
import { ident, literal } from '../engine/sql';
import type { MetricSource, ReviewSettings, SegmentCondition } from '../metrics/types';
import { changeNoteSql, changeSql, type Side } from '../periods/comparison';
import { COMPLETE, coverageSql, MISSING, periodValueSql } from '../periods/coverage';
import { fillsSlotSql, grainsSql, slotsSql } from '../periods/grain';
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

/** Each source's distinct dates with a value (`source` is its index), for its grain. */
export function sourceDatesSql(sources: MetricSource[]): string {
	return sources
		.map(
			(s, i) =>
				`SELECT DISTINCT ${i} AS source, date FROM ${OBSERVATIONS} WHERE ${sourceWhereSql(s)}`
		)
		.join(' UNION ALL ');
}

function obsSql(sources: MetricSource[]): string {
	// Order within a day by source line, so `first`/`last` are the file's order.
	const selects = sources.map(
		(source, index) =>
			`SELECT ${index} AS source, date, value, (date - DATE '1970-01-01') * 10000000000 + coalesce(source_line, 0) AS ord FROM ${OBSERVATIONS} WHERE ${sourceWhereSql(source)}`
	);
	const span = `date BETWEEN (SELECT min(start) FROM ranges) AND (SELECT max("end") FROM ranges)`;
	return `SELECT * FROM (${selects.join('\nUNION ALL ')}) WHERE ${span}`;
}

/**
 * Each source's days: how many values, their sum, min and max, and the day's first and last value.
 * Sums here and below are compensated (`fsum`), so a period's value is the same, to the last bit
 * or so, whatever order its values are added in: that differs between one week ending and many.
 */
const dailySql = `SELECT source, date, count(*) AS n, fsum(value) AS "sum", min(value) AS "min",
  max(value) AS "max", arg_min(value, ord) AS "first", min(ord) AS first_ord,
  arg_max(value, ord) AS "last", max(ord) AS last_ord
FROM obs GROUP BY source, date`;

/**
 * A range's aggregates from its days: the mean is over values (segments), not over days. `slots`
 * is how many dates the source's grain (daily, weekly, monthly: ../periods/grain.ts) expects a
 * value on in the range, what `days_with_value` is measured against.
 */
const aggregatedSql = `SELECT r.start, r."end", d.source,
  count(*) FILTER (WHERE ${fillsSlotSql('g.grain', 'd.date', 'r.start', 'r."end"')}) AS days_with_value,
  any_value(${slotsSql('g.grain', 'g.weekday', 'r.start', 'r."end"')}) AS slots,
  fsum(d."sum") AS "sum", fsum(d."sum") / sum(d.n) AS "mean", min(d."min") AS "min",
  max(d."max") AS "max", arg_min(d."first", d.first_ord) AS "first",
  arg_max(d."last", d.last_ord) AS "last"
FROM ranges r JOIN daily d ON d.date BETWEEN r.start AND r."end" JOIN grains g ON g.source = d.source
GROUP BY r.start, r."end", d.source`;

function pivotedSql(metrics: ComputedMetric[], sourceCount: number): string {
	const columns: string[] = [];
	for (let s = 0; s < sourceCount; s++) {
		columns.push(`any_value(days_with_value) FILTER (WHERE source = ${s}) AS s${s}_days`);
		columns.push(`any_value(slots) FILTER (WHERE source = ${s}) AS s${s}_slots`);
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
	return `SELECT start, "end"${columns.map((c) => `, ${c}`).join('')} FROM aggregated GROUP BY start, "end"`;
}

const OPERATORS = { sum: ' + ', difference: ' - ', product: ' * ' } as const;

function valueColumns(metric: ComputedMetric, columnOf: Map<string, string>): string[] {
	const name = metric.column;
	switch (metric.from) {
		case 'source': {
			const days = `a.s${metric.source}_days`;
			const slots = `a.s${metric.source}_slots`;
			const value = periodValueSql(
				metric.aggregation,
				`a.s${metric.source}_${metric.aggregation}`,
				days,
				slots
			);
			// No slot (a monthly metric's week) is no value, whatever the rows dated in it.
			const counts = `p.reportable AND ${slots} > 0`;
			return [
				`CASE WHEN ${counts} THEN ${value} END AS ${name}`,
				`CASE WHEN ${counts} THEN ${coverageSql(days, slots)} ELSE ${MISSING} END AS ${name}_c`
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

/** The query's one parameter, the week ending (ISO date), as the `anchor` of the periods. */
export const ONE_WEEK = 'SELECT CAST(? AS DATE) AS week_ending';

export interface ReviewQueryOptions {
	/** Metric ids shown as a WBR App `...YOY` series, whose box needs the week over week of the change. */
	yoySeries: Set<string>;
	/** The review's periods as a SELECT over `anchor`; default: `periodsSql(settings)` (./periodCache.ts reads them from a table). */
	periods?: string;
	/** The week endings to review, as a SELECT of `week_ending`; default `ONE_WEEK` (./weekTables.ts asks for many). */
	weeks?: string;
}

/**
 * The query's first stages, up to `period_values` (one row per week ending and period of
 * `periods`, one column per metric and its coverage), as WITH clauses. `periods` is a SELECT over
 * `anchor(week_ending)`, the week endings `weeks` (default: the query's one parameter): the
 * review's periods, or a metric history's (../periods/history.ts).
 */
export function periodValuesSql(plan: ReviewMetricPlan, periods: string, weeks = ONE_WEEK): string {
	const values = plan.metrics.flatMap((m) => valueColumns(m, plan.columnOf));
	return `anchor AS (${weeks}),
periods AS (${periods}),
ranges AS (SELECT DISTINCT start, "end" FROM periods),
obs AS (${plan.sources.length ? obsSql(plan.sources) : 'SELECT 0 AS source, NULL::DATE AS date, NULL::DOUBLE AS value, 0 AS ord WHERE false'}),
daily AS (${dailySql}),
grains AS (${grainsSql('daily', 'source')}),
aggregated AS (${aggregatedSql}),
pivoted AS (${pivotedSql(plan.metrics, plan.sources.length)}),
period_values AS (SELECT p.week_ending, p.position, p.id, p.start, p."end", p.days, p.prior_year, p.previous, p.reportable${values.map((c) => `,\n  ${c}`).join('')}
  FROM periods p LEFT JOIN pivoted a ON a.start = p.start AND a."end" = p."end")`;
}

/** The review query, one row per week ending and period; its one parameter is the week ending (ISO date) unless `weeks` says otherwise. */
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
	// What the review reads (../review/buildReview.ts): the comparisons of the metrics asked for,
	// only the values of operands and plans. Every column costs memory in ./weekTables.ts.
	const shown = plan.metrics.flatMap(({ id, column: m }) =>
		plan.asked.has(id) ? [m, `${m}_yoy`, `${m}_yoy_note`, `${m}_pop`, `${m}_pop_note`] : [m]
	);
	const weekNo = weekNumber('v."end"', settings.weekEndingWeekday, settings.fiscalYearEndMonth);
	// Another period of the same week ending's review.
	const sameWeek = (table: string, from: string, column: string) =>
		`${table}.week_ending = ${from}.week_ending AND ${table}.id = ${from}.${column}`;
	return `WITH ${periodValuesSql(plan, options.periods ?? periodsSql(settings), options.weeks)},
compared AS (SELECT v.week_ending, v.id, v.start, v."end", v.previous, ${weekNo} AS week_number${compared.map((c) => `,\n  ${c}`).join('')}
  FROM period_values v LEFT JOIN period_values py ON ${sameWeek('py', 'v', 'prior_year')} LEFT JOIN period_values pr ON ${sameWeek('pr', 'v', 'previous')})
SELECT c.week_ending, c.id, c.start, c."end", c.week_number${shown.map((c) => `, c.${c}`).join('')}${yoyPop.map((c) => `, ${c}`).join('')}
  FROM compared c LEFT JOIN compared pr ON ${sameWeek('pr', 'c', 'previous')}`;
}
