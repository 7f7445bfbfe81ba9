/**
 * The bulk read: DuckDB's own CSV reader loads every record of the file as text into a staging
 * table (`record` numbers them in file order), with the dialect sniffed in JavaScript. Values are
 * parsed later in SQL, so nothing is lost to DuckDB's type guesses.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { Delimiter } from './types';

/** Extra columns declared past the header, so a row with too many fields is seen, not cut. */
export const EXTRA_COLUMNS = 4;

/**
 * DuckDB reads an empty field as this instead of null, so a field missing from a short row (null,
 * from `null_padding`) can be told from an empty one. No real cell holds these control bytes.
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

function readCsvSql(options: ReadOptions, columns: string[], lenient: boolean): string {
	const spec = columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ');
	const lenientOptions = lenient
		? `, ignore_errors = true, store_rejects = true, rejects_table = 'flywheel_reject_errors', rejects_scan = 'flywheel_reject_scans'`
		: '';
	return `read_csv(${literal(options.file)}, auto_detect = false, header = false, delim = ${literal(options.delimiter)}, quote = '"', escape = '"', skip = ${options.skip}, columns = {${spec}}, null_padding = true, nullstr = ${literal(EMPTY_FIELD)}, parallel = false${lenientOptions})`;
}

/** Reads a registered file into `table`; a file DuckDB cannot read strictly is read leniently. */
export async function stageFile(
	engine: Engine,
	table: string,
	options: ReadOptions
): Promise<StagedTable> {
	const columns = Array.from({ length: options.width }, (_, i) => `c${i}`);
	const extraColumns = Array.from({ length: EXTRA_COLUMNS }, (_, i) => `c${options.width + i}`);
	const all = [...columns, ...extraColumns];
	const create = (lenient: boolean) =>
		`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT row_number() OVER () AS record, * FROM ${readCsvSql(options, all, lenient)}`;
	let readerErrors: StagedTable['readerErrors'] = [];
	try {
		await engine.query(create(false));
	} catch (strictError) {
		if (!isCsvError(strictError)) throw strictError;
		await engine.query(create(true));
		const rejects = await engine.query(
			`SELECT byte_position, line, error_message FROM flywheel_reject_errors ORDER BY byte_position`
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
		extraColumns,
		records: Number(count.columns['n']?.[0] ?? 0),
		readerErrors
	};
}

function firstLine(message: string): string {
	return message.split('\n')[0] ?? message;
}

/** Errors about the file's content (as opposed to a broken engine) are worth a lenient retry. */
export function isCsvError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /CSV Error|Invalid Input Error|Invalid unicode|Conversion Error/i.test(message);
}

export { EMPTY_FIELD };
