/**
 * Every computed metric's value and coverage over a list of periods, composed from the source
 * store's pieces (./sourceStore.ts, ./pieces.ts), then the comparisons between periods.
 *
 *   periods → pieces (a week, whole months, days) → each source's aggregate per period
 *     → value and coverage by the metric's aggregation (../periods/coverage.ts)
 *     → derived metrics on the period's aggregated operands (a ratio of totals), constant plans
 *     → year over year and period over period, with the reason when n/a (../periods/comparison.ts)
 *
 * Work grows with metrics × periods; nothing is a column per metric.
 */
import type { ComparisonMethod } from '../metrics/types';
import { change, changeNote, type ComparisonNote, type Side } from '../periods/comparison';
import { COMPLETE, coverageOf, MISSING, periodValue, type Coverage } from '../periods/coverage';
import { fillsSlots, slotsIn } from '../periods/grain';
import type { Engine } from '../engine/types';
import type { Period } from '../periods/periodTable';
import { piecesOf, type Piece } from './pieces';
import type { ComputedMetric, ReviewMetricPlan } from './reviewMetrics';
import type { Grid, SourceStore } from './sourceStore';
import type { Value } from './types';

interface Series {
	values: Value[];
	coverage: Coverage[];
	comparison: ComparisonMethod;
}

/** A period's pieces, with the grid and key each is read from. */
interface PeriodPieces {
	pieces: { grid: Grid; key: number; wholeMonth: boolean }[];
}

function derivedValue(operation: string, operands: Value[]): Value {
	let result: Value = operands[0] ?? null;
	for (const operand of operands.slice(1)) {
		if (result === null || operand === null) return null;
		switch (operation) {
			case 'divide':
				if (operand === 0) return null;
				result = result / operand;
				break;
			case 'sum':
				result = result + operand;
				break;
			case 'difference':
				result = result - operand;
				break;
			case 'product':
				result = result * operand;
				break;
		}
	}
	return result;
}

export class PeriodValues {
	readonly #row = new Map<string, number>();
	readonly #series = new Map<string, Series>();

	private constructor(readonly periods: Period[]) {
		periods.forEach((period, row) => this.#row.set(period.id, row));
	}

	/** The values of `plan`'s metrics over `periods`, from `store` (which holds the plan's sources). */
	static async compute(
		engine: Engine,
		store: SourceStore,
		plan: ReviewMetricPlan,
		periods: Period[]
	): Promise<PeriodValues> {
		const table = new PeriodValues(periods);
		const sourceIndex = plan.sources.map((source) => {
			const index = store.indexOf(source);
			if (index === undefined) throw new Error(`the review's data lacks "${source.metric}"`);
			return index;
		});
		const periodPieces = await piecesOfPeriods(engine, store, periods, sourceIndex);
		for (const metric of plan.metrics) {
			table.#series.set(metric.id, table.#compute(metric, store, sourceIndex, periodPieces));
		}
		return table;
	}

	#compute(
		metric: ComputedMetric,
		store: SourceStore,
		sourceIndex: number[],
		periodPieces: PeriodPieces[]
	): Series {
		const { periods } = this;
		const values: Value[] = new Array<Value>(periods.length).fill(null);
		const coverage: Coverage[] = new Array<Coverage>(periods.length).fill(MISSING);
		switch (metric.from) {
			case 'source': {
				const source = sourceIndex[metric.source] ?? 0;
				const { grain, weekday } = store.grains[source] ?? { grain: 'day', weekday: 0 };
				periods.forEach((period, p) => {
					// No slot (a monthly metric's week) is no value, whatever the rows dated in it.
					const slots = slotsIn(grain, weekday, period.start, period.end);
					if (!period.reportable || slots === 0) return;
					let dates = 0;
					let filled = 0;
					let n = 0;
					let sum = 0;
					let min = Infinity;
					let max = -Infinity;
					let first: number | null = null;
					let last = 0;
					for (const { grid, key, wholeMonth } of periodPieces[p]?.pieces ?? []) {
						const cell = grid.cell(source, key);
						const m = grid.measures;
						if (cell < 0 || m.dates[cell] === 0) continue;
						const d = m.dates[cell] ?? 0;
						dates += d;
						if (fillsSlots(grain, wholeMonth)) filled += d;
						n += m.n[cell] ?? 0;
						sum += m.sum[cell] ?? 0;
						min = Math.min(min, m.min[cell] ?? Infinity);
						max = Math.max(max, m.max[cell] ?? -Infinity);
						first ??= m.first[cell] ?? null;
						last = m.last[cell] ?? 0;
					}
					if (dates === 0) return;
					const aggregate = { sum, mean: sum / n, min, max, first, last }[metric.aggregation];
					values[p] = periodValue(metric.aggregation, aggregate, filled, slots);
					coverage[p] = coverageOf(filled, slots);
				});
				break;
			}
			case 'constant':
				periods.forEach((period, p) => {
					if (!period.reportable) return;
					// A constant plan is per day, so it adds up like the metric does.
					values[p] = metric.aggregation === 'sum' ? metric.perDay * period.days : metric.perDay;
					coverage[p] = COMPLETE;
				});
				break;
			case 'derived': {
				const operands = metric.operands.map((id) => {
					const series = this.#series.get(id);
					if (!series) throw new Error(`metric "${metric.id}": operand "${id}" was not computed`);
					return series;
				});
				periods.forEach((_, p) => {
					// A derived metric works on the period's aggregated operands: a ratio of totals.
					values[p] = derivedValue(
						metric.operation,
						operands.map((o) => o.values[p] ?? null)
					);
					coverage[p] = Math.min(...operands.map((o) => o.coverage[p] ?? MISSING)) as Coverage;
				});
				break;
			}
		}
		return { values, coverage, comparison: metric.comparison };
	}

	has(metricId: string): boolean {
		return this.#series.has(metricId);
	}

	#seriesOf(metricId: string): Series {
		const series = this.#series.get(metricId);
		if (!series) throw new Error(`metric "${metricId}" was not computed`);
		return series;
	}

	#index(periodId: string): number {
		const row = this.#row.get(periodId);
		if (row === undefined) throw new Error(`the review has no period "${periodId}"`);
		return row;
	}

	/** A metric's values over every period, in the periods' order. */
	values(metricId: string): Value[] {
		return this.#seriesOf(metricId).values;
	}

	value(metricId: string, periodId: string): Value {
		return this.#seriesOf(metricId).values[this.#index(periodId)] ?? null;
	}

	side(metricId: string, periodId: string | null): Side | undefined {
		const row = periodId === null ? undefined : this.#row.get(periodId);
		if (row === undefined) return undefined;
		const series = this.#seriesOf(metricId);
		return { value: series.values[row] ?? null, coverage: series.coverage[row] ?? MISSING };
	}

	period(periodId: string): Period {
		return this.periods[this.#index(periodId)] as Period;
	}

	/** The change of `periodId` against its prior-year period (`yoy`) or the one before (`pop`). */
	change(
		metricId: string,
		periodId: string,
		against: 'yoy' | 'pop'
	): { value: Value; note: ComparisonNote | null } {
		const method = this.#seriesOf(metricId).comparison;
		const period = this.period(periodId);
		const current = this.side(metricId, periodId) as Side;
		const baseline = this.side(metricId, against === 'yoy' ? period.priorYear : period.previous);
		return {
			value: change(method, current, baseline),
			note: changeNote(method, current, baseline)
		};
	}

	/** The year-over-year change as a side of its own: n/a is missing, else as covered as its parts. */
	#yoySide(metricId: string, periodId: string | null): Side | undefined {
		if (periodId === null || !this.#row.has(periodId)) return undefined;
		const period = this.period(periodId);
		const current = this.side(metricId, periodId) as Side;
		const priorYear = this.side(metricId, period.priorYear);
		const value = change(this.#seriesOf(metricId).comparison, current, priorYear);
		const coverage =
			value === null
				? MISSING
				: (Math.min(current.coverage, priorYear?.coverage ?? MISSING) as Coverage);
		return { value, coverage };
	}

	/** The WBR App's `...YOY` series' week over week: the change of the year-over-year change. */
	yoyChangeOverPrevious(metricId: string, periodId: string): Value {
		const current = this.#yoySide(metricId, periodId) as Side;
		const previous = this.#yoySide(metricId, this.period(periodId).previous);
		return change(this.#seriesOf(metricId).comparison, current, previous);
	}
}

/** Each period's pieces; the days pieces of every period aggregated in one query. */
async function piecesOfPeriods(
	engine: Engine,
	store: SourceStore,
	periods: Period[],
	sourceIndex: number[]
): Promise<PeriodPieces[]> {
	const split = periods.map((period) => piecesOf(period.start, period.end, store.weekday));
	const ranges: { start: number; end: number }[] = [];
	const rangeKey = new Map<string, number>();
	const keyOf = (piece: Piece & { kind: 'days' }) => {
		const id = `${piece.start}-${piece.end}`;
		let key = rangeKey.get(id);
		if (key === undefined) {
			key = ranges.length;
			ranges.push({ start: piece.start, end: piece.end });
			rangeKey.set(id, key);
		}
		return key;
	};
	const resolved = split.map((pieces) =>
		pieces.map((piece) => ({ piece, key: piece.kind === 'days' ? keyOf(piece) : 0 }))
	);
	const days = await store.ranges(engine, ranges, [...new Set(sourceIndex)]);
	return resolved.map((pieces) => ({
		pieces: pieces.map(({ piece, key }) => {
			switch (piece.kind) {
				case 'week':
					return { grid: store.weeks, key: piece.end, wholeMonth: false };
				case 'month':
					return { grid: store.months, key: piece.month, wholeMonth: true };
				case 'days':
					return { grid: days, key, wholeMonth: false };
			}
		})
	}));
}
