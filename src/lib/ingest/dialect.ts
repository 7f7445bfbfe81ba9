/**
 * The file's dialect from its first bytes: which delimiter splits the rows into a steady number
 * of fields, and which record is the header (preamble and comment lines above it are skipped).
 */
import { looksLikeDate } from './dates';
import { isNullSpelling, parseNumber } from './numbers';
import { splitRecords, type SampleRecord } from './records';
import type { Delimiter } from './types';

export const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

export interface Dialect {
	delimiter: Delimiter;
	/** Records of the sample split with that delimiter. */
	records: SampleRecord[];
	/** The most common number of fields per record. */
	width: number;
	/** Index in `records` of the header, or -1 when the first data record comes first. */
	headerIndex: number;
	/** Index in `records` of the first data record. */
	dataIndex: number;
}

function modeOf(counts: number[]): { value: number; frequency: number } {
	const tally = new Map<number, number>();
	for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
	let value = 1;
	let frequency = 0;
	for (const [v, f] of tally)
		if (f > frequency || (f === frequency && v > value)) [value, frequency] = [v, f];
	return { value, frequency };
}

/** Trailing empty fields (a row ending in a delimiter) do not count toward a row's width. */
export function widthOf(fields: string[]): number {
	let n = fields.length;
	while (n > 1 && fields[n - 1] === '') n--;
	return n;
}

function scoreDelimiter(text: string, delimiter: Delimiter, complete: boolean) {
	const records = splitRecords(text, delimiter, complete);
	const widths = records.map((r) => r.fields.length);
	const mode = modeOf(widths.slice(Math.min(widths.length - 1, 1)));
	// A delimiter that splits nothing scores zero; otherwise the share of rows with the usual width.
	const score =
		mode.value > 1 ? mode.frequency / Math.max(1, widths.length) + mode.value * 1e-6 : 0;
	return { delimiter, records, width: mode.value, score };
}

function isDataLike(cell: string): boolean {
	return (
		parseNumber(cell, '.') !== undefined ||
		parseNumber(cell, ',') !== undefined ||
		looksLikeDate(cell)
	);
}

/** A header has mostly non-empty cells, few of them numbers or dates. */
function looksLikeHeader(fields: string[]): boolean {
	const filled = fields.filter((f) => f.trim() !== '');
	if (filled.length === 0) return false;
	const dataLike = filled.filter((f) => !isNullSpelling(f) && isDataLike(f)).length;
	return dataLike === 0 || dataLike < filled.length / 2;
}

function isComment(record: SampleRecord): boolean {
	const first = record.fields[0]?.trimStart() ?? '';
	return first.startsWith('#') || first.startsWith('//');
}

/** Picks the delimiter, then the header: the first record as wide as the data that reads as names. */
export function sniffDialect(text: string, complete: boolean, forced?: Delimiter): Dialect {
	const candidates = (forced ? [forced] : DELIMITERS).map((d) => scoreDelimiter(text, d, complete));
	const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
	const { records, width, delimiter } = best;
	// The fewest filled fields (trailing empty ones not counted) of a row of the usual width.
	const usual = records.filter((r) => r.fields.length === width).map((r) => widthOf(r.fields));
	const filledWidth = Math.min(width, ...usual);
	let headerIndex = -1;
	let dataIndex = 0;
	for (let i = 0; i < records.length; i++) {
		const record = records[i] as SampleRecord;
		// A `#` line is a comment only when it is narrower than the data: `#,##0` may be a header.
		if (isComment(record) && widthOf(record.fields) < width) continue;
		if (widthOf(record.fields) < Math.min(width, 2)) continue;
		// A header narrower than the usual row must at least be as wide as the row under it and,
		// unless it is all numbers or dates, as every usual row's filled cells (else it is a
		// `Key<TAB>Value` preamble line above the real header, as in App Store reports).
		const next = records[i + 1];
		const spans =
			record.fields.length >= filledWidth ||
			record.fields.every((f) => f.trim() === '' || isDataLike(f));
		const narrow =
			record.fields.length < width &&
			!(next && widthOf(next.fields) <= record.fields.length && spans);
		if (narrow && width > 1) continue;
		if (looksLikeHeader(record.fields)) {
			headerIndex = i;
			dataIndex = i + 1;
		} else dataIndex = i;
		break;
	}
	return { delimiter, records, width, headerIndex, dataIndex };
}
