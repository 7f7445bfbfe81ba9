/**
 * The engine on native DuckDB (@duckdb/node-api): what the command line runs, and the benchmark's
 * yardstick for the browser. It answers with the same cells as the DuckDB-WASM builds
 * (`arrowToColumns` in columns.ts), so the same SQL gives the same review on either.
 *
 * Native DuckDB reads files from disk, not from registered buffers: a registered file is written
 * to (or, when the bench opened it from a path, linked into) a scratch folder DuckDB searches, and
 * that folder is also where a query larger than memory spills.
 */
import type * as NodeApi from '@duckdb/node-api';
import type {
	DuckDBDataChunk,
	DuckDBDecimalType,
	DuckDBDecimalValue,
	DuckDBResult,
	DuckDBType,
	DuckDBValue
} from '@duckdb/node-api';
import type * as NodeBindings from '@duckdb/node-bindings';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isoDate, isoTimestamp, lazily } from './columns';
import { STARTUP_SQL } from './settings';
import { literal } from './sql';
import type { Cell, Engine, FileSource, Param, QueryResult } from './types';

// Loaded with `require`, not `import`: importing these CommonJS packages from an ES module makes
// Node scan each of their ~180 files for export names first, ~180 ms of a 0.5 s `flywheel inspect`.
const require = createRequire(import.meta.url);
const { BOOLEAN, DOUBLE, DuckDBInstance, DuckDBTypeId, VARCHAR, uhugeint_to_double } =
	require('@duckdb/node-api') as typeof NodeApi;
// node-api's own bindings to DuckDB's C API, for reading a column's memory directly.
const bindings = require('@duckdb/node-bindings') as typeof NodeBindings;

/**
 * Settings only native DuckDB has. The WASM builds have no ICU, so a TIMESTAMPTZ there is UTC;
 * native DuckDB links ICU in and would otherwise use the machine's time zone.
 */
const NATIVE_STARTUP_SQL = ["SET TimeZone = 'UTC'"];

/** Blobs opened from a path (`fs.openAsBlob`), and that path: registered as a link, not copied. */
const paths = new WeakMap<Blob, string>();

/** Marks `blob` as the file at `path`, so registering it links the file instead of copying it. */
export function fileBlob(blob: Blob, path: string): Blob {
	paths.set(blob, path);
	return blob;
}

const DAY_MS = 86_400_000;

const TWO_53 = 2n ** 53n;
const TWO_64 = 2n ** 64n;

/** 10^-scale, as the double literal `1e-<scale>` (Arrow's table of powers of ten). */
function inversePowerOfTen(scale: number): number {
	return Number(`1e${-scale}`);
}

/** A non-negative 128-bit integer as Arrow makes it a double: high word, then low, then scaled. */
function unsplitToDouble(magnitude: bigint, scale: number): number {
	const whole = Number(magnitude / TWO_64) * 2 ** 64 + Number(magnitude % TWO_64);
	return whole * inversePowerOfTen(scale);
}

/**
 * A DECIMAL's unscaled value (or a HUGEINT, scale 0) as DuckDB-WASM hands it over with
 * `castDecimalToDouble` and `castBigIntToDouble`: DuckDB makes it an Arrow decimal128, and Arrow's
 * `Decimal128::ToDouble` multiplies the magnitude by 10^-scale, splitting it into whole and
 * fraction first when it is beyond 2^53. DuckDB's own CAST divides instead, so -0.3 there is
 * -0.3 but -0.30000000000000004 in the browser: this repeats the browser's arithmetic exactly.
 */
function decimalToDouble(unscaled: bigint, scale: number): number {
	const magnitude = unscaled < 0n ? -unscaled : unscaled;
	let value: number;
	if (scale <= 0 || magnitude <= TWO_53) value = unsplitToDouble(magnitude, scale);
	else {
		const power = 10n ** BigInt(scale);
		value = unsplitToDouble(magnitude / power, 0) + unsplitToDouble(magnitude % power, scale);
	}
	return unscaled < 0n ? -value : value;
}

/**
 * A fixed-width column read straight from DuckDB's memory, the way most result cells come (about
 * five times faster than a value object per cell): `raw` views a chunk's values as numbers, and
 * `toCell` turns a valid one into its cell when the number is not the cell itself.
 */
interface FixedWidth {
	bytes: number;
	raw(data: Uint8Array, rows: number): ArrayLike<number>;
	toCell?: (raw: number) => Cell;
}

const TWO_32 = 2 ** 32;

/** BIGINT as a number: high word times 2^32 plus the low word is exact, so it rounds only once. */
function int64s(data: Uint8Array, rows: number, signed: boolean): Float64Array {
	const words = new Uint32Array(data.buffer, data.byteOffset, rows * 2);
	const values = new Float64Array(rows);
	for (let i = 0; i < rows; i++) {
		const high = words[2 * i + 1] as number;
		values[i] = (signed ? high | 0 : high) * TWO_32 + (words[2 * i] as number);
	}
	return values;
}

function fixedWidth(typeId: number): FixedWidth | undefined {
	const view =
		<A extends ArrayLike<number>>(
			Type: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => A
		) =>
		(data: Uint8Array, rows: number) =>
			new Type(data.buffer, data.byteOffset, rows);
	switch (typeId) {
		case DuckDBTypeId.DOUBLE:
			return { bytes: 8, raw: view(Float64Array) };
		case DuckDBTypeId.FLOAT:
			return { bytes: 4, raw: view(Float32Array) };
		case DuckDBTypeId.INTEGER:
			return { bytes: 4, raw: view(Int32Array) };
		case DuckDBTypeId.SMALLINT:
			return { bytes: 2, raw: view(Int16Array) };
		case DuckDBTypeId.TINYINT:
			return { bytes: 1, raw: view(Int8Array) };
		case DuckDBTypeId.UINTEGER:
			return { bytes: 4, raw: view(Uint32Array) };
		case DuckDBTypeId.USMALLINT:
			return { bytes: 2, raw: view(Uint16Array) };
		case DuckDBTypeId.UTINYINT:
			return { bytes: 1, raw: view(Uint8Array) };
		case DuckDBTypeId.BIGINT:
			return { bytes: 8, raw: (data, rows) => int64s(data, rows, true) };
		case DuckDBTypeId.UBIGINT:
			return { bytes: 8, raw: (data, rows) => int64s(data, rows, false) };
		case DuckDBTypeId.BOOLEAN:
			return { bytes: 1, raw: view(Uint8Array), toCell: (raw) => raw !== 0 };
		case DuckDBTypeId.DATE:
			return { bytes: 4, raw: view(Int32Array), toCell: (days) => isoDate(days * DAY_MS) };
		default:
			return undefined;
	}
}

/** Column `column` of `chunk` as `type` reads it from DuckDB's memory. */
function rawValues(chunk: DuckDBDataChunk, column: number, type: FixedWidth): ArrayLike<number> {
	const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
	return type.raw(bindings.vector_get_data(vector, chunk.rowCount * type.bytes), chunk.rowCount);
}

/** Which rows of column `column` of `chunk` are valid, a bit each in 64-bit words; none: all are. */
function validityOf(chunk: DuckDBDataChunk, column: number): Uint8Array | null {
	const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
	return bindings.vector_get_validity(
		vector,
		Math.ceil(chunk.rowCount / 64) * 8
	) as Uint8Array | null;
}

/** Writes the cells of column `column` of `chunk` into `out` from `at` on. */
function readFixedWidth(
	chunk: DuckDBDataChunk,
	column: number,
	type: FixedWidth,
	out: Cell[],
	at: number
): void {
	const raw = rawValues(chunk, column, type);
	const valid = validityOf(chunk, column);
	const { toCell } = type;
	for (let r = 0; r < chunk.rowCount; r++) {
		if (valid && (((valid[r >> 3] as number) >> (r & 7)) & 1) === 0) out[at + r] = null;
		else out[at + r] = toCell ? toCell(raw[r] as number) : (raw[r] as number);
	}
}

type ToCell = (value: DuckDBValue) => Cell;

const asIs: ToCell = (value) => value as Cell;
const text: ToCell = (value) => String(value);

/** How a value of any other type becomes a cell (see `arrowToColumns`). */
function cellConverter(type: DuckDBType): ToCell {
	switch (type.typeId) {
		case DuckDBTypeId.VARCHAR:
		case DuckDBTypeId.ENUM:
			return asIs;
		case DuckDBTypeId.HUGEINT:
			return (value) => decimalToDouble(value as bigint, 0);
		case DuckDBTypeId.DECIMAL: {
			const { scale } = type as DuckDBDecimalType;
			return (value) => decimalToDouble((value as DuckDBDecimalValue).value, scale);
		}
		// DuckDB-WASM hands a UHUGEINT over as its 16 bytes; DuckDB's own cast is more use.
		case DuckDBTypeId.UHUGEINT:
			return (value) => uhugeint_to_double(value as bigint);
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return (value) => isoTimestamp(Number((value as { micros: bigint }).micros / 1000n));
		case DuckDBTypeId.TIMESTAMP_S:
			return (value) => isoTimestamp(Number((value as { seconds: bigint }).seconds) * 1000);
		case DuckDBTypeId.TIMESTAMP_MS:
			return (value) => isoTimestamp(Number((value as { millis: bigint }).millis));
		case DuckDBTypeId.TIMESTAMP_NS:
			return (value) => isoTimestamp(Number((value as { nanos: bigint }).nanos / 1_000_000n));
		// Microseconds since midnight, as Arrow hands a TIME over.
		case DuckDBTypeId.TIME:
			return (value) => Number((value as { micros: bigint }).micros);
		// As Arrow's byte array turns into text: the bytes as numbers, comma-separated.
		case DuckDBTypeId.BLOB:
			return (value) => Array.from((value as { bytes: Uint8Array }).bytes).join(',');
		case DuckDBTypeId.SQLNULL:
			return () => null;
		// UUID, INTERVAL, LIST, STRUCT, MAP and the rest: DuckDB's own text.
		default:
			return text;
	}
}

function readValues(
	chunk: DuckDBDataChunk,
	column: number,
	toCell: ToCell,
	out: Cell[],
	at: number
): void {
	const vector = chunk.getColumnVector(column);
	for (let r = 0; r < chunk.rowCount; r++) {
		const value = vector.getItem(r);
		out[at + r] = value === null ? null : toCell(value);
	}
}

/**
 * A result as columns, each converted when first read (DuckDB keeps the chunks until then). A
 * number column without nulls is also one typed array (`numeric`, read by `numericColumn`), as
 * the WASM builds hand it over.
 */
async function resultToColumns(result: DuckDBResult): Promise<QueryResult> {
	const names = result.columnNames();
	const types = result.columnTypes();
	const chunks: DuckDBDataChunk[] = [];
	let rowCount = 0;
	for (;;) {
		const chunk = await result.fetchChunk();
		if (!chunk || chunk.rowCount === 0) break;
		chunks.push(chunk);
		rowCount += chunk.rowCount;
	}
	const columns: Record<string, Cell[]> = {};
	const numeric: Record<string, ArrayLike<number>> = {};
	names.forEach((name, c) => {
		const type = types[c] as DuckDBType;
		const fixed = fixedWidth(type.typeId);
		lazily(columns, name, () => {
			const toCell = fixed ? undefined : cellConverter(type);
			const cells = new Array<Cell>(rowCount);
			let at = 0;
			for (const chunk of chunks) {
				if (fixed) readFixedWidth(chunk, c, fixed, cells, at);
				else readValues(chunk, c, toCell as ToCell, cells, at);
				at += chunk.rowCount;
			}
			return cells;
		});
		if (fixed && !fixed.toCell && chunks.every((chunk) => !validityOf(chunk, c))) {
			lazily(numeric, name, () => {
				const values = new Float64Array(rowCount);
				let at = 0;
				for (const chunk of chunks) {
					values.set(rawValues(chunk, c, fixed), at);
					at += chunk.rowCount;
				}
				return values;
			});
		}
	});
	return { names, rowCount, columns, numeric };
}

/** DuckDB-WASM binds every number as a DOUBLE: bind the same types here. */
function paramType(param: Param): DuckDBType {
	if (typeof param === 'number') return DOUBLE;
	if (typeof param === 'boolean') return BOOLEAN;
	return VARCHAR;
}

export async function startNativeEngine(): Promise<Engine> {
	const folder = mkdtempSync(join(tmpdir(), 'flywheel-native-'));
	const instance = await DuckDBInstance.create(':memory:', {
		temp_directory: join(folder, 'spill')
	});
	const conn = await instance.connect();
	for (const sql of [...STARTUP_SQL, ...NATIVE_STARTUP_SQL]) await conn.run(sql);
	await conn.run(`SET file_search_path = ${literal(folder)}`);

	const registeredPath = (name: string): string => {
		if (name === '.' || name === '..' || basename(name) !== name) {
			throw new Error(`A registered file is named without a folder, not "${name}"`);
		}
		return join(folder, name);
	};

	return {
		async query(sql: string, params?: Param[]): Promise<QueryResult> {
			const result =
				params && params.length > 0
					? await conn.run(sql, params, params.map(paramType))
					: await conn.run(sql);
			return resultToColumns(result);
		},
		async registerFile(name: string, source: FileSource): Promise<void> {
			const target = registeredPath(name);
			rmSync(target, { force: true });
			const path = source instanceof Blob ? paths.get(source) : undefined;
			if (path) symlinkSync(path, target);
			else if (typeof source === 'string' || source instanceof Uint8Array) {
				writeFileSync(target, source);
			} else writeFileSync(target, new Uint8Array(await source.arrayBuffer()));
		},
		async dropFile(name: string): Promise<void> {
			rmSync(registeredPath(name), { force: true });
		},
		// A query here runs to its end inside one await; `reportProgress` is ignored, as in node.ts.
		onQueryProgress(): () => void {
			return () => {};
		},
		async close(): Promise<void> {
			conn.closeSync();
			instance.closeSync();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
