/**
 * The same day twice in a wide file: an export appended twice, or rows copied by hand. Its values
 * are added up into the day, so the user is told: which metrics differ between the repeated rows,
 * how many dates repeat, and the first few. A file where most days are on several rows (sales by
 * transaction) is summed by design and gets no note; nor do sub-daily rows, each with its time.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { OBSERVATIONS } from '../store/observations';
import type { Mapping } from './types';

/** Dates named in the note; the count says how many more. */
const DATES_NAMED = 3;

/** Metrics named in the note before "and N more". */
const METRICS_NAMED = 5;

/**
 * The note for a wide file whose rows repeat a day (with the same segment values), or null. Reads
 * one metric's observations of the file to find the repeats, and all of them only when it does.
 */
export async function repeatedDatesNote(
	engine: Engine,
	sourceName: string,
	mapping: Mapping,
	segments: string[]
): Promise<string | null> {
	const first = mapping.metricColumns[0];
	if (mapping.layout !== 'wide' || first === undefined) return null;
	const file = literal(sourceName);
	const keys = ['date', ...segments.map(ident)].join(', ');
	const days =
		await engine.query(`SELECT count(*) AS keys, count(*) FILTER (WHERE n > 1) AS repeated,
			count(DISTINCT date) FILTER (WHERE n > 1) AS dates,
			array_to_string(list_sort(list_distinct(list(date::VARCHAR) FILTER (WHERE n > 1)))[1:${DATES_NAMED}], ', ') AS first_dates
		FROM (SELECT ${keys}, count(*) AS n FROM ${OBSERVATIONS}
			WHERE source_file = ${file} AND metric = ${literal(first)} AND ts IS NULL GROUP BY ALL)`);
	const total = Number(days.columns['keys']?.[0] ?? 0);
	const repeated = Number(days.columns['repeated']?.[0] ?? 0);
	// Repeats as the rule, not the exception: rows to add up into their day.
	if (repeated === 0 || repeated * 2 > total) return null;
	const dates = Number(days.columns['dates']?.[0] ?? 0);
	const named = String(days.columns['first_dates']?.[0] ?? '');
	const differing = await engine.query(`SELECT metric FROM (
			SELECT metric, ${keys}, count(*) AS n, count(value) AS filled, min(value) AS lo, max(value) AS hi
			FROM ${OBSERVATIONS} WHERE source_file = ${file} AND ts IS NULL GROUP BY ALL HAVING count(*) > 1)
		GROUP BY metric HAVING bool_or(lo <> hi OR (filled > 0 AND filled < n))`);
	const metrics = (differing.columns['metric'] ?? []).map(String);
	const order = new Map(mapping.metricColumns.map((m, i) => [m, i]));
	metrics.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
	const list = dates > DATES_NAMED ? `${named}, ...` : named;
	const which =
		metrics.length === 0
			? 'with the same values'
			: `with different values of ${quoteList(metrics)}`;
	return (
		`${dates} ${dates === 1 ? 'date is' : 'dates are'} on more than one row (${list}), ${which}: ` +
		`their values are added up into the day.`
	);
}

function quoteList(names: string[]): string {
	const shown = names.slice(0, METRICS_NAMED).map((n) => `"${n}"`);
	if (names.length > METRICS_NAMED) shown.push(`${names.length - METRICS_NAMED} more`);
	return shown.length <= 1
		? (shown[0] ?? '')
		: `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
