/**
 * The file as a plain table of text, read by the same path as a metric load (decoding, dialect,
 * header, DuckDB's reader) but without dates or numbers. The corpus tests compare this table
 * with the expected output of other CSV parsers; the upload page may use it to show any file.
 */
import { ident } from '../engine/sql';
import type { Engine } from '../engine/types';
import { gunzip, transcode } from './decoding';
import { numberLines } from './line-numbers';
import { previewSample } from './mapping';
import { readSample } from './sample';
import { stageData } from './read-table';
import { sniffDialect } from './dialect';
import type { Delimiter, Encoding } from './types';

export interface ParsedTable {
	encoding: Encoding;
	delimiter: Delimiter;
	/** The decimal mark decided for the file (see README.md). */
	decimalMark: '.' | ',';
	headerLine: number;
	columns: string[];
	/** The header row's cells exactly as written (empty when there is no header row). */
	header: string[];
	/** Cells as text; a field missing from a short row is null, an empty field ''. */
	rows: (string | null)[][];
	/** 1-based physical line of each row. */
	lines: number[];
	/** Records with more fields than the header (their extra fields are not in `rows`). */
	tooManyFields: number[];
	/** Records DuckDB could not read, with their line. */
	unreadable: { line: number | null; message: string }[];
}

let tables = 0;

export async function parseTable(
	engine: Engine,
	name: string,
	data: Blob | Uint8Array,
	options: { delimiter?: Delimiter } = {}
): Promise<ParsedTable> {
	const sample = await readSample(name, data);
	const preview = previewSample(name, 0, sample, { delimiter: options.delimiter });
	const { mapping } = preview;
	let all = mapping.gzip ? await gunzip(name, data) : data;
	if (mapping.encoding !== 'utf-8') all = await transcode(name, all, mapping.encoding);
	const dialect = sniffDialect(sample.text, sample.complete, mapping.delimiter);
	const first =
		mapping.headerLine > 0
			? dialect.records.find((r) => r.line > mapping.headerLine)
			: dialect.records[dialect.dataIndex];
	const header = dialect.records.find((r) => r.line === mapping.headerLine);
	const skip = first?.rowsBefore ?? (header ? header.rowsBefore + 1 : 0);
	const file = `flywheel_table_${++tables}.csv`;
	const table = `flywheel_table_${tables}`;
	await engine.registerFile(file, all);
	try {
		const width = Math.max(1, mapping.columns.length);
		const firstDataLine = first?.line ?? mapping.headerLine + 1;
		const staged = await stageData(engine, table, {
			file,
			delimiter: mapping.delimiter,
			skip,
			width,
			data: all,
			firstDataLine,
			sampleRecords: dialect.records.filter((r) => r.line >= firstDataLine).length
		});
		const lines = await numberLines(engine, all, staged, mapping.delimiter, firstDataLine);
		const cells = staged.columns.map((c) => `s.${c}`);
		const extra = staged.extraColumns
			.map((c) => `(s.${c} IS NOT NULL AND trim(s.${c}) <> '')`)
			.join(' OR ');
		const join = lines.table ? `LEFT JOIN ${ident(lines.table)} l ON l.record = s.record` : '';
		const result = await engine.query(
			`SELECT ${lines.lineSql} AS line, (${extra || 'false'}) AS too_many, ${cells.join(', ')} FROM ${ident(table)} s ${join} ORDER BY s.record`
		);
		const lineColumn = (result.columns['line'] ?? []).map(Number);
		return {
			encoding: mapping.encoding,
			delimiter: mapping.delimiter,
			decimalMark: mapping.decimalMark,
			headerLine: mapping.headerLine,
			columns: mapping.columns,
			header: header ? mapping.columns.map((_, i) => header.fields[i] ?? '') : [],
			rows: lineColumn.map((_, i) =>
				staged.columns.map((c) => (result.columns[c]?.[i] as string | null) ?? null)
			),
			lines: lineColumn,
			tooManyFields: lineColumn.filter((_, i) => result.columns['too_many']?.[i] === true),
			unreadable: lines.readerErrorLines
		};
	} finally {
		await engine.query(`DROP TABLE IF EXISTS ${ident(table)}`);
		await engine.query(`DROP TABLE IF EXISTS ${ident(table + '_lines')}`);
		await engine.dropFile(file);
	}
}
