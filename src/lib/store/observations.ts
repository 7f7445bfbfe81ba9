/**
 * The one canonical store: every observation from every file lands in one long DuckDB table, so
 * everything downstream (periods, bands, the review) is one kind of query.
 *
 *   observations(date DATE, ts TIMESTAMP, metric VARCHAR, value DOUBLE,
 *                <one VARCHAR column per segment dimension, e.g. region, channel>,
 *                source_file VARCHAR, source_line BIGINT)
 *
 * `date` is the calendar day; `ts` keeps a sub-daily timestamp when the file had one (null
 * otherwise). `value` is null for "no data" (an empty cell, NA, null, ...), never 0. Segment
 * columns are added as files bring new dimensions; a metric without a segment has null there.
 * `source_line` is the 1-based physical line of the file the value came from.
 */
import { ident } from '../engine/sql';
import type { Engine } from '../engine/types';

export const OBSERVATIONS = 'observations';

/** Columns every observation has; anything else in the table is a segment dimension. */
export const CORE_COLUMNS = [
	'date',
	'ts',
	'metric',
	'value',
	'source_file',
	'source_line'
] as const;

export async function createObservationsTable(engine: Engine): Promise<void> {
	await engine.query(
		`CREATE TABLE IF NOT EXISTS ${OBSERVATIONS} (date DATE NOT NULL, ts TIMESTAMP, metric VARCHAR NOT NULL, value DOUBLE, source_file VARCHAR NOT NULL, source_line BIGINT)`
	);
}

/**
 * The segment dimensions present in the store, in the order they were added. Read from the
 * table's own result columns: the first `information_schema` query of a session costs 100-200 ms
 * (it materialises the whole catalog), this one about 1 ms.
 */
export async function segmentDimensions(engine: Engine): Promise<string[]> {
	return segmentsOf((await engine.query(`SELECT * FROM ${OBSERVATIONS} LIMIT 0`)).names);
}

/** The segment dimensions among a store query's column names. */
export function segmentsOf(names: string[]): string[] {
	const core = new Set<string>(CORE_COLUMNS);
	return names.filter((name) => !core.has(name));
}

/**
 * Adds segment dimension columns the store does not have yet; `existing` saves the look-up when
 * the caller has just read the store's columns.
 */
export async function ensureSegmentColumns(
	engine: Engine,
	dimensions: string[],
	existing?: string[]
): Promise<void> {
	const have = new Set(existing ?? (await segmentDimensions(engine)));
	for (const dimension of dimensions) {
		if (have.has(dimension) || (CORE_COLUMNS as readonly string[]).includes(dimension)) continue;
		await engine.query(`ALTER TABLE ${OBSERVATIONS} ADD COLUMN ${ident(dimension)} VARCHAR`);
		have.add(dimension);
	}
}
