// Native DuckDB (@duckdb/node-api) loading the same files, the yardstick for the browser's load.
import { DuckDBInstance } from '@duckdb/node-api';
import { register } from 'tsx/esm/api';

/**
 * Milliseconds to load `path` into a table and count it, on a fresh in-memory database.
 * @param {string} path
 * @returns {Promise<{ ms: number, rows: number, threads: string }>}
 */
async function loadOnce(path) {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const t0 = performance.now();
		await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}')`);
		const count = await conn.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM t');
		const ms = performance.now() - t0;
		const threads = await conn.runAndReadAll("SELECT current_setting('threads')::VARCHAR");
		return {
			ms,
			rows: Number(count.getRows()[0]?.[0]),
			threads: String(threads.getRows()[0]?.[0])
		};
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/**
 * One run over every file, appending milliseconds to `loads[file.id]` (plain `read_csv`) and
 * `ingests[file.id]` (Flywheel's `ingestFiles`, the same code the browser runs).
 * @param {import('./generate.js').DataFile[]} files
 * @param {Record<string, number[]>} loads
 * @param {Record<string, number[]>} ingests
 * @returns {Promise<string>} DuckDB's thread count
 */
export async function nativeRun(files, loads, ingests) {
	// TypeScript (the ingest code) runs through tsx, as the command line does.
	register();
	const { nativeIngestOnce } = await import('./native-ingest.js');
	let threads = '?';
	for (const file of files) {
		const result = await loadOnce(file.path);
		if (result.rows !== file.rows) {
			throw new Error(`native: ${file.id} loaded ${result.rows} rows, expected ${file.rows}`);
		}
		(loads[file.id] ??= []).push(result.ms);
		threads = result.threads;
		const ingest = await nativeIngestOnce(file.path);
		if (ingest.rows !== file.observations) {
			throw new Error(
				`native ingest: ${file.id} stored ${ingest.rows} rows, expected ${file.observations}`
			);
		}
		(ingests[file.id] ??= []).push(ingest.ms);
	}
	return threads;
}
