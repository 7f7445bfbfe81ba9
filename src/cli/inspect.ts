/**
 * `flywheel inspect FILE... [--json] [mapping options]`: loads the files exactly as the app does
 * and reports what was understood: per file the dialect, layout, row counts and rejected rows; per
 * metric its count, sum and date range. Exits 1 when a file cannot be read, naming it on stderr.
 */
import { startNativeEngine } from '../lib/engine/native';
import { ingestFiles } from '../lib/ingest/ingest';
import { emptyReport } from '../lib/ingest/load-file';
import type { FileReport, IngestResult } from '../lib/ingest/types';
import { UsageError, type ParsedArgs } from './args';
import { isReadable, readInput } from './files';
import { mappingOptions, mappingsFor } from './mapping-options';
import { alignedTable } from './table';

const LISTED = 10;

function fileSummary(f: FileReport): string[] {
	if (f.error) return [`${f.file}: cannot be read: ${f.error}`];
	const delimiter = f.delimiter === '\t' ? 'TAB' : `"${f.delimiter}"`;
	const long =
		f.layout === 'long' && f.mapping
			? ` (metric names in "${f.mapping.metricNameColumn}", values in "${f.mapping.valueColumn}")`
			: '';
	const lines = [
		`${f.file}: ${f.layout} layout${long}, ${f.encoding}, delimiter ${delimiter}, dates in "${f.dateColumn}" (${f.dateOrder})`,
		`  ${f.rowsRead} rows read, ${f.rowsLoaded} loaded, ${f.rowsRejected} rejected, ${f.cellsRejected} cells rejected`
	];
	if (f.mapping?.segmentColumns.length)
		lines.push(`  segments: ${f.mapping.segmentColumns.map((s) => `"${s}"`).join(', ')}`);
	lines.push(
		...alignedTable(
			f.rejected
				.slice(0, LISTED)
				.map((r) => [`line ${r.line}`, r.column ? `[${r.column}]` : '', r.reason])
		)
	);
	if (f.rejected.length > LISTED) lines.push(`  ... and ${f.rejected.length - LISTED} more`);
	for (const c of f.conflicts)
		lines.push(
			`  conflict: ${c.metric} already loaded from ${c.otherFile} (${c.observations} observations)`
		);
	for (const note of f.notes) lines.push(`  note: ${note}`);
	return lines;
}

function summary(result: IngestResult): string {
	const lines = result.files.flatMap(fileSummary);
	lines.push('', `${result.metrics.length} metrics:`);
	const rows = result.metrics.map((m) => [
		m.id,
		String(m.count),
		String(m.nulls),
		m.overflow ? 'overflow' : String(m.sum),
		`${m.firstDate} to ${m.lastDate}`
	]);
	if (rows.length)
		lines.push(
			...alignedTable(
				[['metric', 'values', 'no data', 'sum', 'dates'], ...rows],
				[false, true, true, true]
			)
		);
	for (const m of result.metrics) if (m.overflow) lines.push(`${m.id}: ${m.overflow}`);
	return lines.join('\n');
}

export async function inspect(parsed: ParsedArgs): Promise<number> {
	const paths = parsed.positionals;
	const options = mappingOptions(parsed);
	if (paths.length === 0) throw new UsageError('name at least one file');
	const starting = startNativeEngine();
	starting.catch(() => {}); // awaited below
	const inputs = paths.map((path) => readInput(path));
	const readable = inputs.filter(isReadable);
	const { mappings, errors } = await mappingsFor(readable, options);
	const engine = await starting;
	try {
		const loaded = await ingestFiles(
			engine,
			readable.filter((i) => !errors.has(i.name)),
			{ mappings, maxFileBytes: Infinity }
		);
		const reports = new Map(loaded.files.map((f) => [f.file, f]));
		const files: FileReport[] = inputs.map((input) => {
			const error = 'error' in input ? input.error : errors.get(input.name);
			return error
				? { ...emptyReport(input.name), error }
				: (reports.get(input.name) as FileReport);
		});
		const result: IngestResult = { files, metrics: loaded.metrics };
		console.log(parsed.values.json ? JSON.stringify(result, null, 2) : summary(result));
		const failed = result.files.filter((f) => f.error);
		for (const f of failed) console.error(`flywheel inspect: ${f.file}: ${f.error}`);
		return failed.length > 0 ? 1 : 0;
	} finally {
		await engine.close();
	}
}
