/**
 * The fast path for a clean file: one INSERT reads the file straight into `observations`, with
 * the one date format and the plain number cast the sample calls for, and a second, cheap read
 * counts the file's lines. When every record was loaded and the line count says each record is
 * one line (no blank lines, no quoted newlines), the load is exactly what the full path would
 * have produced, and it is committed. Otherwise it is rolled back and the full path (staging
 * table, every date and number rule, rejections with reasons) loads the file instead.
 *
 * Why: each 1M-row temporary table costs about half a second in DuckDB-WASM; the full path
 * builds several. A clean export needs none of them.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { OBSERVATIONS, ensureSegmentColumns, segmentsOf } from '../store/observations';
import {
	dateFormats,
	formatMatches,
	hasTimeSql,
	isDateName,
	isoCastSql,
	looksLikeDate,
	rankFormats
} from './dates';
import { isNullSpelling } from './numbers';
import { FieldEdges } from './field-edges';
import { typedReadSql } from './read-table';
import { scanLinesInChunks, type SampleRecord } from './records';
import type { FileReport, Mapping } from './types';

export interface FastLoadInput {
	/** The name the file is registered under in DuckDB, and its bytes as registered. */
	file: string;
	data: Blob | Uint8Array;
	/** The user's file name, stored in `source_file`. */
	sourceName: string;
	mapping: Mapping;
	/** DuckDB `skip` for the first data record, and that record's physical line. */
	skip: number;
	firstDataLine: number;
	/** The date column's texts in the sample, to choose the one format the fast path reads. */
	sampleDates: string[];
	/** The sample's data records, to see when the fast path would fail anyway. */
	sampleRecords: SampleRecord[];
	/** Segment columns as stored (see `segmentStoreName`). */
	segmentStoreName: (column: string) => string;
}

/** A date written exactly `YYYY-MM-DD`: DuckDB's DATE cast reads it as the full rules would. */
const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** SQL for the parsed date, its guard, and `date`/`ts`, or null when the sample has no dates. */
function dateSql(c: string, input: FastLoadInput) {
	const texts = input.sampleDates.map((t) => t.trim()).filter((t) => !isNullSpelling(t));
	if (texts.length === 0) return null;
	if (texts.every((t) => ISO_DAY.test(t))) {
		// Ten bytes shaped YYYY-MM-DD: no time of day and nothing for `trim` to remove, so the DATE
		// cast equals the day of the full rules' TIMESTAMP cast (`isoCastSql`).
		// A strict CAST: a text of that shape that is no day (`2020-02-30`) fails the INSERT, which
		// rolls back as a row held back would, without a second cast in the filter (`checked`).
		return {
			parsed: `CAST(${c} AS DATE)`,
			checked: true,
			guard: `strlen(${c}) = 10 AND ${c} LIKE '____-__-__'`,
			date: 'parsed',
			ts: 'NULL::TIMESTAMP'
		};
	}
	const formats = dateFormats(
		input.mapping.dateOrder ?? 'YMD',
		isDateName(input.mapping.dateColumn)
	);
	const matches = formatMatches(texts, formats);
	const [best] = rankFormats(formats, matches);
	const strptime =
		best && (matches.get(best) ?? 0) > 0 ? `, try_strptime(${c}, ${literal(best)})` : '';
	// The same first two steps as `timestampSql`, in the same order; a text only a later format
	// reads is left out here, and the full path loads the file.
	return {
		parsed: `coalesce(${isoCastSql(c)}${strptime})`,
		checked: false,
		guard: 'true',
		date: 'CAST(parsed AS DATE)',
		ts: `CASE WHEN ${hasTimeSql(c)} THEN parsed END`
	};
}

/** A plain number DuckDB's DOUBLE cast reads as the full rules would (spaces around allowed). */
const PLAIN_NUMBER = /^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$/;

/**
 * Why the sample alone shows the one-pass load would be rolled back, or null. An attempt costs a
 * whole read of the file and an insert, so a file the full path will load anyway skips it. Only
 * a speed decision: any file the fast path takes is still verified after its insert.
 */
export function fastPathObstacle(input: FastLoadInput): string | null {
	const { mapping } = input;
	if (mapping.decimalMark !== '.') return 'decimal comma';
	const width = mapping.columns.length;
	const at = (name: string | null) => mapping.columns.indexOf(name ?? '');
	const values = (
		mapping.layout === 'wide' ? mapping.metricColumns : [mapping.valueColumn ?? '']
	).map(at);
	const texts = [...mapping.segmentColumns, mapping.metricNameColumn].map(at).filter((i) => i >= 0);
	const hinted = isDateName(mapping.dateColumn);
	let previous: SampleRecord | undefined;
	for (const record of input.sampleRecords) {
		// Lines between records: a blank line, or a quoted field holding a newline.
		if (previous && record.line !== previous.line + 1) return 'record spans lines';
		previous = record;
		const { fields } = record;
		if (fields.length < width || fields.slice(width).some((f) => f !== '')) return 'wrong width';
		if (!looksLikeDate(fields[at(mapping.dateColumn)] ?? '', hinted)) return 'not a date';
		for (const i of values) {
			const v = fields[i] ?? '';
			if (v !== '' && !PLAIN_NUMBER.test(v)) return `not a plain number: ${v}`;
		}
		for (const i of texts) {
			const t = fields[i] ?? '';
			if (t !== t.trim()) return 'text to trim';
		}
		if (mapping.layout === 'long' && (fields[at(mapping.metricNameColumn)] ?? '') === '')
			return 'no metric name';
	}
	return null;
}

/**
 * Loads the file in one pass when it is clean; returns the report's counts, or null (nothing
 * loaded) when the full path must load it.
 */
export async function tryFastLoad(
	engine: Engine,
	input: FastLoadInput
): Promise<Pick<FileReport, 'rowsRead' | 'rowsLoaded'> | null> {
	const { mapping } = input;
	// Decimal commas (and an undecided date order, in `loadFile`) need whole-column decisions.
	if (fastPathObstacle(input)) return null;
	const width = mapping.columns.length;
	const index = (name: string | null) => mapping.columns.indexOf(name ?? '');
	const col = (name: string | null) => `c${index(name)}`;
	const date = dateSql(col(mapping.dateColumn), input);
	if (!date) return null;

	const segments = mapping.segmentColumns.filter((c) => index(c) >= 0);
	const metrics =
		mapping.layout === 'wide' ? mapping.metricColumns.filter((c) => index(c) >= 0) : [];
	const valueColumns = mapping.layout === 'wide' ? metrics : [mapping.valueColumn];
	if (valueColumns.length === 0) return null;

	// Value columns are read as DOUBLE by the reader itself; every other column as text.
	const typed = new Set(valueColumns.map(index));
	const names = Array.from({ length: width }, (_, i) => `c${i}`);
	const source = typedReadSql(
		{ file: input.file, delimiter: mapping.delimiter, skip: input.skip },
		names.map((c, i) => [c, typed.has(i) ? 'DOUBLE' : 'VARCHAR'])
	);
	// A row is the full path's loaded row with nothing to reject: the right width (a wrong one
	// fails the read), a date, a metric name, and every value a finite number or empty (null).
	// Texts `trim` would change are looked for in the bytes (`FieldEdges`), not row by row.
	const guards = [
		...(date.checked ? [] : ['parsed IS NOT NULL']),
		date.guard,
		...(mapping.layout === 'long' ? ['metric_name IS NOT NULL'] : []),
		...valueColumns.map((c) => `(${col(c)} IS NULL OR isfinite(${col(c)}))`)
	];
	const storeNames = segments.map(input.segmentStoreName);
	// Internal names (s0, fw_line) never meet a segment's own name until the outer select.
	const segmentSelect = segments.map((c, i) => `${col(c)} AS s${i}`);
	const segmentRename = storeNames.map((s, i) => `s${i} AS ${ident(s)}, `).join('');
	// The guard lets through only finite values and empty fields (null), so each value is stored
	// as read, without a per-row CASE.
	const observation =
		mapping.layout === 'wide'
			? `unnest([${metrics.map(literal).join(', ')}]) AS metric, unnest([${metrics.map(col).join(', ')}]) AS value`
			: `metric_name AS metric, ${col(mapping.valueColumn)} AS value`;
	const segmentList = storeNames.map((s) => `${ident(s)}, `).join('');

	// One look at the store gives its segment columns and whether it holds anything yet.
	const store = await engine.query(`SELECT * FROM ${OBSERVATIONS} LIMIT 1`);
	const storeSegments = segmentsOf(store.names);
	await ensureSegmentColumns(engine, storeNames, storeSegments);
	// Observations already in the store (from an earlier file) are conflicts: any held back makes
	// the count below come short, and the full path reports them.
	let conflictFilter = 'true';
	if (store.rowCount > 0) {
		const own = new Set(storeNames);
		const side = (c: string) => (own.has(c) ? `o.${ident(c)}` : 'NULL');
		// Every segment column once this file's are added (stored rows hold null in the new ones).
		const on = [...new Set([...storeSegments, ...storeNames])]
			.map((c) => ` AND e.${ident(c)} IS NOT DISTINCT FROM ${side(c)}`)
			.join('');
		conflictFilter = `NOT EXISTS (SELECT 1 FROM ${OBSERVATIONS} e WHERE e.metric = o.metric AND e.date = o.date${on})`;
	}

	const insert = `INSERT INTO ${OBSERVATIONS} BY NAME
		SELECT date, ts, metric, value, ${segmentList}${literal(input.sourceName)} AS source_file, fw_line AS source_line
		FROM (
			SELECT fw_line, ${date.date} AS date, ${date.ts} AS ts, ${segmentRename}${observation}
			FROM (
				SELECT fw_line, ${date.parsed} AS parsed,
					${mapping.layout === 'long' ? col(mapping.metricNameColumn) : 'NULL'} AS metric_name,
					${[...segmentSelect, ...names].join(', ')}
				FROM (SELECT row_number() OVER () + ${input.firstDataLine - 1} AS fw_line, * FROM ${source})
			)
			WHERE ${guards.join(' AND ')}
		) o
		WHERE ${conflictFilter}`;

	// JavaScript counts the lines while DuckDB inserts: in the browser the main thread is idle
	// meanwhile, so the proof costs no time beside the insert, where DuckDB reading the file a
	// second time as bare lines took about a quarter of it. That read is kept for a Blob that
	// cannot be read here.
	const edges = new FieldEdges(mapping.delimiter);
	const counting = scanLinesInChunks(input.data, (slice) => edges.push(slice));
	await engine.query('BEGIN TRANSACTION');
	let committed = false;
	let records = 0;
	try {
		// The load's one long query: DuckDB's estimate of it moves the bar (`FileProgress.query`).
		const result = await engine.query(insert, undefined, { reportProgress: true });
		const inserted = Number(result.columns['Count']?.[0] ?? -1);
		const scan = await counting;
		const lastLine = scan?.lines ?? (await lastContentLine(engine, input.file));
		records = lastLine === null ? 0 : lastLine - input.firstDataLine + 1;
		// Each record is at least one line, so as many loaded rows as lines after the header means
		// every record loaded, none held back, and record i is on line firstDataLine + i - 1.
		const texts = [...(mapping.layout === 'long' ? ['metric'] : []), ...storeNames];
		const untrimmed =
			texts.length > 0 && (!scan || edges.suspect)
				? await untrimmedTexts(engine, input.sourceName, texts)
				: 0;
		if (records > 0 && inserted === records * valueColumns.length && untrimmed === 0) {
			await engine.query('COMMIT');
			committed = true;
		}
	} catch {
		// Anything the strict read or a cast cannot take is the full path's business.
	} finally {
		if (!committed) await engine.query('ROLLBACK');
	}
	return committed ? { rowsRead: records, rowsLoaded: records } : null;
}

/**
 * How many of `file`'s stored rows hold a text `trim` would change (the full path stores texts
 * trimmed). Only asked when the bytes show a space at a field's edge.
 */
async function untrimmedTexts(engine: Engine, file: string, columns: string[]): Promise<number> {
	const changed = columns.map((c) => `${ident(c)} <> trim(${ident(c)})`).join(' OR ');
	const result = await engine.query(
		`SELECT count(*) AS n FROM ${OBSERVATIONS} WHERE source_file = ${literal(file)} AND (${changed})`
	);
	return Number(result.columns['n']?.[0] ?? -1);
}

/**
 * The physical line of the file's last non-blank line, from DuckDB reading it as bare lines (no
 * quotes, a delimiter no text holds; blank lines come out as null). Null when DuckDB cannot read
 * it that way (mixed line endings, a control byte, a very long line): the full path counts then.
 * Only used when JavaScript could not read the Blob to count its lines itself.
 */
async function lastContentLine(engine: Engine, file: string): Promise<number | null> {
	try {
		const result = await engine.query(
			`SELECT max(n) FILTER (WHERE l IS NOT NULL) AS last FROM (SELECT row_number() OVER () AS n, l
			FROM read_csv(${literal(file)}, auto_detect = false, header = false, delim = ${literal('\u0001')}, quote = '', escape = '', columns = {'l': 'VARCHAR'}, parallel = false))`
		);
		const last = result.columns['last']?.[0];
		return last === null || last === undefined ? null : Number(last);
	} catch {
		return null;
	}
}
