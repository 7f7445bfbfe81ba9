import type { DuckDBConfig } from '@duckdb/duckdb-wasm';

/**
 * Open options shared by the browser and the Node build. Arrow hands 64-bit integers, HUGEINT
 * (what `sum()` of integers returns) and DECIMAL over as BigInt or big-number objects; casting
 * them to DOUBLE inside DuckDB keeps every number a plain JS number.
 */
export const OPEN_CONFIG: DuckDBConfig = {
	query: { castBigIntToDouble: true, castDecimalToDouble: true }
};

/**
 * Statements run once after start-up. DuckDB would otherwise try to download an extension (for
 * example ICU for `current_date`) from the internet: customer data never leaves the browser, and
 * a blocked download would hang the query. Queries that need an extension fail fast instead.
 */
export const STARTUP_SQL = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
];

/** A first query compiles DuckDB's hot paths; running it at start-up makes the user's first query fast. */
export const WARMUP_SQL =
	"SELECT count(*), sum(range::DOUBLE), min(strftime(DATE '2024-01-01' + range::INTEGER, '%Y-%m-%d')) FROM range(10000)";
