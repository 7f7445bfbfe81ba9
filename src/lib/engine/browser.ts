/**
 * The engine in the browser: DuckDB-WASM running in its own Web Worker. Only the `mvp` and `eh`
 * bundles are shipped (the threaded one needs cross-origin isolation and doubles the build);
 * `selectBundle` picks `eh` where the browser has WebAssembly exceptions.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { arrowToColumns } from './columns';
import { queryProgressOf } from './query-progress';
import { OPEN_CONFIG, STARTUP_SQL, WARMUP_SQL } from './settings';
import {
	EngineStartError,
	type Engine,
	type FileSource,
	type Param,
	type QueryOptions,
	type QueryProgress,
	type QueryResult,
	type StartProgress
} from './types';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

function startFailure(error: unknown): EngineStartError {
	const detail = error instanceof Error ? error.message : String(error);
	if (typeof WebAssembly === 'undefined') {
		return new EngineStartError(
			'This browser does not run WebAssembly (it may be disabled by a policy), so the data engine cannot start.',
			{ cause: error }
		);
	}
	if (/memory|allocation|RangeError/i.test(detail)) {
		return new EngineStartError(
			`The data engine ran out of memory while starting (${detail}). Close other tabs and reload.`,
			{ cause: error }
		);
	}
	return new EngineStartError(`The data engine could not start: ${detail}`, { cause: error });
}

/**
 * The worker fetches the wasm itself (streaming compilation, and the browser caches the compiled
 * module by its URL), but a blocked or failed download inside the worker would hang silently. A
 * HEAD request from the page, in parallel, turns that into an error the page can show.
 */
async function checkReachable(url: string): Promise<never> {
	let response: Response;
	try {
		response = await fetch(url, { method: 'HEAD' });
	} catch (error) {
		throw new Error(`its WebAssembly module could not be downloaded (${String(error)})`, {
			cause: error
		});
	}
	if (!response.ok) {
		throw new Error(`its WebAssembly module could not be downloaded (HTTP ${response.status})`);
	}
	// Reachable: never settle, so the race below waits for the instantiation itself.
	return new Promise<never>(() => {});
}

/**
 * Downloads, instantiates and opens DuckDB in a worker. `onProgress` follows the real bytes of the
 * wasm download; nothing here waits on a fixed timeout.
 */
export async function startBrowserEngine(
	onProgress: (progress: StartProgress) => void = () => {}
): Promise<Engine> {
	let worker: Worker | undefined;
	try {
		const bundle = await duckdb.selectBundle(BUNDLES);
		if (!bundle.mainWorker) throw new Error('no worker script in the selected DuckDB bundle');
		worker = new Worker(bundle.mainWorker);
		const failedWorker = new Promise<never>((_, reject) => {
			worker?.addEventListener('error', (event) =>
				reject(new Error(event.message || 'its worker failed to load'))
			);
		});
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await Promise.race([
			db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
				onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal })
			),
			failedWorker,
			checkReachable(bundle.mainModule)
		]);
		await db.open(OPEN_CONFIG);
		const conn = await db.connect();
		for (const sql of STARTUP_SQL) await conn.query(sql);
		await conn.query(WARMUP_SQL);
		return browserEngine(db, conn);
	} catch (error) {
		worker?.terminate();
		throw startFailure(error);
	}
}

/**
 * DuckDB reports a running query's progress only with its progress bar on; DuckDB-WASM's worker
 * then posts PROGRESS_UPDATE messages while the query runs, and `AsyncDuckDB` hands them to the
 * callbacks in its `_onExecutionProgress`. Version 1.32 has no public way to add one (the field is
 * protected in its typings), so this is the one place Flywheel reaches into DuckDB-WASM's
 * internals. Looked up at run time: a release without the field loses progress, not the engine.
 */
function executionProgressCallbacks(
	db: duckdb.AsyncDuckDB
): ((report: duckdb.ProgressEntry) => void)[] | null {
	const callbacks: unknown = Reflect.get(db, '_onExecutionProgress');
	return Array.isArray(callbacks) ? callbacks : null;
}

/**
 * On only around a query that reports progress, and only while someone listens (not for the CLI
 * or the benchmark), so every other query runs exactly as before. Measured in headless Chromium
 * on a clean 1M-row file through `ingestFiles` (15 alternating runs each, on a busy 2-core
 * machine): median 556 ms with progress and 576 ms without, and 769 and 754 ms in a second
 * round, i.e. no cost beyond the noise; the INSERT posts about 10 reports, one per ~4 MB read.
 * `progress_bar_time` (ms before the first report) is already 1 in DuckDB-WASM 1.32 (DuckDB's
 * own default is 2 s): set so that cannot change under a load of a few seconds.
 */
const PROGRESS_ON = 'SET enable_progress_bar = true; SET progress_bar_time = 1';
const PROGRESS_OFF = 'SET enable_progress_bar = false';

function browserEngine(db: duckdb.AsyncDuckDB, conn: duckdb.AsyncDuckDBConnection): Engine {
	const listeners = new Set<(progress: QueryProgress) => void>();
	/** Queries with `reportProgress` posted and not yet answered. */
	let reporting = 0;
	executionProgressCallbacks(db)?.push((report) => {
		const progress = reporting > 0 ? queryProgressOf(report) : null;
		if (progress) for (const listener of listeners) listener(progress);
	});

	async function run(sql: string, params?: Param[]): Promise<QueryResult> {
		if (!params || params.length === 0) return arrowToColumns(await conn.query(sql));
		const statement = await conn.prepare(sql);
		try {
			return arrowToColumns(await statement.query(...params));
		} finally {
			await statement.close();
		}
	}

	return {
		async query(sql: string, params?: Param[], options?: QueryOptions): Promise<QueryResult> {
			if (!options?.reportProgress || listeners.size === 0) return run(sql, params);
			reporting++;
			try {
				if (params && params.length > 0) {
					await conn.query(PROGRESS_ON);
					try {
						return await run(sql, params);
					} finally {
						await conn.query(PROGRESS_OFF);
					}
				}
				// Posted back to back, with no await between: the worker answers in order, so no other
				// query runs while the progress bar is on (one may between a prepared statement's two
				// round trips above, and would then report to the same listeners).
				const on = conn.query(PROGRESS_ON);
				const answer = conn.query(sql);
				const off = conn.query(PROGRESS_OFF);
				const [, table] = await Promise.all([on, answer, off]);
				return arrowToColumns(table);
			} finally {
				reporting--;
			}
		},
		onQueryProgress(listener: (progress: QueryProgress) => void): () => void {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		async registerFile(name: string, source: FileSource): Promise<void> {
			if (typeof source === 'string') await db.registerFileText(name, source);
			else if (source instanceof Uint8Array) {
				// DuckDB-WASM transfers the buffer to its worker, detaching it here; the caller (ingest
				// reads a sample after registering) keeps its bytes, as with the Node engine.
				await db.registerFileBuffer(name, source.slice());
			} else {
				// A File or Blob is registered as a handle: DuckDB reads it in slices, never copying it whole.
				await db.registerFileHandle(
					name,
					source,
					duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
					true
				);
			}
		},
		async dropFile(name: string): Promise<void> {
			await db.dropFile(name);
		},
		async close(): Promise<void> {
			await conn.close();
			await db.terminate();
		}
	};
}
