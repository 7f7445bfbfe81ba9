/**
 * `ingestFiles`: every file into the one `observations` table, each with its own report. A file
 * that cannot be read gets an `error` and the others still load.
 */
import type { Engine } from '../engine/types';
import { createObservationsTable, OBSERVATIONS } from '../store/observations';
import { sizeOf } from './decoding';
import { formatBytes } from './limits';
import { emptyReport, loadFile } from './load-file';
import { fileParts, FileProgress } from './progress';
import type { FileReport, IngestInput, IngestOptions, IngestResult, MetricSummary } from './types';

export async function ingestFiles(
	engine: Engine,
	inputs: IngestInput[],
	options: IngestOptions = {}
): Promise<IngestResult> {
	await createObservationsTable(engine);
	const files = [];
	const parts = fileParts(inputs.map((input) => sizeOf(input.data)));
	for (const [index, input] of inputs.entries()) {
		const { from, to } = parts[index] ?? { from: 0, to: 1 };
		const file = { name: input.name, index, count: inputs.length };
		const progress = new FileProgress(options.onProgress, file, from, to);
		const unsubscribe = options.onProgress ? engine.onQueryProgress?.(progress.query) : undefined;
		try {
			files.push(
				checkAccounting(
					await loadFile(
						engine,
						input,
						options.mappings?.[input.name],
						progress,
						options.maxFileBytes
					)
				)
			);
		} catch (error) {
			files.push({
				...emptyReport(input.name),
				error: outOfMemory(error)
					? outOfMemoryMessage(input, await filesStored(engine), errorMessage(error))
					: errorMessage(error)
			});
		} finally {
			unsubscribe?.();
		}
		progress.finish();
	}
	return { files, metrics: await metricSummaries(engine) };
}

/**
 * The row accounting, checked once for every file whichever way it loaded: rows read are rows
 * loaded plus rows rejected. A report that breaks it says so, rather than passing for right.
 */
export function checkAccounting(report: FileReport): FileReport {
	const { rowsRead, rowsLoaded, rowsRejected } = report;
	if (rowsRead === rowsLoaded + rowsRejected && Math.min(rowsLoaded, rowsRejected) >= 0)
		return report;
	report.notes.push(
		`Flywheel's count of rows does not add up (${rowsRead} read, ${rowsLoaded} loaded, ${rowsRejected} rejected): please report this file.`
	);
	return report;
}

/** DuckDB's own out-of-memory errors, and the WebAssembly ones of a tab out of memory. */
function outOfMemory(error: unknown): boolean {
	return /out of memory|allocation failure|could not allocate|memory access out of bounds/i.test(
		error instanceof Error ? error.message : String(error)
	);
}

/** How many files the store holds observations of (0 when even that cannot be asked). */
async function filesStored(engine: Engine): Promise<number> {
	try {
		const result = await engine.query(
			`SELECT count(DISTINCT source_file) AS n FROM ${OBSERVATIONS}`
		);
		return Number(result.columns['n']?.[0] ?? 0);
	} catch {
		return 0;
	}
}

/** One sentence: the file and its size, that nothing of it was stored, what was kept, what to do. */
function outOfMemoryMessage(input: IngestInput, stored: number, cause: string): string {
	const kept =
		stored === 0
			? ''
			: `; the ${stored === 1 ? 'file' : `${stored} files`} loaded before ${stored === 1 ? 'is' : 'are'} kept`;
	return (
		`${input.name} (${formatBytes(sizeOf(input.data))}) ran out of memory while loading: nothing of it was stored${kept}. ` +
		`Split or filter the export and load the parts, or use the command line (flywheel), which spills to disk (${cause.replace(/^Out of Memory Error: /i, '')}).`
	);
}

function errorMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] ?? message;
}

/** One line per metric over everything loaded so far, in the order metrics first appeared. */
export async function metricSummaries(engine: Engine): Promise<MetricSummary[]> {
	const result =
		await engine.query(`SELECT metric, count(value) AS count, count(*) - count(value) AS nulls,
			sum(value) AS sum, min(value) AS min, max(value) AS max,
			min(date) AS first_date, max(date) AS last_date
		FROM ${OBSERVATIONS} GROUP BY metric ORDER BY min(rowid)`);
	const c = result.columns;
	return (c['metric'] ?? []).map((id, i) => {
		const sum = (c['sum']?.[i] as number | null) ?? null;
		// JSON writes an infinite sum as null, the same as no data: an overflow is said instead.
		const overflow = sum !== null && !Number.isFinite(sum);
		return {
			id: String(id),
			count: Number(c['count']?.[i] ?? 0),
			nulls: Number(c['nulls']?.[i] ?? 0),
			sum: overflow ? null : sum,
			...(overflow
				? {
						overflow: `the sum of its values is beyond ${sum > 0 ? '' : '-'}1.8e308, the largest number Flywheel can add up to`
					}
				: {}),
			min: (c['min']?.[i] as number | null) ?? null,
			max: (c['max']?.[i] as number | null) ?? null,
			firstDate: (c['first_date']?.[i] as string | null) ?? null,
			lastDate: (c['last_date']?.[i] as string | null) ?? null
		};
	});
}
