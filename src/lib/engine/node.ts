/**
 * The engine on DuckDB-WASM's blocking Node build: the same DuckDB, the same API as the browser,
 * used by vitest and the command line so every query is tested against real DuckDB.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { arrowToColumns } from './columns';
import { OPEN_CONFIG, STARTUP_SQL } from './settings';
import type { Engine, FileSource, Param, QueryResult } from './types';

function nodeBundles(): duckdb.DuckDBBundles {
	const require = createRequire(import.meta.url);
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	return {
		mvp: {
			mainModule: join(dist, 'duckdb-mvp.wasm'),
			mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: join(dist, 'duckdb-eh.wasm'),
			mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
		}
	};
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
	return new Uint8Array(await blob.arrayBuffer());
}

export async function startNodeEngine(): Promise<Engine> {
	const db = await duckdb.createDuckDB(nodeBundles(), new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open(OPEN_CONFIG);
	const conn = db.connect();
	for (const sql of STARTUP_SQL) conn.query(sql);

	return {
		async query(sql: string, params?: Param[]): Promise<QueryResult> {
			if (!params || params.length === 0) return arrowToColumns(conn.query(sql));
			const statement = conn.prepare(sql);
			try {
				return arrowToColumns(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async registerFile(name: string, source: FileSource): Promise<void> {
			if (typeof source === 'string') db.registerFileText(name, source);
			else if (source instanceof Uint8Array) db.registerFileBuffer(name, source);
			else db.registerFileBuffer(name, await blobBytes(source));
		},
		async dropFile(name: string): Promise<void> {
			db.dropFile(name);
		},
		// DuckDB-WASM's Node runtime drops progress reports (its `progressUpdate` is empty), and a
		// query here blocks the thread until it ends anyway: `reportProgress` is ignored.
		onQueryProgress(): () => void {
			return () => {};
		},
		async close(): Promise<void> {
			conn.close();
			db.reset();
		}
	};
}

/** Registers a file from the local disk under `name` (Node only: the CLI and tests). */
export async function registerPath(engine: Engine, name: string, path: string): Promise<void> {
	await engine.registerFile(name, readFileSync(path));
}
