/**
 * Loads one file into `observations`: DuckDB reads every record as text, then SQL parses dates
 * and numbers, sets aside rows it cannot use (with line and reason), and holds back observations
 * another file already provided (conflicts).
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import {
	ensureSegmentColumns,
	OBSERVATIONS,
	CORE_COLUMNS,
	segmentDimensions
} from '../store/observations';
import {
	dateFormats,
	dateOrderEvidenceSql,
	formatMatches,
	hasTimeSql,
	isDateName,
	isoCastSql,
	rankFormats,
	timestampSql
} from './dates';
import { gunzip, transcode } from './decoding';
import { sniffDialect } from './dialect';
import { fastPathObstacle, tryFastLoad, type FastLoadInput } from './fast-load';
import { numberLines } from './line-numbers';
import { MAX_REJECTED_LISTED } from './limits';
import { previewSample, refuseSample, type FilePreview } from './mapping';
import { readSample, type Sample } from './sample';
import { mappingProblem, UnreadableFileError } from './refusals';
import { NUMBER_MACROS_SQL } from './numbers';
import { FileProgress, RECORD_STARTS_COST } from './progress';
import { stageData } from './read-table';
import { settleRepeats } from './repeats';
import { readDottedDates } from './dotted-dates';
import type { Conflict, DateOrder, FileReport, IngestInput, Mapping, RejectedRow } from './types';

let uploads = 0;

/** Engines (connections) that already hold the number macros: temp macros live as long as it. */
const withMacros = new WeakSet<Engine>();

/** The number macros, created once per engine and only when the full path needs them. */
async function ensureNumberMacros(engine: Engine): Promise<void> {
	if (withMacros.has(engine)) return;
	for (const sql of NUMBER_MACROS_SQL) await engine.query(sql);
	withMacros.add(engine);
}

export { UnreadableFileError } from './refusals';

/** The column a segment is stored under: its own name, unless that is one of the core columns. */
export function segmentStoreName(column: string): string {
	return (CORE_COLUMNS as readonly string[]).includes(column.toLowerCase())
		? `${column}_segment`
		: column;
}

function checkMapping(mapping: Mapping): void {
	const problem = mappingProblem(mapping);
	if (problem) throw new UnreadableFileError(problem);
}

export function emptyReport(file: string): FileReport {
	return {
		file,
		encoding: null,
		delimiter: null,
		layout: null,
		dateColumn: null,
		dateOrder: null,
		rowsRead: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rejected: [],
		cellsRejected: 0,
		renamedColumns: [],
		conflicts: [],
		notes: []
	};
}

async function dropQuietly(engine: Engine, sql: string): Promise<void> {
	try {
		await engine.query(sql);
	} catch {
		// Cleaning up after a failed load must not hide the failure itself.
	}
}

/** The full path's stages, in order (see `LoadStage`). */
const FULL_PATH = ['reading', 'lines', 'dates', 'numbers', 'storing'] as const;

export async function loadFile(
	engine: Engine,
	input: IngestInput,
	userMapping?: Mapping,
	progress = new FileProgress(undefined, { name: input.name, index: 0, count: 1 }),
	maxFileBytes?: number
): Promise<FileReport> {
	const report = emptyReport(input.name);
	const sample = await readSample(input.name, input.data, userMapping?.encoding, maxFileBytes);
	const preview = previewSample(input.name, 0, sample, userMapping);
	refuseSample(sample, preview);
	const mapping: Mapping = userMapping ?? preview.mapping;
	Object.assign(report, {
		encoding: mapping.encoding,
		delimiter: mapping.delimiter,
		layout: mapping.layout,
		dateColumn: mapping.dateColumn || null,
		dateOrder: mapping.dateOrder,
		renamedColumns: preview.renamedColumns,
		notes: [...preview.notes],
		mapping
	});
	checkMapping(mapping);

	const file = `flywheel_upload_${++uploads}.csv`;
	const table = `flywheel_stage_${uploads}`;
	const start = dataStart(mapping, sample.text, sample.complete);
	const decoding = mapping.gzip || mapping.encoding !== 'utf-8';
	// Later rows may still settle an undecided date order: that needs the whole column first.
	const tryFast = userMapping !== undefined || preview.dateOrderFrom !== 'default';
	const fastInput = (data: Blob | Uint8Array): FastLoadInput => ({
		file,
		data,
		sourceName: input.name,
		mapping,
		skip: start.skip,
		firstDataLine: start.firstDataLine,
		sampleDates: start.sampleDates,
		sampleRecords: start.sampleRecords,
		segmentStoreName
	});
	const fastLikely = tryFast && fastPathObstacle(fastInput(input.data)) === null;
	// Records that span lines in the sample (blank lines, quoted newlines) are likely to further
	// on too: finding where each starts is then a pass of its own.
	const spansLines = start.sampleRecords.some(
		(r, i) => i > 0 && r.line !== (start.sampleRecords[i - 1]?.line ?? 0) + 1
	);
	const costs = spansLines ? { lines: RECORD_STARTS_COST } : {};
	progress.plan(
		[
			...(decoding ? ['decoding' as const] : []),
			...(fastLikely ? ['reading' as const] : FULL_PATH)
		],
		costs
	);

	// What DuckDB reads: the file itself, or its text unpacked and transcoded to UTF-8.
	let data = input.data;
	if (decoding) {
		progress.enter('decoding');
		// Unpacking and transcoding, when a file needs both, each take about half of the stage.
		const transcoding = mapping.encoding !== 'utf-8';
		const share = mapping.gzip && transcoding ? 0.5 : 1;
		const part = (from: number) => (done: number, total: number) =>
			progress.advance(from + (share * done) / total);
		if (mapping.gzip) data = await gunzip(input.name, data, part(0));
		if (transcoding) data = await transcode(input.name, data, mapping.encoding, part(1 - share));
	}
	let staging = false;
	try {
		await engine.registerFile(file, data);
		if (tryFast) {
			progress.enter('reading');
			const fast = await tryFastLoad(engine, fastInput(data));
			if (fast) {
				Object.assign(report, fast);
				await noteRepeats(engine, report, mapping);
				progress.finish();
				return report;
			}
			progress.plan([...FULL_PATH], costs);
		}
		staging = true;
		const loaded = await loadRegistered(engine, {
			input,
			file,
			table,
			data,
			mapping,
			preview,
			report,
			userMapping,
			sample,
			start,
			progress
		});
		await noteRepeats(engine, loaded, mapping);
		progress.finish();
		return loaded;
	} finally {
		if (staging) await dropStaging(engine, table);
		await engine.dropFile(file);
	}
}

/** A wide file's repeated days: a note, or the mapping's rule applied (see `repeats.ts`). */
async function noteRepeats(engine: Engine, report: FileReport, mapping: Mapping): Promise<void> {
	const segments = mapping.segmentColumns.filter((c) => mapping.columns.includes(c));
	await settleRepeats(engine, report, mapping, segments.map(segmentStoreName));
}

/** The full path's temporary tables (the fast path makes none). */
async function dropStaging(engine: Engine, table: string): Promise<void> {
	await dropQuietly(engine, `DROP TABLE IF EXISTS ${ident(table)}`);
	await dropQuietly(engine, `DROP TABLE IF EXISTS ${ident(table + '_lines')}`);
	await dropQuietly(engine, `DROP TABLE IF EXISTS ${ident(table + '_rows')}`);
	await dropQuietly(engine, `DROP TABLE IF EXISTS ${ident(table + '_obs')}`);
}

interface LoadContext {
	input: IngestInput;
	file: string;
	table: string;
	/** What DuckDB reads (see `loadFile`). */
	data: Blob | Uint8Array;
	mapping: Mapping;
	preview: FilePreview;
	report: FileReport;
	userMapping: Mapping | undefined;
	/** The sample `loadFile` read, and where the data starts in it. */
	sample: Sample;
	start: ReturnType<typeof dataStart>;
	progress: FileProgress;
}

/** Where the data starts, in DuckDB's `skip` units (records and blank lines) and in lines. */
function dataStart(mapping: Mapping, sampleText: string, complete: boolean) {
	const dialect = sniffDialect(sampleText, complete, mapping.delimiter);
	const { headerLine } = mapping;
	const first =
		headerLine > 0
			? dialect.records.find((r) => r.line > headerLine)
			: dialect.records[dialect.dataIndex];
	const header = dialect.records.find((r) => r.line === headerLine);
	const skip = first?.rowsBefore ?? (header ? header.rowsBefore + 1 : 0);
	const firstDataLine = first?.line ?? headerLine + 1;
	const dateIndex = mapping.columns.indexOf(mapping.dateColumn);
	const sampleRecords = dialect.records.filter((r) => r.line >= firstDataLine);
	const sampleDates = sampleRecords.map((r) => r.fields[dateIndex] ?? '');
	return { skip, firstDataLine, sampleDates, sampleRecords };
}

async function loadRegistered(engine: Engine, ctx: LoadContext): Promise<FileReport> {
	const { mapping, report, table, progress } = ctx;
	const { skip, firstDataLine } = ctx.start;
	progress.enter('reading');
	await ensureNumberMacros(engine);
	const readOptions = (data: Blob | Uint8Array) => ({
		file: ctx.file,
		delimiter: mapping.delimiter,
		skip,
		width: mapping.columns.length,
		data,
		firstDataLine,
		sampleRecords: ctx.start.sampleRecords.length
	});
	let data = ctx.data;
	let staged = await stageData(engine, table, readOptions(data));
	if (
		mapping.encoding === 'utf-8' &&
		staged.readerErrors.some((e) => /unicode|utf-?8/i.test(e.message))
	) {
		// The first 64 KB were UTF-8 but later bytes are not: the file is Latin-1 after all.
		data = await transcode(ctx.input.name, data, 'windows-1252');
		await engine.dropFile(ctx.file);
		await engine.registerFile(ctx.file, data);
		staged = await stageData(engine, table, readOptions(data));
		mapping.encoding = 'windows-1252';
		report.encoding = 'windows-1252';
		report.notes.push(
			'Bytes after the start of the file are not UTF-8: decoded as Latin-1 (windows-1252).'
		);
	}
	progress.rowsRead = staged.records;
	progress.enter('lines');
	const lines = await numberLines(engine, data, staged, mapping.delimiter, firstDataLine, (f) =>
		progress.advance(f)
	);
	if (lines.approximate)
		report.notes.push(
			'Some rows could not be matched to their line exactly: line numbers may be off by a few.'
		);

	progress.enter('dates');
	const column = (name: string | null) => `s.c${mapping.columns.indexOf(name ?? '')}`;
	const dateText = `nullif(trim(${column(mapping.dateColumn)}), '')`;
	if (!ctx.userMapping && ctx.preview.dateOrderFrom === 'default') {
		const evidence = await engine.query(
			dateOrderEvidenceSql(dateText.replace('s.', ''), ident(table))
		);
		const dayFirst = Number(evidence.columns['day_first']?.[0] ?? 0);
		const monthFirst = Number(evidence.columns['month_first']?.[0] ?? 0);
		if (dayFirst !== monthFirst) {
			mapping.dateOrder = dayFirst > monthFirst ? 'DMY' : 'MDY';
			report.dateOrder = mapping.dateOrder;
			report.notes.push(`Later rows settle the date order: ${mapping.dateOrder}.`);
		}
	}
	const order = mapping.dateOrder ?? 'YMD';
	const tsSql = timestampSql(
		'date_text',
		await rankedFormats(engine, table, dateText, order, mapping)
	);
	const width = mapping.columns.length;
	const fieldCount = `(${[...staged.columns, ...staged.extraColumns].map((c) => `(s.${c} IS NOT NULL)::INTEGER`).join(' + ')})`;
	const extraFilled = staged.extraColumns
		.map((c) => `(s.${c} IS NOT NULL AND trim(s.${c}) <> '')`)
		.join(' OR ');
	const metricNameText =
		mapping.layout === 'long' ? `nullif(trim(${column(mapping.metricNameColumn)}), '')` : 'NULL';
	const metricNameMissing =
		mapping.layout === 'long'
			? `WHEN metric_name IS NULL THEN 'no metric name in "${mapping.metricNameColumn}"'`
			: '';
	const segments = mapping.segmentColumns.filter((c) => mapping.columns.includes(c));
	const segmentSelect = segments
		.map((c) => `nullif(trim(${column(c)}), '') AS ${ident(segmentStoreName(c))}`)
		.join(', ');
	const metrics =
		mapping.layout === 'wide'
			? mapping.metricColumns.filter((c) => mapping.columns.includes(c))
			: [];
	const valueColumns = mapping.layout === 'wide' ? metrics : [mapping.valueColumn as string];
	const rawSelect = valueColumns.map((c, i) => `${column(c)} AS v${i}`).join(', ');
	const joinLines = lines.table ? `LEFT JOIN ${ident(lines.table)} l ON l.record = s.record` : '';

	const rowsTable = `${table}_rows`;
	// As for values below: the cheap cast for every row first, the full rules only where it failed.
	await engine.query(`CREATE OR REPLACE TEMP TABLE ${ident(rowsTable)} AS
		SELECT *, ${isoCastSql('date_text')} AS parsed, NULL::VARCHAR AS reason FROM (
			SELECT s.record, ${lines.lineSql} AS line, ${dateText} AS date_text,
				-- Empty fields after the last column (a trailing delimiter) do not make a row wrong.
				(${extraFilled || 'false'}) OR s.c${width - 1} IS NULL AS wrong_width,
				${fieldCount} AS field_count,
				${metricNameText} AS metric_name
				${segmentSelect ? ', ' + segmentSelect : ''}, ${rawSelect}
			FROM ${ident(table)} s ${joinLines})`);
	// Within a stage of several queries, each moves the bar by its usual share of the stage.
	progress.advance(0.6);
	await engine.query(`UPDATE ${ident(rowsTable)} SET parsed = ${tsSql}
		WHERE parsed IS NULL AND date_text IS NOT NULL`);
	const dotted = await readDottedDates(engine, rowsTable, order);
	if (dotted) report.notes.push(dotted);
	progress.advance(0.8);
	const openQuote = lines.openQuote;
	const openQuoteRow = openQuote ? `line = ${openQuote.recordLine}` : 'false';
	await engine.query(`UPDATE ${ident(rowsTable)} SET reason = CASE
			${openQuote ? `WHEN ${openQuoteRow} THEN ${literal(`unreadable row: ${openQuote.reason}`)}` : ''}
			WHEN parsed IS NULL THEN CASE WHEN flywheel_no_data(date_text) THEN 'no date'
				ELSE 'not a date: "' || left(date_text, 60) || '"' END
			${metricNameMissing}
			WHEN wrong_width THEN 'has ' || field_count || ' fields; the header has ${width}'
			END
		WHERE ${openQuoteRow} OR parsed IS NULL OR wrong_width${mapping.layout === 'long' ? ' OR metric_name IS NULL' : ''}`);

	progress.enter('numbers');
	const storeSegments = segments.map(segmentStoreName);
	await ensureSegmentColumns(engine, storeSegments);
	const decimalComma = mapping.decimalMark === ',' ? 'true' : 'false';
	const segmentList = storeSegments.map(ident).join(', ');
	const obsTable = `${table}_obs`;
	const observationSelect =
		mapping.layout === 'wide'
			? `unnest([${metrics.map(literal).join(', ')}]) AS metric, unnest([${metrics.map((_, i) => `v${i}`).join(', ')}]) AS raw`
			: `metric_name AS metric, v0 AS raw`;
	// Two steps, because DuckDB-WASM evaluates every branch of a CASE: the plain cast for all
	// cells (fast), then the full rules only for the few cells the cast could not read.
	const plainCast =
		decimalComma === 'true' ? 'NULL::DOUBLE' : 'flywheel_finite(TRY_CAST(raw AS DOUBLE))';
	await engine.query(`CREATE OR REPLACE TEMP TABLE ${ident(obsTable)} AS
		SELECT *, ${plainCast} AS value, false AS bad FROM (
			SELECT CAST(parsed AS DATE) AS date,
				CASE WHEN ${hasTimeSql('date_text')} THEN parsed END AS ts,
				${observationSelect}, ${segmentList ? segmentList + ', ' : ''}line
			FROM ${ident(rowsTable)} WHERE reason IS NULL)`);
	progress.advance(0.7);
	await engine.query(`UPDATE ${ident(obsTable)} SET value = flywheel_number(raw, ${decimalComma})
		WHERE value IS NULL AND raw IS NOT NULL AND raw <> ''`);
	progress.advance(0.85);
	await engine.query(`UPDATE ${ident(obsTable)} SET bad = true
		WHERE value IS NULL AND NOT flywheel_no_data(raw)`);

	progress.enter('storing');
	report.conflicts = await findConflicts(engine, obsTable);
	progress.advance(0.3);
	const conflictFilter = report.conflicts.length
		? await conflictCondition(engine, obsTable)
		: 'true';
	await engine.query(`INSERT INTO ${OBSERVATIONS} BY NAME
		SELECT date, ts, metric, value, ${segmentList ? segmentList + ', ' : ''}${literal(ctx.input.name)} AS source_file, line AS source_line
		FROM ${ident(obsTable)} o WHERE ${conflictFilter}`);
	progress.advance(0.8);

	const counts = await engine.query(`SELECT
		(SELECT count(*) FROM ${ident(rowsTable)}) AS rows_read,
		(SELECT count(*) FROM ${ident(rowsTable)} WHERE reason IS NOT NULL) AS rows_rejected,
		(SELECT count(*) FROM ${ident(obsTable)} WHERE bad) AS cells_rejected`);
	const readerRecords = lines.readerErrorLines.length;
	report.rowsRead = Number(counts.columns['rows_read']?.[0] ?? 0) + readerRecords;
	report.rowsRejected = Number(counts.columns['rows_rejected']?.[0] ?? 0) + readerRecords;
	report.rowsLoaded = report.rowsRead - report.rowsRejected;
	report.cellsRejected = Number(counts.columns['cells_rejected']?.[0] ?? 0);

	const rejectedRows = await engine.query(`SELECT line, column_name, reason FROM (
			SELECT line, NULL AS column_name, reason FROM ${ident(rowsTable)} WHERE reason IS NOT NULL
			UNION ALL
			SELECT line, ${mapping.layout === 'wide' ? 'metric' : literal(mapping.valueColumn ?? '')} AS column_name,
				'not a number: "' || left(raw, 60) || '"' AS reason FROM ${ident(obsTable)} WHERE bad)
		ORDER BY line, column_name NULLS FIRST LIMIT ${MAX_REJECTED_LISTED + 1}`);
	const rejected: RejectedRow[] = lines.readerErrorLines.map((e) => ({
		line: e.line ?? 0,
		column: null,
		reason: `unreadable row: ${e.message}`
	}));
	const lineColumn = rejectedRows.columns['line'] ?? [];
	lineColumn.forEach((line, i) => {
		rejected.push({
			line: Number(line),
			column: (rejectedRows.columns['column_name']?.[i] as string | null) ?? null,
			reason: String(rejectedRows.columns['reason']?.[i])
		});
	});
	rejected.sort((a, b) => a.line - b.line);
	report.rejected = rejected.slice(0, MAX_REJECTED_LISTED);
	if (rejected.length > MAX_REJECTED_LISTED) report.rejectedTruncated = true;
	return report;
}

const FORMAT_SAMPLE_ROWS = 500;

/** The date formats for this file, those that read its first rows first. */
async function rankedFormats(
	engine: Engine,
	table: string,
	dateText: string,
	order: DateOrder,
	mapping: Mapping
): Promise<string[]> {
	const formats = dateFormats(order, isDateName(mapping.dateColumn));
	const sample = await engine.query(
		`SELECT DISTINCT ${dateText.replace('s.', '')} AS d FROM (SELECT * FROM ${ident(table)} LIMIT ${FORMAT_SAMPLE_ROWS}) WHERE d IS NOT NULL LIMIT 200`
	);
	const texts = (sample.columns['d'] ?? []).map(String);
	if (texts.length === 0) return formats;
	return rankFormats(formats, formatMatches(texts, formats));
}

/** SQL matching store rows `e` to this file's observations `o` on metric, day and segments. */
async function keyMatch(
	engine: Engine,
	obsTable: string
): Promise<{ segments: string[]; side: (c: string) => string; on: string }> {
	const segments = await segmentDimensions(engine);
	const obsColumns = new Set(
		(await engine.query(`SELECT * FROM ${ident(obsTable)} LIMIT 0`)).names
	);
	// A dimension this file does not have is null for all of its observations.
	const side = (c: string) => (obsColumns.has(c) ? `o.${ident(c)}` : 'NULL');
	const on = `e.metric = o.metric AND e.date = o.date${segments.map((c) => ` AND e.${ident(c)} IS NOT DISTINCT FROM ${side(c)}`).join('')}`;
	return { segments, side, on };
}

async function conflictCondition(engine: Engine, obsTable: string): Promise<string> {
	const { on } = await keyMatch(engine, obsTable);
	return `NOT EXISTS (SELECT 1 FROM ${OBSERVATIONS} e WHERE ${on})`;
}

/** The same metric, segments and day already in the store from an earlier file. */
async function findConflicts(engine: Engine, obsTable: string): Promise<Conflict[]> {
	const any = await engine.query(
		`SELECT count(*) AS n FROM (SELECT 1 FROM ${OBSERVATIONS} LIMIT 1)`
	);
	if (Number(any.columns['n']?.[0] ?? 0) === 0) return [];
	const { segments, side, on } = await keyMatch(engine, obsTable);
	const segmentSelect = segments.map((c, i) => `${side(c)} AS s${i}`).join(', ');
	const result =
		await engine.query(`SELECT o.metric, ${segmentSelect ? segmentSelect + ', ' : ''}e.source_file AS other,
			count(DISTINCT (o.date, o.line)) AS n, min(o.date) AS first_date, max(o.date) AS last_date
		FROM ${ident(obsTable)} o JOIN (SELECT DISTINCT metric, date, source_file${segments.map((c) => ', ' + ident(c)).join('')} FROM ${OBSERVATIONS}) e
			ON ${on}
		GROUP BY ALL ORDER BY ALL`);
	return (result.columns['metric'] ?? []).map((metric, i) => ({
		metric: String(metric),
		segments: Object.fromEntries(
			segments.map((c, j) => [c, (result.columns[`s${j}`]?.[i] as string | null) ?? null])
		),
		otherFile: String(result.columns['other']?.[i]),
		observations: Number(result.columns['n']?.[i] ?? 0),
		firstDate: String(result.columns['first_date']?.[i]),
		lastDate: String(result.columns['last_date']?.[i])
	}));
}
