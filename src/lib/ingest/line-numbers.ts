/**
 * Physical line numbers for staged records. The common case is pure arithmetic in SQL (one line
 * per record); only files with blank lines, quoted newlines or unreadable records pay for a
 * JavaScript pass that finds where each record starts.
 */
import { ident } from '../engine/sql';
import type { Engine } from '../engine/types';
import { recordStartLines, scanLines, scanLinesInChunks } from './records';
import type { StagedTable } from './read-table';

const LF = 10;
const CR = 13;

export interface LineNumbering {
	/** SQL for the physical line of a staging row (`s.record` is its 1-based record number). */
	lineSql: string;
	/** A table to join on `record` when `lineSql` reads `l.line`, or null. */
	table: string | null;
	/** Reader errors with their physical line. */
	readerErrorLines: { line: number | null; message: string }[];
	/** Set when records could not be matched to lines exactly. */
	approximate: boolean;
}

/** The 1-based line holding each byte position, in one pass over the bytes. */
function linesAt(bytes: Uint8Array, positions: (number | null)[]): (number | null)[] {
	const order = positions
		.map((position, index) => ({ position, index }))
		.filter((p): p is { position: number; index: number } => p.position !== null)
		.sort((a, b) => a.position - b.position);
	const lines: (number | null)[] = positions.map(() => null);
	let line = 1;
	let i = 0;
	for (const { position, index } of order) {
		const end = Math.min(position, bytes.length);
		for (; i < end; i++) {
			const c = bytes[i];
			if (c === LF || (c === CR && bytes[i + 1] !== LF)) line++;
		}
		lines[index] = line;
	}
	return lines;
}

export async function numberLines(
	engine: Engine,
	bytes: Uint8Array,
	staged: StagedTable,
	delimiter: string,
	firstDataLine: number
): Promise<LineNumbering> {
	const errorLines = linesAt(
		bytes,
		staged.readerErrors.map((e) => e.bytePosition)
	);
	const readerErrorLines = staged.readerErrors.map((e, i) => ({
		line: errorLines[i] ?? null,
		message: e.message
	}));
	// In slices with a pause every few, so counting a large file's lines is no long main-thread
	// task; the same result as one `scanLines` over the bytes (which it only falls back to if
	// they could not be read, as bytes in memory always can).
	const scan = (await scanLinesInChunks(bytes)) ?? scanLines(bytes);
	const simple =
		staged.readerErrors.length === 0 &&
		!scan.blankLines &&
		scan.lines === firstDataLine - 1 + staged.records;
	if (simple) {
		return {
			lineSql: `(s.record + ${firstDataLine - 1})`,
			table: null,
			readerErrorLines,
			approximate: false
		};
	}
	let starts = Array.from(recordStartLines(bytes, delimiter, 0)).filter((l) => l >= firstDataLine);
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
	const approximate = starts.length !== staged.records;
	const table = `${staged.table}_lines`;
	await engine.query(`CREATE OR REPLACE TEMP TABLE ${ident(table)} (record BIGINT, line BIGINT)`);
	const chunk = 50_000;
	for (let i = 0; i < starts.length; i += chunk) {
		const values = starts
			.slice(i, i + chunk)
			.map((line, j) => `(${i + j + 1},${line})`)
			.join(',');
		await engine.query(`INSERT INTO ${ident(table)} VALUES ${values}`);
	}
	return { lineSql: 'l.line', table, readerErrorLines, approximate };
}
