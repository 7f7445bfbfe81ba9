// Native DuckDB running Flywheel's own ingest (`ingestFiles`) on a file: the like-for-like
// yardstick for the browser's load, which runs the same code and SQL in DuckDB-WASM.
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { ingestFiles } from '../src/lib/ingest/ingest';
import { fileBlob, startNativeEngine } from '../src/lib/engine/native';

/** Milliseconds for `ingestFiles` + `count(*)` on a fresh in-memory database, and the count. */
export async function nativeIngestOnce(path: string): Promise<{ ms: number; rows: number }> {
	const engine = await startNativeEngine();
	try {
		const data = fileBlob(await openAsBlob(path), path);
		const t0 = performance.now();
		const { files } = await ingestFiles(engine, [{ name: basename(path), data }]);
		const count = await engine.query('SELECT count(*) AS n FROM observations');
		const ms = performance.now() - t0;
		if (files[0]?.error) throw new Error(`native ingest of ${path}: ${files[0].error}`);
		return { ms, rows: Number(count.columns['n']?.[0] ?? 0) };
	} finally {
		await engine.close();
	}
}
