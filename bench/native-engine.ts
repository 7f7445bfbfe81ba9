/**
 * Flywheel's `Engine` on native DuckDB (@duckdb/node-api), for the benchmark only: it lets
 * `ingestFiles` run its own SQL natively, so the browser's load is compared with native DuckDB
 * doing the same work on the same file, not only with a bare `read_csv`.
 *
 * A file on disk is registered as itself (a link in a scratch folder DuckDB searches); other
 * sources (bytes the ingest transcoded) are written there.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell, Engine, FileSource, QueryResult } from '../src/lib/engine/types';

/** Blobs the bench opened from a path (`fs.openAsBlob`), and that path. */
const paths = new WeakMap<Blob, string>();

export function fileBlob(blob: Blob, path: string): Blob {
	paths.set(blob, path);
	return blob;
}

function toCell(value: DuckDBValue): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
		return value;
	// DATE, TIMESTAMP, DECIMAL, HUGEINT...: DuckDB's own text, as the browser engine's columns are.
	const text = String(value);
	return /^-?[0-9.]+(e[+-]?[0-9]+)?$/i.test(text) ? Number(text) : text;
}

export async function startNativeEngine(): Promise<Engine> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const folder = mkdtempSync(join(tmpdir(), 'flywheel-native-'));
	await conn.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
	return {
		async query(sql, params): Promise<QueryResult> {
			const reader = await conn.runAndReadAll(sql, params ?? undefined);
			const names = reader.columnNames();
			const columns: Record<string, Cell[]> = {};
			const values = reader.getColumns();
			names.forEach((name, i) => (columns[name] = (values[i] ?? []).map(toCell)));
			return { names, rowCount: reader.currentRowCount, columns };
		},
		async registerFile(name: string, source: FileSource) {
			const target = join(folder, name);
			rmSync(target, { force: true });
			const path = source instanceof Blob ? paths.get(source) : undefined;
			if (path) symlinkSync(path, target);
			else if (typeof source === 'string') writeFileSync(target, source);
			else if (source instanceof Uint8Array) writeFileSync(target, source);
			else writeFileSync(target, new Uint8Array(await source.arrayBuffer()));
		},
		async dropFile(name: string) {
			rmSync(join(folder, name), { force: true });
		},
		async close() {
			conn.closeSync();
			instance.closeSync();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
