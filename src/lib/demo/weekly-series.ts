/**
 * Every catalog metric's full weekly series, for the first page's grid. Weeks end on the
 * catalog's week-ending weekday; only complete weeks (7 days) inside the data are kept. A `sum`
 * over a week with a missing day is no data, as the WBR App does; derived metrics are computed on
 * the already-aggregated operands (a ratio of totals).
 */
import { numbers, strings } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Aggregation, Catalog, MetricDefinition } from '../metrics/types';
import { OBSERVATIONS } from '../store/observations';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface MetricWeeks {
	id: string;
	weekEndings: string[];
	values: (number | null)[];
	plan: (number | null)[] | null;
}

type WeeklyAggregates = Map<
	string,
	Map<string, Record<Aggregation, number | null> & { days: number }>
>;

async function aggregateWeeks(
	engine: Engine,
	catalog: Catalog,
	names: string[]
): Promise<{ weeks: string[]; byMetric: WeeklyAggregates }> {
	const weekday = WEEKDAYS.indexOf(catalog.review.weekEndingWeekday);
	const placeholders = names.map(() => '?').join(', ');
	const result = await engine.query(
		`WITH weekly AS (
		   SELECT metric, date + ((? - dayofweek(date) + 7) % 7)::INTEGER AS week_ending, date, value
		   FROM ${OBSERVATIONS} WHERE metric IN (${placeholders})
		 ), bounds AS (SELECT min(date) AS first_day, max(date) AS last_day FROM ${OBSERVATIONS})
		 SELECT metric, strftime(week_ending, '%Y-%m-%d') AS week_ending,
		   count(DISTINCT date)::DOUBLE AS days, sum(value)::DOUBLE AS sum, avg(value) AS mean,
		   min(value) AS min, max(value) AS max, arg_min(value, date) AS first, arg_max(value, date) AS last
		 FROM weekly, bounds
		 WHERE week_ending <= last_day AND week_ending - 6 >= first_day
		 GROUP BY ALL ORDER BY week_ending`,
		[weekday, ...names]
	);
	const metrics = strings(result, 'metric');
	const weekEndings = strings(result, 'week_ending');
	const days = numbers(result, 'days');
	const aggregations: Aggregation[] = ['sum', 'mean', 'min', 'max', 'first', 'last'];
	const columns = Object.fromEntries(aggregations.map((a) => [a, numbers(result, a)]));
	const byMetric: WeeklyAggregates = new Map();
	const weeks = new Set<string>();
	metrics.forEach((metric, i) => {
		const week = String(weekEndings[i]);
		weeks.add(week);
		const row = Object.fromEntries(aggregations.map((a) => [a, columns[a]?.[i] ?? null]));
		const perWeek = byMetric.get(String(metric)) ?? new Map();
		perWeek.set(week, { ...row, days: days[i] ?? 0 } as Record<Aggregation, number | null> & {
			days: number;
		});
		byMetric.set(String(metric), perWeek);
	});
	return { weeks: [...weeks].sort(), byMetric };
}

function pick(
	aggregates: WeeklyAggregates,
	metric: string,
	aggregation: Aggregation,
	weeks: string[]
): (number | null)[] {
	const perWeek = aggregates.get(metric);
	return weeks.map((week) => {
		const cell = perWeek?.get(week);
		if (!cell) return null;
		if (aggregation === 'sum' && cell.days < 7) return null;
		return cell[aggregation];
	});
}

function combine(operation: string, operands: (number | null)[][]): (number | null)[] {
	const [first = [], ...rest] = operands;
	return first.map((value, i) => {
		let acc = value;
		for (const series of rest) {
			const next = series[i] ?? null;
			if (acc === null || next === null) return null;
			if (operation === 'divide') acc = next === 0 ? null : acc / next;
			else if (operation === 'difference') acc = acc - next;
			else if (operation === 'product') acc = acc * next;
			else acc = acc + next;
		}
		return acc;
	});
}

/** The weekly series of every metric in the catalog. */
export async function weeklySeries(engine: Engine, catalog: Catalog): Promise<MetricWeeks[]> {
	const byId = new Map(catalog.metrics.map((m) => [m.id, m]));
	const names = new Set<string>();
	for (const m of catalog.metrics) {
		if (m.source) names.add(m.source.metric);
		if (m.plan && 'source' in m.plan) names.add(m.plan.source.metric);
	}
	const { weeks, byMetric } = await aggregateWeeks(engine, catalog, [...names]);
	const resolve = (metric: MetricDefinition, seen: string[]): (number | null)[] => {
		if (seen.includes(metric.id)) throw new Error(`Metric "${metric.id}" is derived from itself`);
		if (metric.source)
			return pick(byMetric, metric.source.metric, metric.aggregation ?? 'sum', weeks);
		const derived = metric.derived;
		if (!derived) return weeks.map(() => null);
		const operands = derived.operands.map((id) => {
			const operand = byId.get(id);
			if (!operand) throw new Error(`Metric "${metric.id}" uses unknown metric "${id}"`);
			return resolve(operand, [...seen, metric.id]);
		});
		return combine(derived.operation, operands);
	};
	const planSeries = (plan: MetricDefinition['plan']): (number | null)[] | null => {
		if (!plan) return null;
		if ('constant' in plan) return weeks.map(() => plan.constant);
		if ('source' in plan)
			return pick(byMetric, plan.source.metric, plan.aggregation ?? 'sum', weeks);
		const planned = byId.get(plan.metric);
		return planned ? resolve(planned, []) : null;
	};
	return catalog.metrics.map((metric) => ({
		id: metric.id,
		weekEndings: weeks,
		values: resolve(metric, []),
		plan: planSeries(metric.plan)
	}));
}
