/**
 * What Flywheel understood of a file from its first 64 KB, as a `Mapping` the user can correct:
 * the encoding, the dialect, the date column and order, and each column's role.
 */
import { uniqueColumnNames, type RenamedColumn } from './columns';
import { dateOrderEvidence, decideDateOrder, isDateName, looksLikeDate } from './dates';
import { sizeOf } from './decoding';
import { sniffDialect } from './dialect';
import { isLabelName, isOneValuePerRow, isRowCounter, joinedFrom } from './identifiers';
import { decideLayout } from './layout';
import { refuseUnloadable } from './refusals';
import { readSample, type Sample } from './sample';
import { isNullSpelling, parseNumber } from './numbers';
import type { SampleRecord } from './records';
import type { DateOrder, Delimiter, Encoding, Mapping } from './types';

/** What the upload page shows before loading: the mapping and the first rows as text. */
export interface FilePreview {
	file: string;
	size: number;
	mapping: Mapping;
	/** Duplicate header names kept apart. */
	renamedColumns: RenamedColumn[];
	/** Why columns were ignored, which date order was assumed, and similar decisions. */
	notes: string[];
	/** The first data rows, one string per column (empty for a missing cell). */
	rows: string[][];
	/** 1-based physical line of each preview row. */
	rowLines: number[];
	/** Whether the date order came from the file's values or from the default rule. */
	dateOrderFrom: 'values' | 'default' | 'not needed';
}

const PREVIEW_ROWS = 20;

/** A date column has dates in at least this share of its first rows (totals rows are not dates). */
const MIN_DATE_SHARE = 0.5;

/** Segment columns with this many distinct values, mostly unique, are labels, not segments. */
const MAX_SEGMENT_VALUES = 200;

/** Refuses a file no mapping can load (empty, not text, no rows), as the preview shows it. */
export function refuseSample(sample: Sample, preview: FilePreview): void {
	refuseUnloadable({
		...sample,
		utf16: sample.encoding.startsWith('utf-16'),
		headerLine: preview.mapping.headerLine,
		dataRows: preview.rows.length
	});
}

function columnValues(records: SampleRecord[], index: number): string[] {
	return records.map((r) => r.fields[index] ?? '').filter((v) => !isNullSpelling(v));
}

function decideDecimalMark(records: SampleRecord[], dateIndex: number): '.' | ',' {
	let comma = 0;
	let point = 0;
	for (const record of records) {
		record.fields.forEach((cell, i) => {
			if (i === dateIndex) return;
			const t = cell.trim();
			if (
				/^[+-]?[0-9]*,([0-9]{1,2}|[0-9]{4,})%?$/.test(t) ||
				/^[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$/.test(t)
			)
				comma++;
			else if (/^[+-]?[0-9]*\.[0-9]+%?$/.test(t) || /^[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$/.test(t))
				point++;
		});
	}
	return comma > point ? ',' : '.';
}

function numericShare(values: string[], decimalMark: '.' | ','): number {
	if (values.length === 0) return 1;
	return values.filter((v) => parseNumber(v, decimalMark) !== undefined).length / values.length;
}

function pickDateColumn(names: string[], records: SampleRecord[]): number {
	const candidates = names
		.map((name, i) => {
			const values = columnValues(records, i);
			const hinted = isDateName(name);
			const dates = values.filter((v) => looksLikeDate(v, hinted)).length;
			return { i, hinted, share: values.length ? dates / values.length : 0 };
		})
		.filter((c) => c.share >= MIN_DATE_SHARE);
	return (candidates.find((c) => c.hinted) ?? candidates[0])?.i ?? -1;
}

/** What the reader may be told instead of detecting it (the CLI's --delimiter, --encoding, ...). */
export interface ReadingChoices {
	delimiter?: Delimiter;
	encoding?: Encoding;
	/** 1-based line of the header row. */
	headerLine?: number;
	/** The largest file read: `MAX_FILE_BYTES` in the browser; the CLI, on native DuckDB, has none. */
	maxFileBytes?: number;
}

/** Detects everything about a file; the mapping is complete even when no date column was found. */
export async function previewFile(
	name: string,
	data: Blob | Uint8Array,
	options: ReadingChoices = {}
): Promise<FilePreview> {
	const sample = await readSample(name, data, options.encoding, options.maxFileBytes);
	const preview = previewSample(name, sizeOf(data), sample, options);
	refuseSample(sample, preview);
	return preview;
}

export function previewSample(
	name: string,
	size: number,
	sample: Sample,
	{ delimiter, headerLine }: ReadingChoices = {}
): FilePreview {
	const dialect = sniffDialect(sample.text, sample.complete, delimiter);
	let { headerIndex, dataIndex } = dialect;
	if (headerLine !== undefined && headerLine > 0) {
		headerIndex = dialect.records.findIndex((r) => r.line === headerLine);
		if (headerIndex < 0)
			throw new Error(`line ${headerLine} does not start a row in the first 64 KB of the file`);
		dataIndex = headerIndex + 1;
	}
	const header = headerIndex >= 0 ? dialect.records[headerIndex] : undefined;
	const dataRecords = dialect.records.slice(dataIndex);
	// The header says how many columns there are; rows wider than it are rejected when loaded.
	const width = header ? header.fields.length : dialect.width;
	const rawHeader = header
		? Array.from({ length: width }, (_, i) => header.fields[i] ?? '')
		: Array.from({ length: width }, () => '');
	const { names, renamed } = uniqueColumnNames(rawHeader);
	const notes: string[] = [];

	const dateIndex = pickDateColumn(names, dataRecords);
	const dateValues = dateIndex >= 0 ? columnValues(dataRecords, dateIndex) : [];
	const evidence = dateOrderEvidence(dateValues);
	const dateOrder: DateOrder | null = dateIndex >= 0 ? decideDateOrder(dateValues, evidence) : null;
	const dateOrderFrom =
		evidence.numeric === 0
			? 'not needed'
			: evidence.dayFirst + evidence.monthFirst > 0
				? 'values'
				: 'default';
	const decimalMark = decideDecimalMark(dataRecords, dateIndex);

	const metricColumns: string[] = [];
	const segmentColumns: string[] = [];
	const ignoredColumns: string[] = [];
	const textColumns: number[] = [];
	const numericColumns: number[] = [];
	names.forEach((column, i) => {
		if (i === dateIndex) return;
		const values = columnValues(dataRecords, i);
		if (
			values.length > 0 &&
			values.every((v) => looksLikeDate(v) && parseNumber(v, '.') === undefined)
		) {
			ignoredColumns.push(column);
			notes.push(
				`"${column}" holds dates too; only "${names[dateIndex] ?? ''}" is used as the date.`
			);
		} else if (numericShare(values, decimalMark) < 0.5 || isLabelName(column)) textColumns.push(i);
		else if (/^column_\d+$/.test(column) && isRowCounter(values, dataRecords.length)) {
			ignoredColumns.push(column);
			notes.push(`"${column}" counts the rows (1, 2, 3, ...); it is not loaded.`);
		} else numericColumns.push(i);
	});
	// Days in the sample: a segment's values come back day after day, an identifier's do not.
	const days = new Set(dateValues).size;

	const decision = decideLayout(names, textColumns, numericColumns, dataRecords, dateIndex);
	const { layout, metricNameIndex, valueIndex } = decision;
	if (decision.note) notes.push(decision.note);
	for (const i of numericColumns) {
		const column = names[i] as string;
		if (layout === 'wide') metricColumns.push(column);
		else if (i !== valueIndex) {
			ignoredColumns.push(column);
			notes.push(`"${column}" is a second number column in a long file; it is not loaded.`);
		}
	}
	for (const i of textColumns) {
		const column = names[i] as string;
		if (layout === 'long' && i === metricNameIndex) continue;
		const values = columnValues(dataRecords, i);
		const distinct = new Set(values).size;
		const parts = joinedFrom(
			i,
			dataRecords,
			names.map((_, j) => j)
		);
		if (parts) {
			ignoredColumns.push(column);
			notes.push(
				`"${column}" joins "${names[parts[0]]}" and "${names[parts[1]]}" in every row; it is not loaded.`
			);
		} else if (isOneValuePerRow(values, dataRecords.length, days)) {
			ignoredColumns.push(column);
			notes.push(
				`"${column}" has a different value in every row (an identifier); it is not loaded.`
			);
		} else if (distinct > MAX_SEGMENT_VALUES && distinct > values.length / 2) {
			ignoredColumns.push(column);
			notes.push(
				`"${column}" looks like free text (${distinct} different values); it is not loaded.`
			);
		} else segmentColumns.push(column);
	}
	if (dateIndex < 0) notes.push('No column holds dates in the first rows; choose the date column.');
	if (dateOrderFrom === 'default')
		notes.push(
			`Every date in the first rows reads both ways (day first or month first); ${dateOrder} is assumed unless later rows settle it.`
		);
	if (decimalMark === ',') notes.push('Numbers use a decimal comma (1.234,5).');

	const mapping: Mapping = {
		encoding: sample.encoding,
		gzip: sample.gzip,
		delimiter: dialect.delimiter,
		headerLine: header?.line ?? 0,
		columns: names,
		layout,
		dateColumn: dateIndex >= 0 ? (names[dateIndex] as string) : '',
		dateOrder,
		decimalMark,
		metricColumns,
		metricNameColumn: layout === 'long' ? (names[metricNameIndex as number] as string) : null,
		valueColumn: layout === 'long' ? (names[valueIndex as number] as string) : null,
		segmentColumns,
		ignoredColumns
	};
	const previewRecords = dataRecords.slice(0, PREVIEW_ROWS);
	return {
		file: name,
		size,
		mapping,
		renamedColumns: renamed,
		notes,
		rows: previewRecords.map((r) => names.map((_, i) => r.fields[i] ?? '')),
		rowLines: previewRecords.map((r) => r.line),
		dateOrderFrom
	};
}

/** The mapping alone, for callers that do not show a preview. */
export async function detectMapping(name: string, data: Blob | Uint8Array): Promise<Mapping> {
	return (await previewFile(name, data)).mapping;
}
