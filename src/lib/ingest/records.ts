/**
 * Splitting CSV text into records the way DuckDB's reader does (RFC 4180 quotes, `""` inside
 * quotes, CR, LF and CRLF line ends, blank lines skipped), keeping each record's 1-based physical
 * line. Used on the sample for sniffing, and on a whole file only when its line numbers cannot be
 * computed in SQL (blank lines between records, or reading errors DuckDB skipped).
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

/**
 * The physical start line of every record in the file, by the same rules as `splitRecords`.
 * Returns lines of records from `firstRecord` (0-based) on.
 */
export function recordStartLines(
	bytes: Uint8Array,
	delimiter: string,
	firstRecord: number
): Int32Array {
	const delim = delimiter.charCodeAt(0);
	const starts: number[] = [];
	let inQuotes = false;
	let line = 1;
	let atRecordStart = true;
	let recordIndex = 0;
	let fieldStart = true;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i] as number;
		if (inQuotes) {
			if (c === QUOTE) {
				if (bytes[i + 1] === QUOTE) i++;
				else inQuotes = false;
			} else if (c === LF || (c === CR && bytes[i + 1] !== LF)) line++;
			continue;
		}
		if (c === LF || c === CR) {
			if (c === CR && bytes[i + 1] === LF) i++;
			line++;
			atRecordStart = true;
			fieldStart = true;
			continue;
		}
		if (atRecordStart) {
			if (recordIndex >= firstRecord) starts.push(line);
			recordIndex++;
			atRecordStart = false;
		}
		if (c === QUOTE && fieldStart) inQuotes = true;
		fieldStart = c === delim;
	}
	return Int32Array.from(starts);
}
