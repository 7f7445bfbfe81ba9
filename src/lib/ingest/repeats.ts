/**
 * The same day twice in a wide file: an export appended twice, or rows copied by hand. The
 * mapping says what that means (`Mapping.repeats`): added up into the day (the default, with a
 * note naming the metrics whose values differ, how many dates repeat and the first few), the
 * first or the last row kept, or every such row rejected, each with its line and reason. A file
 * where most days are on several rows (sales by transaction) is summed by design and gets no
 * note; sub-daily rows, each with its time, are no repeat.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { OBSERVATIONS } from '../store/observations';
import { MAX_REJECTED_LISTED } from './limits';
import type { FileReport, Mapping, RejectedRow, RepeatRule } from './types';

/** Dates named in the note; the count says how many more. */
const DATES_NAMED = 3;

/** Metrics named in the note before "and N more". */
const METRICS_NAMED = 5;

/** The rules as the note and the mapping editor say them. */
export const REPEAT_RULES: Record<RepeatRule, string> = {
	sum: 'added up into the day',
	first: 'the first row kept',
	last: 'the last row kept',
	reject: 'rejected'
};

interface Query {
	file: string;
	metric: string;
	/** The day and segment columns, and the segments alone (each after a comma). */
	keys: string;
	segments: string;
}

/**
 * Notes (and, by the mapping's rule, settles) a wide file's repeated days: reads one metric's
 * observations of the file to find them, and more only when there are some.
 */
export async function settleRepeats(
	engine: Engine,
	report: FileReport,
	mapping: Mapping,
	segments: string[]
): Promise<void> {
	const first = mapping.metricColumns[0];
	if (mapping.layout !== 'wide' || first === undefined || report.rowsLoaded === 0) return;
	const rule = mapping.repeats ?? 'sum';
	const q: Query = {
		file: literal(report.file),
		metric: literal(first),
		keys: ['date', ...segments.map(ident)].join(', '),
		segments: segments.map((c) => `, ${ident(c)}`).join('')
	};
	// A cheap look first (about 4 ms for 1,000 days of 50 metrics, a quarter of the one below).
	const where = `source_file = ${q.file} AND metric = ${q.metric} AND ts IS NULL`;
	const look = await engine.query(`SELECT count(*) - count(DISTINCT (${q.keys})) AS extra
		FROM ${OBSERVATIONS} WHERE ${where}`);
	if (Number(look.columns['extra']?.[0] ?? 0) === 0) return;
	const days =
		await engine.query(`SELECT count(*) AS keys, count(*) FILTER (WHERE n > 1) AS repeated,
			count(DISTINCT date) FILTER (WHERE n > 1) AS dates,
			array_to_string(list_sort(list_distinct(list(date::VARCHAR) FILTER (WHERE n > 1)))[1:${DATES_NAMED}], ', ') AS first_dates
		FROM (SELECT ${q.keys}, count(*) AS n FROM ${OBSERVATIONS} WHERE ${where} GROUP BY ALL)`);
	const value = (name: string) => Number(days.columns[name]?.[0] ?? 0);
	const repeated = value('repeated');
	// Repeats as the rule, not the exception, are rows to add up into their day.
	if (repeated === 0 || (rule === 'sum' && repeated * 2 > value('keys'))) return;
	const dates = value('dates');
	const named = String(days.columns['first_dates']?.[0] ?? '');
	const list = dates > DATES_NAMED ? `${named}, ...` : named;
	const which = await differingMetrics(engine, q, mapping.metricColumns);
	const said =
		which.length === 0 ? 'with the same values' : `with different values of ${quoteList(which)}`;
	const head = `${dates} ${dates === 1 ? 'date is' : 'dates are'} on more than one row (${list}), ${said}`;
	if (rule === 'sum') {
		report.notes.push(
			`${head}: their values are added up into the day (the mapping can keep the first or the last row, or reject them).`
		);
		return;
	}
	const rows = await rejectRepeats(engine, q, rule);
	addRejected(report, rows);
	report.notes.push(
		`${head}: ${REPEAT_RULES[rule]}, as the mapping says; ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} rejected.`
	);
}

/** The metrics whose values differ between the rows of a repeated day, in file order. */
async function differingMetrics(engine: Engine, q: Query, order: string[]): Promise<string[]> {
	const result = await engine.query(`SELECT metric FROM (
			SELECT metric, ${q.keys}, count(*) AS n, count(value) AS filled, min(value) AS lo, max(value) AS hi
			FROM ${OBSERVATIONS} WHERE source_file = ${q.file} AND ts IS NULL GROUP BY ALL HAVING count(*) > 1)
		GROUP BY metric HAVING bool_or(lo <> hi OR (filled > 0 AND filled < n))`);
	const position = new Map(order.map((m, i) => [m, i]));
	return (result.columns['metric'] ?? [])
		.map(String)
		.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/**
 * Removes the rows the rule does not keep from the store, each as a rejected row with the line of
 * the row kept (or the other lines of its day).
 */
async function rejectRepeats(engine: Engine, q: Query, rule: RepeatRule): Promise<RejectedRow[]> {
	const drop =
		rule === 'first' ? 'line <> first_line' : rule === 'last' ? 'line <> last_line' : 'true';
	const rows = await engine.query(`SELECT line, date::VARCHAR AS day, first_line, last_line,
			array_to_string(list(source_line) OVER w, ', ') AS lines FROM (
			SELECT source_line, source_line AS line, date${q.segments}, count(*) OVER w AS n,
				min(source_line) OVER w AS first_line, max(source_line) OVER w AS last_line
			FROM ${OBSERVATIONS} WHERE source_file = ${q.file} AND metric = ${q.metric} AND ts IS NULL
			WINDOW w AS (PARTITION BY ${q.keys}))
		WHERE n > 1 AND ${drop}
		WINDOW w AS (PARTITION BY ${q.keys} ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
		ORDER BY line`);
	const c = rows.columns;
	const lines = (c['line'] ?? []).map(Number);
	if (lines.length === 0) return [];
	await engine.query(`DELETE FROM ${OBSERVATIONS} WHERE source_file = ${q.file}
		AND source_line IN (${lines.join(', ')})`);
	return lines.map((line, i) => {
		const day = String(c['day']?.[i]);
		const reason =
			rule === 'first'
				? `${day} is on line ${c['first_line']?.[i]} too; the first row is kept`
				: rule === 'last'
					? `${day} is on line ${c['last_line']?.[i]} too; the last row is kept`
					: `${day} is on more than one row (lines ${c['lines']?.[i]}); repeated dates are rejected`;
		return { line, column: null, reason };
	});
}

/** Rejected rows added to the report: cells rejected on those rows no longer count. */
function addRejected(report: FileReport, rows: RejectedRow[]): void {
	const gone = new Set(rows.map((r) => r.line));
	const cells = report.rejected.filter((r) => r.column !== null && gone.has(r.line)).length;
	report.cellsRejected -= cells;
	const all = [
		...report.rejected.filter((r) => r.column === null || !gone.has(r.line)),
		...rows
	].sort((a, b) => a.line - b.line);
	report.rejected = all.slice(0, MAX_REJECTED_LISTED);
	if (all.length > MAX_REJECTED_LISTED) report.rejectedTruncated = true;
	report.rowsLoaded -= rows.length;
	report.rowsRejected += rows.length;
}

function quoteList(names: string[]): string {
	const shown = names.slice(0, METRICS_NAMED).map((n) => `"${n}"`);
	if (names.length > METRICS_NAMED) shown.push(`${names.length - METRICS_NAMED} more`);
	return shown.length <= 1
		? (shown[0] ?? '')
		: `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
