/**
 * Physical line numbers for staged records. The common case is pure arithmetic in SQL (one line
 * per record); only files with blank lines, quoted newlines or unreadable records pay for a
 * JavaScript pass that finds where each record starts. Every pass reads the file a slice at a
 * time (a Blob is never held whole) and pauses as it goes.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { Pacer } from './pacing';
import { linesAt, recordStarts } from './record-starts';
import { scanLinesInChunks } from './records';
import type { StagedTable } from './read-table';

export interface LineNumbering {
	/** SQL for the physical line of a staging row (`s.record` is its 1-based record number). */
	lineSql: string;
	/** A table to join on `record` when `lineSql` reads `l.line`, or null. */
	table: string | null;
	/** Reader errors with their physical line. */
	readerErrorLines: { line: number | null; message: string }[];
	/** Set when records could not be matched to lines exactly. */
	approximate: boolean;
	/** The last record, when its quote is never closed and DuckDB read it anyway: it is rejected. */
	openQuote: { recordLine: number; reason: string } | null;
}

/**
 * A table of each record's line, read by DuckDB from the lines as text: a million records load
 * in a fraction of a second, where INSERT statements of literal values took about a second per
 * 50,000 (the SQL text itself is the cost).
 */
async function createLineTable(engine: Engine, table: string, starts: number[]): Promise<void> {
	await engine.query(`CREATE OR REPLACE TEMP TABLE ${ident(table)} (record BIGINT, line BIGINT)`);
	if (starts.length === 0) return;
	const pacer = new Pacer();
	const parts: string[] = [];
	for (let i = 0; i < starts.length; i += 100_000) {
		parts.push(starts.slice(i, i + 100_000).join('\n'));
		await pacer.pause();
	}
	const file = `${table}.csv`;
	await engine.registerFile(file, parts.join('\n') + '\n');
	try {
		// One column read in file order (`parallel = false`), so row_number() is the record.
		await engine.query(`INSERT INTO ${ident(table)} SELECT row_number() OVER () AS record, line
			FROM read_csv(${literal(file)}, auto_detect = false, header = false, columns = {'line': 'BIGINT'}, parallel = false)`);
	} finally {
		await engine.dropFile(file);
	}
}

/**
 * `onProgress` follows the work, from 0 to 1: counting the lines is the first 30 %, finding each
 * record's line (only when records are not one per line) the next 60 %.
 */
export async function numberLines(
	engine: Engine,
	data: Blob | Uint8Array,
	staged: StagedTable,
	delimiter: string,
	firstDataLine: number,
	onProgress: (fraction: number) => void = () => {}
): Promise<LineNumbering> {
	const errorLines = await linesAt(
		data,
		staged.readerErrors.map((e) => e.bytePosition)
	);
	const readerErrorLines = staged.readerErrors.map((e, i) => ({
		line: errorLines[i] ?? null,
		message: e.message
	}));
	// In slices with a pause every few, so counting a large file's lines is no long main-thread
	// task; the same result as one `scanLines` over the bytes. Null only for a Blob that can no
	// longer be read, which DuckDB has just read.
	const scan = await scanLinesInChunks(data);
	if (!scan) throw new Error('The file could not be read again: was it changed or moved?');
	onProgress(0.3);
	const simple =
		staged.readerErrors.length === 0 &&
		!scan.blankLines &&
		scan.lines === firstDataLine - 1 + staged.records;
	if (simple) {
		return {
			lineSql: `(s.record + ${firstDataLine - 1})`,
			table: null,
			readerErrorLines,
			approximate: false,
			openQuote: null
		};
	}
	const found = await recordStarts(data, delimiter, 0, (done, total) =>
		onProgress(0.3 + (0.6 * done) / total)
	);
	let starts = found.starts.filter((l) => l >= firstDataLine);
	if (readerErrorLines.length > 0) {
		// A record DuckDB could not read is not in the staging table: drop its start line too.
		const broken = new Set<number>();
		for (const { line } of readerErrorLines) {
			if (line === null) continue;
			// Binary search: the last record starting at or before the error's line.
			let lo = 0;
			let hi = starts.length - 1;
			let owner = -1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if ((starts[mid] as number) <= line) {
					owner = starts[mid] as number;
					lo = mid + 1;
				} else hi = mid - 1;
			}
			if (owner >= 0) broken.add(owner);
		}
		starts = starts.filter((s) => !broken.has(s));
	}
	const last = starts[starts.length - 1];
	const openQuote =
		found.openQuoteLine !== null && last !== undefined
			? {
					recordLine: last,
					reason: `the quote opened on line ${found.openQuoteLine} is never closed`
				}
			: null;
	if (openQuote && starts.length === staged.records + 1) {
		// DuckDB's strict read drops a last record whose quote never closes, without an error.
		readerErrorLines.push({ line: openQuote.recordLine, message: openQuote.reason });
		starts = starts.slice(0, -1);
	}
	const approximate = starts.length !== staged.records;
	const table = `${staged.table}_lines`;
	await createLineTable(engine, table, starts);
	onProgress(1);
	const read = openQuote !== null && starts.length === staged.records;
	return {
		lineSql: 'l.line',
		table,
		readerErrorLines,
		approximate,
		openQuote: read ? openQuote : null
	};
}
