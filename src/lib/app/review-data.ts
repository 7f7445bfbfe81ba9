/**
 * What the review toolbar offers, asked of the observations store: the weeks to pick from and the
 * segment values to filter by. The SQL lives here so the components stay free of it.
 */
import { strings } from '../engine/columns';
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

export async function segmentChoices(engine: Engine): Promise<SegmentChoices> {
	const segments: Segment[] = [];
	const splits = new Map<string, Set<string>>();
	for (const dimension of await segmentDimensions(engine)) {
		const column = ident(dimension);
		const values = strings(
			await engine.query(
				`SELECT DISTINCT ${column} AS value FROM ${OBSERVATIONS} WHERE ${column} IS NOT NULL ORDER BY 1`
			),
			'value'
		).filter((v): v is string => v !== null);
		const metrics = strings(
			await engine.query(
				`SELECT DISTINCT metric FROM ${OBSERVATIONS} WHERE ${column} IS NOT NULL ORDER BY 1`
			),
			'metric'
		).filter((m): m is string => m !== null);
		if (values.length === 0) continue;
		segments.push({ dimension, values });
		splits.set(dimension, new Set(metrics));
	}
	return { segments, splits };
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
