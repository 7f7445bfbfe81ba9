/**
 * What ingest understood of a file, what the user may correct, and what it reports back. The
 * report is the same object the CLI prints with `flywheel inspect --json`.
 */

/**
 * Text encodings Flywheel decodes. Latin-1 files are decoded as windows-1252 (its superset);
 * Shift-JIS, EUC-KR and GB18030 (GBK's superset) are the legacy CJK encodings (`cjk.ts`).
 */
export type Encoding =
	'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis' | 'euc-kr' | 'gb18030';

export type Delimiter = ',' | ';' | '\t' | '|';

export type Layout = 'wide' | 'long';

/** Order of day, month and year in the file's numeric dates; ISO files are 'YMD'. */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';

/** One file to load: a browser File (a Blob) or bytes read from disk. */
export interface IngestInput {
	name: string;
	data: Blob | Uint8Array;
}

/**
 * How to read one file. `detectMapping` proposes one; the user may correct any field and pass it
 * back in `ingestFiles(engine, inputs, { mappings: { [fileName]: mapping } })`.
 */
export interface Mapping {
	encoding: Encoding;
	/** The file was gzip-compressed (detected from its first bytes, not its name). */
	gzip: boolean;
	delimiter: Delimiter;
	/** 1-based physical line of the header row; 0 when the file has no header row. */
	headerLine: number;
	/** Column names in file order, made unique (`Revenue`, `Revenue_2`) and trimmed. */
	columns: string[];
	layout: Layout;
	dateColumn: string;
	/** null until a date was seen; ambiguous numeric dates fall back to the rule in README.md. */
	dateOrder: DateOrder | null;
	/** '.' (1,234.5) or ',' (1.234,5); decimal commas are only considered in non-comma files. */
	decimalMark: '.' | ',';
	/** Wide layout: one metric per column. */
	metricColumns: string[];
	/** Long layout: the column holding the metric's name, and the one holding its value. */
	metricNameColumn: string | null;
	valueColumn: string | null;
	/** Text columns that split a metric (region, channel, Department). */
	segmentColumns: string[];
	/** Columns that are read but not loaded, with the reason in `notes`. */
	ignoredColumns: string[];
	/**
	 * What a wide file's day on more than one row means (`repeats.ts`): added up (the default),
	 * the first or the last row kept, or every such row rejected.
	 */
	repeats?: RepeatRule;
}

export type RepeatRule = 'sum' | 'first' | 'last' | 'reject';

/** A row (or one cell of a row) that was not loaded, and why. */
export interface RejectedRow {
	/** 1-based physical line in the file (a quoted newline makes a record span several lines). */
	line: number;
	/** The column whose cell was rejected, or null when the whole row was. */
	column: string | null;
	reason: string;
}

/** The same metric and segment values on the same dates in two files: kept once, from the first. */
export interface Conflict {
	metric: string;
	/** Segment values, e.g. { Department: 'Sales' }; empty for a metric without segments. */
	segments: Record<string, string | null>;
	/** The file already loaded that holds these observations. */
	otherFile: string;
	/** How many observations of this file were not loaded because the other file has them. */
	observations: number;
	firstDate: string;
	lastDate: string;
}

export interface FileReport {
	file: string;
	encoding: Encoding | null;
	delimiter: Delimiter | null;
	layout: Layout | null;
	dateColumn: string | null;
	dateOrder: DateOrder | null;
	/** Data records after the header (blank lines are not records). */
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** Whole rows rejected and single cells rejected (capped at MAX_REJECTED_LISTED). */
	rejected: RejectedRow[];
	/** More rejections than listed were found (the counts are still exact). */
	rejectedTruncated?: boolean;
	/** Cells rejected in rows that were otherwise loaded (their value is stored as no data). */
	cellsRejected: number;
	/** Duplicate header names kept apart, e.g. "Desktop Pct" → "Desktop Pct_2". */
	renamedColumns: { from: string; to: string; position: number }[];
	conflicts: Conflict[];
	/** Human notes on decisions (ignored columns, date-order rule, decimal mark). */
	notes: string[];
	/** Set when the file could not be read at all; the other files still load. */
	error?: string;
	/** The mapping used, so the UI can show and correct it. */
	mapping?: Mapping;
}

export interface MetricSummary {
	id: string;
	/** Observations with a value (no-data cells are not counted). */
	count: number;
	/** Observations stored as no data (empty, NA, a rejected cell, ...). */
	nulls: number;
	/** Null when there are no values, and when their sum overflows (then `overflow` says so). */
	sum: number | null;
	/** Set when the values' sum is beyond the largest number a double holds (about 1.8e308). */
	overflow?: string;
	min: number | null;
	max: number | null;
	firstDate: string | null;
	lastDate: string | null;
}

export interface IngestResult {
	files: FileReport[];
	metrics: MetricSummary[];
}

export interface IngestOptions {
	mappings?: Record<string, Mapping>;
	/**
	 * The largest file loaded (`MAX_FILE_BYTES`, what a browser tab holds, unless given): the CLI,
	 * on native DuckDB spilling to disk, gives `Infinity`.
	 */
	maxFileBytes?: number;
	/** Called as the load moves on, for a progress bar (see `IngestProgress`). */
	onProgress?: (progress: IngestProgress) => void;
}

/**
 * The steps of loading one file, in order. `decoding`: Latin-1 or UTF-16 text transcoded, or gzip
 * unpacked; `reading`: DuckDB reads every record (a clean file is read and stored in this one
 * step); `lines`: each record's line in the file; `dates` and `numbers`: the rules for values;
 * `storing`: conflicts held back, observations stored, rejections counted.
 */
export type LoadStage = 'decoding' | 'reading' | 'lines' | 'dates' | 'numbers' | 'storing';

/** Where a load is. Real progress: bytes decoded or scanned, and the steps done with their cost. */
export interface IngestProgress {
	/** The file being loaded, its 0-based position and how many files this load has. */
	file: string;
	fileIndex: number;
	fileCount: number;
	stage: LoadStage;
	/** Share of the whole load done, 0 to 1 (files weighted by size); it never goes back. */
	done: number;
	/** Data rows DuckDB read from this file, once it has read them. */
	rowsRead: number | null;
}
