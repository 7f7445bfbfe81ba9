/**
 * What the review toolbar offers, asked of the observations store: the weeks to pick from and the
 * segment values to filter by. The SQL lives here so the components stay free of it.
 */
import { numbers, strings } from '../engine/columns';
import { ident } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { Weekday } from '../metrics/types';
import { epochDay, isoDay } from '../periods/epochDays';
import { weekEndingOnOrBefore } from '../periods/weekEnding';
import { OBSERVATIONS, segmentDimensions } from '../store/observations';
import type { SegmentSplits } from './segment-catalog';

export interface Segment {
	/** The segment column, e.g. `region`. */
	dimension: string;
	values: string[];
}

export interface SegmentChoices {
	segments: Segment[];
	/** Which store metrics each segment column splits. */
	splits: SegmentSplits;
}

/** Every segment column's values, and which metrics it splits: one scan of the store for all columns. */
export async function segmentChoices(engine: Engine): Promise<SegmentChoices> {
	const dimensions = await segmentDimensions(engine);
	if (dimensions.length === 0) return { segments: [], splits: new Map() };
	// One row per metric and value of each column (GROUPING SETS, one set a column).
	const sets = dimensions.map((d) => `(metric, ${ident(d)})`).join(', ');
	const result = await engine.query(
		`SELECT metric, ${dimensions.map((d, i) => `${ident(d)} AS d${i}, grouping(${ident(d)}) AS g${i}`).join(', ')}
		 FROM ${OBSERVATIONS} GROUP BY GROUPING SETS (${sets})`
	);
	const metrics = strings(result, 'metric');
	const segments: Segment[] = [];
	const splits = new Map<string, Set<string>>();
	dimensions.forEach((dimension, i) => {
		const values = strings(result, `d${i}`);
		const grouped = numbers(result, `g${i}`);
		const found = new Set<string>();
		const split = new Set<string>();
		values.forEach((value, row) => {
			if (grouped[row] !== 0 || value === null) return;
			found.add(value);
			const metric = metrics[row];
			if (metric !== null && metric !== undefined) split.add(metric);
		});
		if (found.size === 0) return;
		segments.push({ dimension, values: [...found].sort(byCodePoint) });
		splits.set(dimension, split);
	});
	return { segments, splits };
}

/** Ascending by code point, as DuckDB's ORDER BY on text. */
function byCodePoint(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Week endings from the first complete week in the data up to `latest` (the review's default, the
 * last complete week of actuals), newest first.
 */
export async function reviewWeeks(
	engine: Engine,
	weekday: Weekday,
	latest: string
): Promise<string[]> {
	const firstDay = strings(
		await engine.query(`SELECT strftime(min(date), '%Y-%m-%d') AS first FROM ${OBSERVATIONS}`),
		'first'
	)[0];
	if (!firstDay) return [];
	// The first week ending on or after the first day with data, at least six days after it.
	const weeks: string[] = [];
	const first = weekEndingOnOrBefore(epochDay(firstDay) + 6, weekday);
	for (let week = epochDay(latest); week >= first; week -= 7) weeks.push(isoDay(week));
	return weeks;
}
