/**
 * DuckDB's own test suite states the rows its CSV reader returns for many corpus files
 * (`duckdb/EXPECTED_from_duckdb_tests.jsonl`, extracted from sqllogictest records). Where such a
 * record reads a file the way a customer's upload is read (DuckDB's default options, or only
 * options Flywheel infers itself), the table Flywheel reads must hold the same values.
 *
 * Selection rule (`select` below; the count is asserted so the rule cannot narrow silently):
 *   1. the record is a `query` (its expected result is rows of values), and
 *   2. its SQL, whitespace collapsed and a trailing `;` dropped, is exactly
 *      `[SELECT *] FROM <source>`: no projection, filter, order, limit, COPY, INSERT, DESCRIBE or
 *      sniff_csv, and
 *   3. `<source>` is one quoted file path, or `read_csv(…)` / `read_csv_auto(…)` of one quoted
 *      file path whose options are only ones Flywheel infers or that cannot change the rows:
 *      `header`, `delim`/`sep`/`delimiter` (one of `, ; TAB |`), `quote` and `escape` (`"`, the
 *      default), `encoding` (Flywheel detects it) and `buffer_size` (reader chunk size), and
 *   4. the file is in the corpus.
 * Everything else tests DuckDB-specific options (types, columns, dateformat, nullstr, skip,
 * null_padding, strict_mode, ignore_errors, thousands, sample_size, sniff_csv output, ...).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { literal } from '../../engine/sql';
import { dateFormats, decideDateOrder, isDateName, looksLikeDate, timestampSql } from '../dates';
import { isNullSpelling } from '../numbers';
import { parseTable, type ParsedTable } from '../parse-table';
import { isUnsupported } from '../unsupported';
import { BAD_INPUT } from './corpus';

interface DuckdbRecord {
	file: string;
	source: string;
	kind: string;
	comment: string;
	sql: string;
	expected: string[];
}

const RECORDS = readFileSync(
	path.join(BAD_INPUT, 'duckdb/EXPECTED_from_duckdb_tests.jsonl'),
	'utf8'
)
	.split('\n')
	.filter((line) => line.trim() !== '')
	.map((line) => JSON.parse(line) as DuckdbRecord);

const DATA_DIR = '{DATA_DIR}/csv/';

/** Options a selected record may use: each one Flywheel infers, or one that cannot change rows. */
const ALLOWED_OPTIONS: Record<string, (value: string) => boolean> = {
	header: (v) => /^(true|false|0|1)$/i.test(v),
	delim: (v) => [',', ';', '\t', '\\t', '|'].includes(v),
	sep: (v) => [',', ';', '\t', '\\t', '|'].includes(v),
	delimiter: (v) => [',', ';', '\t', '\\t', '|'].includes(v),
	quote: (v) => v === '"',
	escape: (v) => v === '"',
	encoding: (v) => /^(utf-?8|utf-?16|latin-?1)$/i.test(v),
	buffer_size: (v) => /^(\d+|\{\w+\})$/.test(v)
};

/** Splits `a, 'b,c', {d: 1}` at top-level commas. */
function splitArguments(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote: string | null = null;
	let current = '';
	for (const ch of text) {
		if (quote) {
			if (ch === quote) quote = null;
		} else if (ch === "'" || ch === '"') quote = ch;
		else if ('([{'.includes(ch)) depth++;
		else if (')]}'.includes(ch)) depth--;
		else if (ch === ',' && depth === 0) {
			parts.push(current.trim());
			current = '';
			continue;
		}
		current += ch;
	}
	if (current.trim() !== '') parts.push(current.trim());
	return parts;
}

const unquote = (v: string) => (/^'.*'$|^".*"$/s.test(v) ? v.slice(1, -1) : v);

type Selection = { file: string; options: Record<string, string> } | { skip: string };

function select(record: DuckdbRecord): Selection {
	if (!record.kind.startsWith('query ')) return { skip: 'not a query (statement or error)' };
	const sql = record.sql.replace(/\s+/g, ' ').trim().replace(/;$/, '').trim();
	const from = /^(?:select \* )?from (.*)$/is.exec(sql)?.[1];
	if (from === undefined) return { skip: 'not SELECT * FROM one source' };
	const plain = /^'([^']*)'$/.exec(from);
	let pathText: string;
	const options: Record<string, string> = {};
	if (plain) pathText = plain[1] ?? '';
	else {
		const call = /^read_csv(?:_auto)?\((.*)\)$/is.exec(from);
		if (!call) return { skip: 'not SELECT * FROM one source' };
		const [first, ...rest] = splitArguments(call[1] ?? '');
		if (!first || !/^'[^']*'$/.test(first)) return { skip: 'not one file' };
		pathText = unquote(first);
		for (const option of rest) {
			const m = /^(\w+)\s*(?::=|=>|=)\s*(.*)$/s.exec(option);
			const name = m?.[1]?.toLowerCase() ?? option;
			const value = unquote(m?.[2]?.trim() ?? '');
			if (!m || !ALLOWED_OPTIONS[name]?.(value)) return { skip: `DuckDB option ${name}` };
			options[name] = value;
		}
	}
	if (!pathText.startsWith(DATA_DIR)) return { skip: 'not one file' };
	const file = pathText.slice(DATA_DIR.length);
	if (!existsSync(path.join(BAD_INPUT, 'duckdb', file))) return { skip: 'file not in corpus' };
	return { file, options };
}

/** The number of columns a sqllogictest `query` record declares (`query IIT rowsort` is 3). */
function columnCount(kind: string): number {
	return kind.split(' ')[1]?.length ?? 0;
}

type Cell = string | null;

/**
 * DuckDB's sqllogictest result: one row per line, values separated by TAB, `NULL` for null,
 * `(empty)` for the empty string, `\0` for a NUL character. A record may also list one value per
 * line (DuckDB accepts both); the extract keeps at most 60 lines.
 */
function expectedRows(record: DuckdbRecord): Cell[][] {
	const columns = columnCount(record.kind);
	const value = (v: string): Cell =>
		v === 'NULL' ? null : v === '(empty)' ? '' : v.replaceAll('\\0', '\u0000');
	const lines = record.expected;
	if (lines.every((line) => line.split('\t').length === columns))
		return lines.map((line) => line.split('\t').map(value));
	if (columns > 1 && lines.every((line) => !line.includes('\t'))) {
		const rows: Cell[][] = [];
		for (let i = 0; i + columns <= lines.length; i += columns)
			rows.push(lines.slice(i, i + columns).map(value));
		return rows;
	}
	throw new Error(`cannot read the expected result of ${record.source}`);
}

/** The extract keeps at most 60 expected lines: then only that many first rows are compared. */
const TRUNCATED_AT = 60;

/**
 * Where Flywheel deliberately reads a selected record differently, keyed by the record's id (its
 * test file and line): why, and what Flywheel reads instead, compared by the same rules. With
 * `withHeader` the rows start with Flywheel's header row; `rows` defaults to DuckDB's own rows.
 * Each entry must still differ from DuckDB's expectation (a stale entry fails).
 */
const DIFFERENCES: Record<
	string,
	{ reason: string; withHeader?: boolean; rows?: Cell[][]; tooManyFields?: number[] }
> = {
	'test/sql/copy/csv/test_time.test#L5': {
		reason: 'header = 0 forced; a one-line file of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/test_time.test#L17': {
		reason:
			'one-line file: Flywheel reads it as the header, DuckDB as one row of TIME values (12:00 -> 12:00:00)',
		withHeader: true,
		rows: [['12:', '12:0', '12:00', '12:0:', '12:00:']]
	},
	'test/sql/copy/csv/test_comment_option.test#L66': {
		reason:
			'a `#` line after the data starts is a row Flywheel rejects and lists, not one it skips unseen (README Rows)',
		rows: [
			['1', '3'],
			[' # This is also a baddy', null],
			['1', '3'],
			['1', '3'],
			['1', '3']
		]
	},
	'test/sql/copy/csv/test_comment_option.test#L23': {
		reason:
			'`#` lines above the header are preamble; below it they are rows Flywheel rejects and lists (README Rows)',
		withHeader: true,
		rows: [
			['a', 'b'],
			['# This is also a baddy', null],
			['1', '3'],
			['6', '7'],
			['# You better skip me', null]
		]
	},
	'test/sql/copy/csv/test_comment_midline.test#L63': {
		reason:
			'a `#` after data is text, not a comment: `3#5` is kept (a rejected cell, not a silent 3) and the row is 3 wide',
		rows: [
			['1', '3#5', '7'],
			['6', '7', null]
		]
	},
	'test/sql/copy/csv/test_comment_midline.test#L75': {
		reason:
			'a `#` after data is text, not a comment: `3#5` is kept (a rejected cell, not a silent 3); `;7` is an extra field',
		rows: [
			['1', '3#5'],
			['6', '7#test']
		],
		tooManyFields: [3]
	},
	'test/sql/copy/csv/auto/test_csv_auto.test#L72': {
		reason:
			'10/08/2008 reads both ways: Flywheel assumes month first and says so (README Dates); DuckDB picks day first',
		rows: [['919 304 6161', '2008-10-08']]
	},
	'test/sql/copy/csv/test_read_csv.test#L54': {
		reason:
			'05/06/2019 reads both ways: Flywheel assumes month first and says so (README Dates); DuckDB picks day first',
		rows: [['2019-05-06']]
	},
	'test/sql/copy/csv/test_encodings.test_slow#L223': {
		reason: 'header = 0 forced; the first row of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/test_encodings.test_slow#L117': {
		reason: 'header = 0 forced; the first row of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/test_encodings.test_slow#L213': {
		reason: 'header = 0 forced; the first row of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/parallel/test_parallel_csv.test#L27': {
		reason:
			'header = false forced; the first row of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/null_terminator.test#L9': {
		reason: 'header = 0 forced; a one-line file of text cells is a header to Flywheel (README §3)',
		withHeader: true
	},
	'test/sql/copy/csv/test_auto_detection_headers.test#L5': {
		reason:
			"delim = ';' forced; the file's only delimiter is `,`, which Flywheel (like DuckDB's sniffer) infers",
		rows: [['68', '527.00']]
	},
	'test/sql/copy/csv/test_column_inconsistencies.test#L33': {
		reason:
			'one row has 5 fields: DuckDB falls back to one column, Flywheel keeps the commas and rejects that row',
		rows: [
			['1', '2', '3', '4'],
			['2', '2', '3', '4'],
			['3', '2', '3', '4'],
			['4', '2', '3', '4'],
			['5', '2', '3', '4']
		],
		tooManyFields: [3]
	},
	'test/sql/copy/csv/inconsistent_cells_error.test#L5': {
		reason:
			"rows with fewer fields than the data are rows Flywheel rejects and lists; DuckDB's sniffer skips them",
		rows: [
			['1', '2', '3', '4', null],
			['1', '2', '3', null, null],
			['1', '2', '3', '4', '5'],
			['1', '2', '3', '4', '5']
		]
	},
	'test/sql/copy/csv/test_csv_timestamp_tz.test#L60': {
		reason: 'time-zone offsets are not applied: the clock time as written is kept (README Dates)',
		rows: [
			['2020-01-01 00:00:00', 'midnight local'],
			['2020-01-01 00:00:00', 'midnight in San Francisco'],
			['2020-01-01 00:00:00', 'midnight UTC +00'],
			['2020-01-01 00:00:00', 'midnight UTC Z'],
			['2020-01-01 00:00:00', 'midnight in Taipei'],
			['2020-01-01 00:00:00', 'Asia/Kolkata'],
			['2020-01-01 00:00:00', 'Pacific/Chatham'],
			['2020-01-01 00:00:00', 'Canada/Newfoundland']
		]
	},
	'test/sql/copy/csv/test_csv_timestamp_tz.test#L78': {
		reason:
			'the clock time as written is kept (README Dates); a zone name (EST) is not read: that row is not a date',
		rows: [
			['1', '2021-05-25 04:55:03.382494'],
			['2', '2021-05-25 04:55:03.382494 EST']
		]
	}
};

/** Per README: an empty cell, and a NULL spelling (`NA`, `-`, ...), is no data, like DuckDB's NULL. */
function normalise(cell: Cell): Cell {
	return cell === null || isNullSpelling(cell) ? null : cell;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** How DuckDB prints a DATE or TIMESTAMP value (`+00` when it is a TIMESTAMPTZ). */
const DUCKDB_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?(\+00)?)?$/;

function sameCell(flywheel: Cell, duckdb: Cell): boolean {
	const a = normalise(flywheel);
	const b = normalise(duckdb);
	if (a === b) return true;
	if (a === null || b === null) return false;
	if (NUMBER.test(a.trim()) && NUMBER.test(b)) return Number(a) === Number(b);
	// A date column holds the day Flywheel reads (see `asDates`); DuckDB's DATE shows only the day.
	if (DUCKDB_DATE.test(a) && DUCKDB_DATE.test(b)) return b.length === 10 && a.startsWith(b);
	return false;
}

function sameRows(flywheel: Cell[][], duckdb: Cell[][], prefixOnly: boolean): boolean {
	if (prefixOnly ? flywheel.length < duckdb.length : flywheel.length !== duckdb.length)
		return false;
	return duckdb.every((row, r) => {
		const got = flywheel[r] ?? [];
		return got.length === row.length && row.every((cell, c) => sameCell(got[c] ?? null, cell));
	});
}

function sortRows(rows: Cell[][]): Cell[][] {
	return [...rows].sort((x, y) => (x.join('\t') < y.join('\t') ? -1 : 1));
}

/**
 * DuckDB types a date column and prints it as ISO. In each column where the compared rows hold
 * such dates, Flywheel's date text is replaced by the timestamp Flywheel's own rules read from it
 * (`dates.ts`: the column's day/month order, its formats, `timestampSql`), so the comparison is of
 * the dates loaded, not of their spelling.
 */
async function asDates(
	engine: Engine,
	table: ParsedTable,
	rows: Cell[][],
	want: Cell[][]
): Promise<Cell[][]> {
	const out = rows.map((row) => [...row]);
	for (let c = 0; c < table.columns.length; c++) {
		if (!want.some((row) => DUCKDB_DATE.test(row[c] ?? ''))) continue;
		const texts = [...new Set(rows.map((row) => row[c]?.trim() ?? ''))].filter(
			(t) => looksLikeDate(t) && !DUCKDB_DATE.test(t)
		);
		if (texts.length === 0) continue;
		const column = table.rows.map((row) => row[c] ?? '');
		const formats = dateFormats(decideDateOrder(column), isDateName(table.columns[c] ?? ''));
		const result = await engine.query(
			`SELECT v, CAST(${timestampSql('v', formats)} AS VARCHAR) AS ts FROM (VALUES ${texts.map((t) => `(${literal(t)})`).join(', ')}) t(v)`
		);
		const read = new Map(
			(result.columns['v'] ?? []).map((v, i) => [v as string, result.columns['ts']?.[i] as Cell])
		);
		for (const row of out) {
			const ts = read.get(row[c]?.trim() ?? '');
			if (ts) row[c] = ts;
		}
	}
	return out;
}

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});

const selected: { record: DuckdbRecord; file: string; id: string }[] = [];
const skipped = new Map<string, number>();
const optionsSkipped = new Map<string, number>();
const ids = new Map<string, number>();
for (const record of RECORDS) {
	const s = select(record);
	if ('skip' in s) {
		const option = /^DuckDB option (\w+)/.exec(s.skip)?.[1];
		const reason = option ? 'DuckDB-specific option' : s.skip;
		skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
		if (option) optionsSkipped.set(option, (optionsSkipped.get(option) ?? 0) + 1);
		continue;
	}
	const n = (ids.get(record.source) ?? 0) + 1;
	ids.set(record.source, n);
	selected.push({
		record,
		file: s.file,
		id: `${record.source.replace('duckdb/duckdb:', '')}${n > 1 ? ` (${n})` : ''}`
	});
}

/** Change only with the selection rule, and say why in the commit: the README quotes it. */
const SELECTED_COUNT = 56;

const outcome = { matching: 0, differing: 0, unsupported: 0 };
afterAll(async () => {
	console.log(
		`DuckDB expectations: ${RECORDS.length} records, ${selected.length} selected (${outcome.matching} match, ${outcome.differing} documented differences, ${outcome.unsupported} in unsupported.ts); skipped: ${JSON.stringify(Object.fromEntries(skipped))}; options that excluded a record: ${JSON.stringify(Object.fromEntries(optionsSkipped))}`
	);
	await engine.close();
});

describe("DuckDB's expected rows for files read with default options", () => {
	it('selects the records the rule above describes', () => {
		expect(RECORDS.length).toBe(674);
		expect(selected.length).toBe(SELECTED_COUNT);
		const selectedIds = new Set(selected.map((s) => s.id));
		for (const id of Object.keys(DIFFERENCES)) expect(selectedIds, id).toContain(id);
	});

	for (const { record, file, id } of selected) {
		const name = `duckdb/${file}`;
		const difference = DIFFERENCES[id];
		const title = `${id}: ${record.sql.replace(/\s+/g, ' ')}${difference ? ` (differs: ${difference.reason})` : ''}`;
		if (isUnsupported(name)) {
			outcome.unsupported++;
			it.skip(title, () => {});
			continue;
		}
		it(title, async () => {
			const table = await parseTable(engine, name, readFileSync(path.join(BAD_INPUT, name)));
			const rowsort = record.kind.includes('rowsort');
			const order = (rows: Cell[][]) => (rowsort ? sortRows(rows) : rows);
			const duckdb = order(expectedRows(record));
			const prefixOnly = record.expected.length >= TRUNCATED_AT;
			const got = order(await asDates(engine, table, table.rows, duckdb));
			if (!difference) {
				expect(got, 'Flywheel reads the rows DuckDB expects').toEqual(
					sameRows(got, duckdb, prefixOnly) ? got : duckdb
				);
				outcome.matching++;
				return;
			}
			expect(
				sameRows(got, duckdb, prefixOnly),
				'still differs from DuckDB (else drop the entry)'
			).toBe(false);
			const want = order(difference.rows ?? duckdb);
			const records =
				difference.withHeader && table.headerLine > 0 ? [table.header, ...table.rows] : table.rows;
			const flywheel = order(await asDates(engine, table, records, want));
			expect(flywheel, difference.reason).toEqual(
				sameRows(flywheel, want, false) ? flywheel : want
			);
			if (difference.tooManyFields) expect(table.tooManyFields).toEqual(difference.tooManyFields);
			outcome.differing++;
		});
	}
});
