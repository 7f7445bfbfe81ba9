/**
 * `flywheel inspect FILE... [--json]`: loads the files exactly as the app does and reports what was
 * understood: per file the dialect, layout, row counts and rejected rows; per metric its count,
 * sum and date range. Exits non-zero when a file cannot be read, naming it on stderr.
 */
import { readFileSync } from 'node:fs';
import { startNativeEngine } from '../lib/engine/native';
import { ingestFiles } from '../lib/ingest/ingest';
import { emptyReport } from '../lib/ingest/load-file';
import type { FileReport, IngestResult } from '../lib/ingest/types';

function readInput(
	file: string
): { name: string; data: Uint8Array } | { name: string; error: string } {
	try {
		return { name: file, data: readFileSync(file) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { name: file, error: code === 'ENOENT' ? 'no such file' : String(error) };
	}
}

function summary(result: IngestResult): string {
	const lines: string[] = [];
	for (const f of result.files) {
		if (f.error) {
			lines.push(`${f.file}: cannot be read: ${f.error}`);
			continue;
		}
		const delimiter = f.delimiter === '\t' ? 'TAB' : f.delimiter;
		lines.push(
			`${f.file}: ${f.layout} layout, ${f.encoding}, delimiter ${delimiter}, dates in "${f.dateColumn}" (${f.dateOrder}); ${f.rowsRead} rows read, ${f.rowsLoaded} loaded, ${f.rowsRejected} rejected`
		);
		for (const r of f.rejected.slice(0, 10))
			lines.push(`  line ${r.line}${r.column ? ` [${r.column}]` : ''}: ${r.reason}`);
		if (f.rejected.length > 10) lines.push(`  ... and ${f.rejected.length - 10} more`);
		for (const c of f.conflicts)
			lines.push(
				`  conflict: ${c.metric} already loaded from ${c.otherFile} (${c.observations} observations)`
			);
		for (const note of f.notes) lines.push(`  note: ${note}`);
	}
	lines.push(`${result.metrics.length} metrics:`);
	for (const m of result.metrics)
		lines.push(`  ${m.id}: ${m.count} values, sum ${m.sum}, ${m.firstDate} to ${m.lastDate}`);
	return lines.join('\n');
}

export async function inspect(args: string[]): Promise<number> {
	const json = args.includes('--json');
	const paths = args.filter((a) => a !== '--json');
	if (paths.length === 0) {
		console.error('flywheel inspect: name at least one file');
		return 2;
	}
	const inputs = paths.map(readInput);
	const engine = await startNativeEngine();
	try {
		const readable = inputs.filter((i): i is { name: string; data: Uint8Array } => 'data' in i);
		const loaded = await ingestFiles(engine, readable);
		const reports = new Map(loaded.files.map((f) => [f.file, f]));
		const files: FileReport[] = inputs.map((input) =>
			'error' in input
				? { ...emptyReport(input.name), error: input.error }
				: (reports.get(input.name) as FileReport)
		);
		const result: IngestResult = {
			files,
			metrics: loaded.metrics
		};
		console.log(json ? JSON.stringify(result, null, 2) : summary(result));
		const failed = result.files.filter((f) => f.error);
		for (const f of failed) console.error(`flywheel inspect: ${f.file}: ${f.error}`);
		return failed.length > 0 ? 1 : 0;
	} finally {
		await engine.close();
	}
}
