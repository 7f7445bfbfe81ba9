import type { Cell, QueryResult } from './types';

/** The slice of an Apache Arrow table this module reads; both DuckDB builds return one. */
interface ArrowVector {
	length: number;
	nullCount: number;
	type: { typeId: number };
	get(index: number): unknown;
	isValid(index: number): boolean;
	toArray(): unknown;
}
interface ArrowTable {
	numRows: number;
	schema: { fields: { name: string }[] };
	getChildAt(index: number): ArrowVector | null;
}

// Apache Arrow's Type enum, as numbers, so this module does not import Arrow itself.
const TYPE_INT = 2;
const TYPE_FLOAT = 3;
const TYPE_DATE = 8;
const TYPE_TIMESTAMP = 10;

/** Milliseconds since the epoch as an ISO date, in UTC (both engines write a date this way). */
export function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch as `YYYY-MM-DD HH:MM:SS`, in UTC. */
export function isoTimestamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

// Arrow JS already hands DATE and TIMESTAMP values over as milliseconds since the epoch.
function toCell(value: unknown, typeId: number): Cell {
	if (value === null || value === undefined) return null;
	if (typeId === TYPE_DATE) return isoDate(Number(value));
	if (typeId === TYPE_TIMESTAMP) return isoTimestamp(Number(value));
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
		return value;
	}
	return String(value);
}

function vectorToCells(vector: ArrowVector): Cell[] {
	const { typeId } = vector.type;
	const numeric = typeId === TYPE_FLOAT || typeId === TYPE_INT;
	if (numeric && vector.nullCount === 0) {
		// Fast path: a numeric column without nulls copies straight from Arrow's typed array
		// (64-bit integers one by one, from BigInt).
		const values = vector.toArray() as ArrayLike<number> | BigInt64Array | BigUint64Array;
		if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
			const cells = new Array<Cell>(values.length);
			for (let i = 0; i < values.length; i++) cells[i] = Number(values[i]);
			return cells;
		}
		return Array.from(values as ArrayLike<number>);
	}
	const cells: Cell[] = new Array<Cell>(vector.length);
	for (let i = 0; i < vector.length; i++) {
		cells[i] = vector.isValid(i) ? toCell(vector.get(i), typeId) : null;
	}
	return cells;
}

/** Defines `record[name]` as `compute()`, run when first read: a result's column converts on demand. */
export function lazily<T>(record: Record<string, T>, name: string, compute: () => T): void {
	Object.defineProperty(record, name, {
		enumerable: true,
		configurable: true,
		get() {
			const value = compute();
			Object.defineProperty(record, name, { value, enumerable: true, writable: true });
			return value;
		}
	});
}

/**
 * Converts an Arrow result to columns of plain values: numbers, strings, booleans and null.
 * DATE becomes `YYYY-MM-DD` and TIMESTAMP `YYYY-MM-DD HH:MM:SS` (UTC, as stored), so dates compare
 * as strings and never shift with the viewer's time zone.
 *
 * A column converts when first read, so a large result costs only the columns a caller reads;
 * a 32-bit or floating-point column without nulls is also kept as Arrow's own typed array
 * (`numeric`), which `numericColumn` hands over without converting at all.
 */
export function arrowToColumns(table: ArrowTable): QueryResult {
	const names = table.schema.fields.map((f) => f.name);
	const columns: Record<string, Cell[]> = {};
	const numeric: Record<string, ArrayLike<number>> = {};
	names.forEach((name, index) => {
		const vector = table.getChildAt(index);
		const { typeId } = vector?.type ?? { typeId: -1 };
		const bits = (vector?.type as { bitWidth?: number } | undefined)?.bitWidth ?? 64;
		if (
			vector &&
			vector.nullCount === 0 &&
			(typeId === TYPE_FLOAT || (typeId === TYPE_INT && bits <= 32))
		) {
			lazily(numeric, name, () => vector.toArray() as ArrayLike<number>);
		}
		lazily(columns, name, () => (vector ? vectorToCells(vector) : []));
	});
	return { names, rowCount: table.numRows, columns, numeric };
}

/**
 * A numeric column as an array of numbers: the typed array itself when the engine kept one (no
 * nulls), else the converted column with nulls as NaN-free `null`s left to the caller.
 */
export function numericColumn(result: QueryResult, name: string): ArrayLike<number | null> {
	return result.numeric?.[name] ?? numbers(result, name);
}

/** One column of a result, by name; a missing column is a programming error and throws. */
export function column<T extends Cell = Cell>(result: QueryResult, name: string): T[] {
	const values = result.columns[name];
	if (!values)
		throw new Error(`Query result has no column "${name}" (has: ${result.names.join(', ')})`);
	return values as T[];
}

/** A numeric column with nulls kept as null. */
export function numbers(result: QueryResult, name: string): (number | null)[] {
	return column<number | null>(result, name);
}

/** A string column with nulls kept as null. */
export function strings(result: QueryResult, name: string): (string | null)[] {
	return column<string | null>(result, name);
}
