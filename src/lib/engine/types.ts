/**
 * The engine's small typed API. Browser (DuckDB-WASM in a Web Worker), Node (DuckDB-WASM's
 * blocking Node build) and native DuckDB (native.ts, the command line's) implement the same
 * interface, so every query the app runs is tested against real DuckDB.
 */

/** One value of a result column, already converted to a plain JS value. */
export type Cell = number | string | boolean | null;

/** A query result as columns (never row objects): `columns[name][i]` is row i of column `name`. */
export interface QueryResult {
	names: string[];
	rowCount: number;
	columns: Record<string, Cell[]>;
	/** Numeric columns without nulls as typed arrays, where the engine has them (columns.ts). */
	numeric?: Record<string, ArrayLike<number>>;
}

/** A positional parameter of a prepared statement (`?` in the SQL). */
export type Param = number | string | boolean | null;

/** What a file to register can be: a browser File handle, bytes, or text. */
export type FileSource = Blob | Uint8Array | string;

/** How far a running query is, by DuckDB's own estimate. */
export interface QueryProgress {
	/**
	 * 0 to 1. For a `read_csv`, about the share of the file's bytes read, in steps of a few MB. It
	 * may stop short of 1 when the query ends (the one-pass load's INSERT ends at 0.95).
	 */
	fraction: number;
}

export interface QueryOptions {
	/**
	 * Report this query's progress to the `onQueryProgress` listeners while it runs. Meant for a
	 * query that is a long step's whole work (a file read into a table): DuckDB's progress
	 * reporting is turned on only around such a query.
	 */
	reportProgress?: boolean;
}

export interface Engine {
	/** Runs one statement; with params it is prepared and the `?` placeholders are bound in order. */
	query(sql: string, params?: Param[], options?: QueryOptions): Promise<QueryResult>;
	/**
	 * Calls `listener` as a query run with `reportProgress` moves on; returns the unsubscribe. Only
	 * the browser engine reports anything: the Node build runs a query in one blocking call.
	 */
	onQueryProgress?(listener: (progress: QueryProgress) => void): () => void;
	/** Makes a file readable by name in SQL (`read_csv('name')`). A Blob is registered as a handle, not copied. */
	registerFile(name: string, source: FileSource): Promise<void>;
	/** Forgets a registered file. */
	dropFile(name: string): Promise<void>;
	close(): Promise<void>;
}

/** Download and instantiate progress of the engine's wasm module, in bytes. */
export interface StartProgress {
	bytesLoaded: number;
	bytesTotal: number;
}

/** The engine could not start (wasm blocked, out of memory, worker refused); `message` is for the user. */
export class EngineStartError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'EngineStartError';
	}
}
