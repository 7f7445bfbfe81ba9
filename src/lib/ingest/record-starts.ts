/**
 * Lines in a whole file, for files whose records are not one per line (blank lines, quoted
 * newlines) or that DuckDB could not read in full: where each record starts (by the same rules
 * as `splitRecords`), and the line of a byte position. Each is one pass over the file a slice
 * at a time (a Blob is never held whole), paused every few milliseconds so that a large file is
 * no long main-thread task. No byte looks at the next one, so slices may end anywhere: a CR, or
 * a quote inside quotes, waits for the next byte to say what it was.
 */
import { slicesOf, type BytesDone } from './pacing';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The physical start line of every record in the file, from record `firstRecord` (0-based) on.
 * `onBytes` follows the bytes scanned.
 */
export async function recordStartLines(
	data: Blob | Uint8Array,
	delimiter: string,
	firstRecord: number,
	onBytes?: BytesDone
): Promise<number[]> {
	return (await recordStarts(data, delimiter, firstRecord, onBytes)).starts;
}

export interface RecordStarts {
	starts: number[];
	/** The line of a quote that is never closed (the file's last record runs to its end), or null. */
	openQuoteLine: number | null;
}

/** `recordStartLines`, and where a quote left open at the end of the file was opened. */
export async function recordStarts(
	data: Blob | Uint8Array,
	delimiter: string,
	firstRecord: number,
	onBytes?: BytesDone
): Promise<RecordStarts> {
	let quoteLine = 0;
	const delim = delimiter.charCodeAt(0);
	const starts: number[] = [];
	let inQuotes = false;
	/** Inside quotes, a quote was read: a second one makes `""`, anything else closes the field. */
	let quoteInQuotes = false;
	/** The byte before was a CR, already counted as a line end: an LF now belongs to it. */
	let afterCR = false;
	let line = 1;
	let atRecordStart = true;
	let recordIndex = 0;
	let fieldStart = true;
	for await (const bytes of slicesOf(data, onBytes)) {
		for (let i = 0; i < bytes.length; i++) {
			const c = bytes[i] as number;
			const crlf = afterCR && c === LF;
			afterCR = c === CR;
			if (quoteInQuotes) {
				quoteInQuotes = false;
				if (c === QUOTE) continue;
				inQuotes = false;
			}
			if (inQuotes) {
				if (c === QUOTE) quoteInQuotes = true;
				else if (c === CR || (c === LF && !crlf)) line++;
				continue;
			}
			if (c === LF || c === CR) {
				if (!crlf) line++;
				atRecordStart = true;
				fieldStart = true;
				continue;
			}
			if (atRecordStart) {
				if (recordIndex >= firstRecord) starts.push(line);
				recordIndex++;
				atRecordStart = false;
			}
			if (c === QUOTE && fieldStart) {
				inQuotes = true;
				quoteLine = line;
			}
			fieldStart = c === delim;
		}
	}
	// A quote read last closes its field; one still open runs to the end of the file.
	return { starts, openQuoteLine: inQuotes && !quoteInQuotes ? quoteLine : null };
}

/** The 1-based line holding each byte position (null stays null), reading only up to the last. */
export async function linesAt(
	data: Blob | Uint8Array,
	positions: (number | null)[]
): Promise<(number | null)[]> {
	const order = positions
		.map((position, index) => ({ position, index }))
		.filter((p): p is { position: number; index: number } => p.position !== null)
		.sort((a, b) => a.position - b.position);
	const lines: (number | null)[] = positions.map(() => null);
	const last = order[order.length - 1]?.position;
	if (last === undefined) return lines;
	let line = 1;
	/** A CR is a line end of its own unless an LF follows (then the LF is): the next byte says. */
	let pendingCR = false;
	let at = 0;
	let next = 0;
	const settle = (position: number) => {
		for (; next < order.length && (order[next]?.position ?? 0) <= position; next++)
			lines[order[next]?.index ?? 0] = line;
	};
	// One byte past the last position, to know whether a CR right before it ends a line.
	for await (const bytes of slicesOf(data, undefined, Math.min(last + 1, sizeOf(data)))) {
		for (let i = 0; i < bytes.length; i++, at++) {
			const c = bytes[i] as number;
			if (pendingCR && c !== LF) line++;
			pendingCR = c === CR;
			settle(at);
			if (c === LF) line++;
		}
	}
	if (pendingCR) line++;
	settle(Infinity);
	return lines;
}

/**
 * The byte position where physical line `line` (1-based) starts, or null when the data has fewer
 * lines. CR, LF and CRLF each end a line, quoted or not, as in `linesAt`.
 */
export async function lineStart(data: Blob | Uint8Array, line: number): Promise<number | null> {
	if (line <= 1) return 0;
	let current = 1;
	let pendingCR = false;
	let at = 0;
	for await (const bytes of slicesOf(data)) {
		for (let i = 0; i < bytes.length; i++, at++) {
			const c = bytes[i] as number;
			if (pendingCR) {
				pendingCR = false;
				if (++current === line) return c === LF ? at + 1 : at;
				if (c === LF) continue;
			}
			if (c === CR) pendingCR = true;
			else if (c === LF && ++current === line) return at + 1;
		}
	}
	return pendingCR && current + 1 === line ? at : null;
}

function sizeOf(data: Blob | Uint8Array): number {
	return data instanceof Uint8Array ? data.byteLength : data.size;
}
