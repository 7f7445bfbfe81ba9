/**
 * Splitting CSV text into records the way DuckDB's reader does (RFC 4180 quotes, `""` inside
 * quotes, CR, LF and CRLF line ends, blank lines skipped), keeping each record's 1-based physical
 * line. Used on the sample for sniffing; over a whole file, `record-starts.ts` follows the same
 * rules a slice at a time.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface SampleRecord {
	fields: string[];
	/** 1-based physical line where the record starts. */
	line: number;
	/** Records and blank lines before this one: what DuckDB's `skip` counts. */
	rowsBefore: number;
}

/**
 * Records of a text sample. `complete` is false when the text was cut off, so the last
 * (possibly partial) record is dropped.
 */
export function splitRecords(text: string, delimiter: string, complete: boolean): SampleRecord[] {
	const records: SampleRecord[] = [];
	const delim = delimiter.charCodeAt(0);
	let fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let line = 1;
	let recordLine = 1;
	let empty = true;
	let rows = 0;
	const endRecord = () => {
		fields.push(field);
		if (!(empty && fields.length === 1 && field === ''))
			records.push({ fields, line: recordLine, rowsBefore: rows });
		rows++;
		fields = [];
		field = '';
		empty = true;
	};
	let afterClosingQuote = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inQuotes) {
			if (c === QUOTE) {
				if (text.charCodeAt(i + 1) === QUOTE) {
					field += '"';
					i++;
				} else {
					inQuotes = false;
					afterClosingQuote = true;
				}
			} else {
				if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
				field += text[i];
			}
			continue;
		}
		// Spaces between a closing quote and the delimiter are not part of the value.
		if (afterClosingQuote && (c === 32 || c === 9) && text.charCodeAt(i) !== delim) continue;
		afterClosingQuote = false;
		if (c === QUOTE && field === '') {
			inQuotes = true;
			empty = false;
		} else if (c === delim) {
			fields.push(field);
			field = '';
			empty = false;
		} else if (c === LF || c === CR) {
			if (c === CR && text.charCodeAt(i + 1) === LF) i++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			field += text[i];
			empty = false;
		}
	}
	if (complete && (!empty || field !== '' || fields.length > 0)) endRecord();
	return records;
}

/** Physical line count of a whole file and whether it has blank lines between records. */
export interface LineScan {
	/** Lines up to the last non-blank one (trailing blank lines are not counted). */
	lines: number;
	/** A line-end pair with nothing between (a blank line, or one inside a quoted field). */
	blankLines: boolean;
}

/** One pass over the bytes: cheap enough (tens of ms for 40 MB) to run on every file. */
export function scanLines(bytes: Uint8Array): LineScan {
	let lines = 1;
	let lastContentLine = 0;
	let previousWasLineEnd = true;
	let pendingBlank = false;
	let blankLines = false;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i] as number;
		if (c === LF || c === CR) {
			if (c === CR && bytes[i + 1] === LF) i++;
			if (previousWasLineEnd) pendingBlank = true;
			lines++;
			previousWasLineEnd = true;
		} else {
			// Blank lines only matter when a record follows them; trailing ones are harmless.
			if (pendingBlank) blankLines = true;
			pendingBlank = false;
			lastContentLine = lines;
			previousWasLineEnd = false;
		}
	}
	return { lines: lastContentLine, blankLines };
}

/** Bytes JavaScript holds at once when it scans a whole file: one slice of the Blob. */
export const LINE_CHUNK_BYTES = 1 << 20;

/**
 * `scanLines` over a file in slices, with the same result. A slice with no lone CR (LF or CRLF
 * line ends, nearly every file) is scanned with `indexOf`, which is several times faster than a
 * byte loop; any other slice takes the byte loop.
 */
class LineScanner {
	private lines = 1;
	private lastContentLine = 0;
	private previousWasLineEnd = true;
	private pendingBlank = false;
	private blankLines = false;
	/** The previous slice ended with a CR, already counted: an LF starting this one belongs to it. */
	private afterCR = false;

	push(bytes: Uint8Array): void {
		const start = this.afterCR && bytes[0] === LF ? 1 : 0;
		this.afterCR = false;
		if (this.onlyPairedCR(bytes)) this.scanFast(bytes, start);
		else this.scanBytes(bytes, start);
	}

	result(): LineScan {
		return { lines: this.lastContentLine, blankLines: this.blankLines };
	}

	/** Every CR in the slice is directly followed by an LF (a CR at the very end is not sure). */
	private onlyPairedCR(bytes: Uint8Array): boolean {
		for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1))
			if (i + 1 >= bytes.length || bytes[i + 1] !== LF) return false;
		return true;
	}

	private content(): void {
		if (this.pendingBlank) this.blankLines = true;
		this.pendingBlank = false;
		this.lastContentLine = this.lines;
		this.previousWasLineEnd = false;
	}

	private lineEnd(): void {
		if (this.previousWasLineEnd) this.pendingBlank = true;
		this.lines++;
		this.previousWasLineEnd = true;
	}

	private scanFast(bytes: Uint8Array, start: number): void {
		for (let i = start; ;) {
			const lf = bytes.indexOf(LF, i);
			const stop = lf < 0 ? bytes.length : lf;
			// A CR right before the LF is part of a CRLF line end, not content.
			const end = lf > i && bytes[lf - 1] === CR ? lf - 1 : stop;
			if (end > i) this.content();
			if (lf < 0) return;
			this.lineEnd();
			i = lf + 1;
		}
	}

	private scanBytes(bytes: Uint8Array, start: number): void {
		for (let i = start; i < bytes.length; i++) {
			const c = bytes[i] as number;
			if (c === LF || c === CR) {
				if (c === CR) {
					if (i + 1 >= bytes.length) this.afterCR = true;
					else if (bytes[i + 1] === LF) i++;
				}
				this.lineEnd();
			} else this.content();
		}
	}
}

/** Lets the event loop run (rendering, input) between slices of work on the main thread. */
function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `scanLines` of a Blob or bytes, one `LINE_CHUNK_BYTES` slice at a time: a Blob is never held
 * whole, and no slice keeps the main thread busy for more than a few milliseconds. Null when the
 * Blob cannot be read (a file changed or removed on disk). `watch` sees every slice after it is
 * counted, so another check of the bytes costs no second read.
 */
export async function scanLinesInChunks(
	data: Blob | Uint8Array,
	watch?: (slice: Uint8Array) => void
): Promise<LineScan | null> {
	const scanner = new LineScanner();
	const size = data instanceof Uint8Array ? data.byteLength : data.size;
	try {
		if (data instanceof Uint8Array) {
			for (let at = 0; at < size; at += LINE_CHUNK_BYTES) {
				const slice = data.subarray(at, at + LINE_CHUNK_BYTES);
				scanner.push(slice);
				watch?.(slice);
				// Bytes in memory scan at several hundred MB/s: yield every 8 slices or so.
				if ((at / LINE_CHUNK_BYTES) % 8 === 7) await nextTask();
			}
		} else {
			const read = (at: number) =>
				at < size ? data.slice(at, at + LINE_CHUNK_BYTES).arrayBuffer() : null;
			// The next slice is read while this one is scanned.
			let next = read(0);
			for (let at = 0; next; at += LINE_CHUNK_BYTES) {
				const bytes = new Uint8Array(await next);
				next = read(at + LINE_CHUNK_BYTES);
				scanner.push(bytes);
				watch?.(bytes);
			}
		}
	} catch {
		return null;
	}
	return scanner.result();
}
