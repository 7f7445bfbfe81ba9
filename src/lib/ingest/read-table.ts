/**
 * The bulk read: DuckDB's own CSV reader loads every record of the file as text into a staging
 * table (`record` numbers them in file order), with the dialect sniffed in JavaScript. Values are
 * parsed later in SQL, so nothing is lost to DuckDB's type guesses.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { lineStart } from './record-starts';
import type { Delimiter } from './types';

/** Extra columns declared past the header, so a row with too many fields is seen, not cut. */
export const EXTRA_COLUMNS = 4;

/** Rows wider than this are left to DuckDB's lenient mode (rejected as unreadable). */
const MAX_COLUMNS = 2000;

/**
 * DuckDB's `nullstr`, set to text no real cell holds: an empty field then stays '' and only a
 * field missing from a short row (`null_padding`) is null, so the two can be told apart.
 */
const EMPTY_FIELD = '\u0001\u0002';

export interface ReadOptions {
	/** Name the file was registered under. */
	file: string;
	delimiter: Delimiter;
	/** Records and blank lines before the first data record. */
	skip: number;
	/** Number of columns the header has. */
	width: number;
	/** The widest record seen in the sample: wider rows are read, then rejected in SQL. */
	widestRecord?: number;
}

export interface StagedTable {
	table: string;
	/** Staging column for the header column at each position: c0, c1, ... */
	columns: string[];
	/** Columns past the header, non-null when a row had too many fields. */
	extraColumns: string[];
	records: number;
	/** Records DuckDB could not read (broken quotes, invalid text), with its message. */
	readerErrors: { bytePosition: number | null; line: number | null; message: string }[];
}

export type Strictness = 'strict' | 'skip bad rows' | 'lenient quotes';

export function readCsvSql(
	options: ReadOptions,
	columns: string[],
	strictness: Strictness
): string {
	const lenient = strictness !== 'strict';
	const lenientOptions = lenient
		? `, ignore_errors = true, store_rejects = true, rejects_table = 'flywheel_reject_errors', rejects_scan = 'flywheel_reject_scans'${strictness === 'lenient quotes' ? ', strict_mode = false' : ''}`
		: '';
	return readSql(
		options,
		columns.map((c) => [c, 'VARCHAR']),
		`null_padding = true, nullstr = ${literal(EMPTY_FIELD)}${lenientOptions}`
	);
}

export type ReadType = 'VARCHAR' | 'DOUBLE';

/**
 * The fast path's read (see `tryFastLoad`): exactly the header's columns, so a row too short or
 * too long is an error (one trailing empty field is allowed); the reader itself parses the
 * `DOUBLE` columns, with the same rules as `CAST(text AS DOUBLE)` (a text it cannot read is an
 * error too); an empty field is null.
 */
export function typedReadSql(
	options: Pick<ReadOptions, 'file' | 'delimiter' | 'skip'>,
	columns: [string, ReadType][]
): string {
	return readSql(options, columns, `nullstr = ''`);
}

function readSql(
	options: Pick<ReadOptions, 'file' | 'delimiter' | 'skip'>,
	columns: [string, ReadType][],
	more: string
): string {
	const spec = columns.map(([c, type]) => `${literal(c)}: '${type}'`).join(', ');
	return `read_csv(${literal(options.file)}, auto_detect = false, header = false, delim = ${literal(options.delimiter)}, quote = '"', escape = '"', skip = ${options.skip}, columns = {${spec}}, ${more}, parallel = false)`;
}

/** Reads a registered file into `table`; a file DuckDB cannot read strictly is read leniently. */
export async function stageFile(
	engine: Engine,
	table: string,
	options: ReadOptions
): Promise<StagedTable> {
	const columns = Array.from({ length: options.width }, (_, i) => `c${i}`);
	// Rows wider than the header are read in full and rejected in SQL: DuckDB's lenient mode is
	// slow when many rows are wider, so a wider row found by the strict read widens the table.
	let extra = Math.max(0, (options.widestRecord ?? 0) - options.width) + EXTRA_COLUMNS;
	const extraNames = () => Array.from({ length: extra }, (_, i) => `c${options.width + i}`);
	const create = (strictness: Strictness) =>
		`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT row_number() OVER () AS record, * FROM ${readCsvSql(options, [...columns, ...extraNames()], strictness)}`;
	let readerErrors: StagedTable['readerErrors'] = [];
	try {
		for (;;) {
			try {
				// The file's one long read: DuckDB's own progress moves the upload's bar.
				await engine.query(create('strict'), undefined, { reportProgress: true });
				break;
			} catch (error) {
				const found = /Expected Number of Columns: \d+ Found: (\d+)/.exec(String(error));
				const wider = Number(found?.[1] ?? 0);
				if (wider <= options.width + extra || wider > MAX_COLUMNS) throw error;
				extra = Math.min(MAX_COLUMNS, wider * 2) - options.width;
			}
		}
	} catch (strictError) {
		if (!isCsvError(strictError)) throw strictError;
		await readLeniently(engine, create);
		const rejects = await engine.query(
			// One entry per record: DuckDB may report several errors for the same one.
			`SELECT min(byte_position) AS byte_position, line, first(error_message ORDER BY byte_position) AS error_message
			FROM flywheel_reject_errors GROUP BY line ORDER BY min(byte_position)`
		);
		readerErrors = (rejects.columns['error_message'] ?? []).map((message, i) => ({
			bytePosition: (rejects.columns['byte_position']?.[i] as number | null) ?? null,
			line: (rejects.columns['line']?.[i] as number | null) ?? null,
			message: firstLine(String(message))
		}));
		await engine.query('DROP TABLE IF EXISTS flywheel_reject_errors');
		await engine.query('DROP TABLE IF EXISTS flywheel_reject_scans');
	}
	const count = await engine.query(`SELECT count(*) AS n FROM ${ident(table)}`);
	return {
		table,
		columns,
		extraColumns: extraNames(),
		records: Number(count.columns['n']?.[0] ?? 0),
		readerErrors
	};
}

/** What `stageData` reads, beyond `stageFile`'s options. */
export interface DataStart {
	/** The bytes registered as `file`, as DuckDB reads them (UTF-8). */
	data: Blob | Uint8Array;
	/** The physical line of the first data record. */
	firstDataLine: number;
	/** Data records the sample holds: at least that many must come back. */
	sampleRecords: number;
}

/**
 * `stageFile`, checked against the sample: DuckDB's `skip` can lose every record after lines it
 * reads differently from Flywheel (a lone CR, a NUL byte or a stray quote above the data), and
 * then returns no rows and no error. When fewer records come back than the sample holds, the file
 * is registered again from its first data line on (a slice, not a copy) and read with no `skip`;
 * reader errors' byte positions stay positions in the whole file.
 */
export async function stageData(
	engine: Engine,
	table: string,
	options: ReadOptions & DataStart
): Promise<StagedTable> {
	const staged = await stageFile(engine, table, options);
	if (options.skip === 0 || staged.records + staged.readerErrors.length >= options.sampleRecords)
		return staged;
	const offset = await lineStart(options.data, options.firstDataLine);
	if (offset === null) return staged;
	const { data } = options;
	const rest = data instanceof Uint8Array ? data.subarray(offset) : data.slice(offset);
	await engine.dropFile(options.file);
	await engine.registerFile(options.file, rest);
	const again = await stageFile(engine, table, { ...options, skip: 0 });
	for (const error of again.readerErrors)
		if (error.bytePosition !== null) error.bytePosition += offset;
	return again;
}

/** Skips the rows DuckDB cannot read; if its reader still gives up, so does the file, clearly. */
async function readLeniently(engine: Engine, create: (s: Strictness) => string): Promise<void> {
	try {
		await engine.query(create('skip bad rows'));
	} catch {
		try {
			await engine.query(create('lenient quotes'));
		} catch (error) {
			throw new Error(
				`This file could not be read as CSV (${firstLine(error instanceof Error ? error.message : String(error)).replace(/^[A-Za-z ]+Error: /, '')})`,
				{ cause: error }
			);
		}
	}
}

function firstLine(message: string): string {
	return message.split('\n')[0] ?? message;
}

/** Errors about the file's content (as opposed to a broken engine) are worth a lenient retry. */
export function isCsvError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /CSV Error|Invalid Input Error|Invalid unicode|Conversion Error/i.test(message);
}
