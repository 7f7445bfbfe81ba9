/**
 * Files that cannot load, refused with one sentence before anything is read into DuckDB: the
 * upload preview shows the same sentence and offers no Load. Each check looks at the file's size,
 * its first bytes or its mapping only.
 */
import type { Mapping } from './types';
/** A file that cannot be loaded at all; the message is for the user. */
export class UnreadableFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnreadableFileError';
	}
}

/** Magic bytes of files people rename or export by mistake, and what they are. */
const MAGIC: { bytes: number[]; what: string }[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
	{ bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive, as an Excel .xlsx workbook is' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook or another Office file' },
	{ bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
	{ bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
	{ bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive' },
	{ bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a], what: 'an xz archive' },
	{ bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' }
];

/**
 * Control bytes no text file holds (NUL, the C0 controls but TAB, LF, CR, and DEL): in a share
 * above this of the first 4 KB, the file is binary. Random bytes have about 12 %; DuckDB's fuzzed
 * CSV files, a few NULs in 10 KB, well under 1 %.
 */
const MAX_CONTROL_SHARE = 0.08;

/** Fewer bytes than this say too little: a short text with one stray NUL is still text. */
const MIN_BYTES_JUDGED = 512;

function isControl(byte: number): boolean {
	return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;
}

/** Why these first bytes are not text: what the magic bytes say it is, or null when it is text. */
export function binaryKind(head: Uint8Array): string | null {
	const magic = MAGIC.find((m) => m.bytes.every((b, i) => head[i] === b));
	if (magic) return magic.what;
	const n = Math.min(head.byteLength, 4096);
	let control = 0;
	for (let i = 0; i < n; i++) if (isControl(head[i] as number)) control++;
	return n >= MIN_BYTES_JUDGED && control > n * MAX_CONTROL_SHARE ? 'binary data' : null;
}

/** What `refuseUnloadable` looks at: the sample as read, and what the preview found in it. */
export interface ContentCheck {
	/** Bytes of the file (unpacked, when it was gzip and fitted the sample). */
	size: number;
	head: Uint8Array;
	gzip: boolean;
	/** The encoding: UTF-16 text has a NUL in every other byte, which is not binary. */
	utf16: boolean;
	/** The whole file fitted in the sample. */
	complete: boolean;
	text: string;
	headerLine: number;
	dataRows: number;
}

/**
 * Refuses, in one sentence, a file that cannot load whatever the mapping says: empty, not text,
 * or a header with no rows under it.
 */
export function refuseUnloadable(c: ContentCheck): void {
	if (c.size === 0)
		throw new UnreadableFileError(
			c.gzip ? 'The file is empty once unpacked.' : 'The file is empty (0 bytes).'
		);
	const kind = c.utf16 ? null : binaryKind(c.head);
	if (kind)
		throw new UnreadableFileError(
			kind !== 'binary data'
				? `This is not a text file: it looks like ${kind}${c.gzip ? ', compressed with gzip' : ''}.`
				: c.gzip
					? 'This is not a text file: it is gzip-compressed binary data, not CSV.'
					: 'This is not a text file: its first bytes are binary data, not CSV.'
		);
	if (!c.complete) return;
	if (c.text.trim() === '') throw new UnreadableFileError('The file holds only blank lines.');
	if (c.dataRows > 0) return;
	throw new UnreadableFileError(
		c.headerLine > 0 ? 'The file has a header but no data rows.' : 'The file has no data rows.'
	);
}

/**
 * Why a mapping cannot load its file, or null. The upload preview shows it and offers no Load
 * until the user's choices in the mapping editor fix it (a date column, a metric); a load with
 * it is refused with the same sentence.
 */
export function mappingProblem(mapping: Mapping): string | null {
	const has = (c: string | null) => c !== null && mapping.columns.includes(c);
	if (!has(mapping.dateColumn))
		return mapping.columns.length < 2
			? 'Found only one column: the file needs a date column and at least one value column.'
			: 'No column holds dates; choose the date column.';
	if (mapping.layout === 'long' && !(has(mapping.metricNameColumn) && has(mapping.valueColumn)))
		return 'A long file needs a metric-name column and a value column.';
	if (mapping.layout === 'wide' && mapping.metricColumns.filter(has).length === 0)
		return 'No column holds numbers to load as metrics.';
	return null;
}
