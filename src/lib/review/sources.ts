/**
 * The observations a review reads, in long form: one row per source (a metric name of the store,
 * with its segment filter), date and value. Sources are rows of a small table joined to the
 * store, one join per distinct filter, so a deck of 500 metrics is one scan, not 500.
 */
import { strings } from '../engine/columns';
import { ident, literal } from '../engine/sql';
import type { Engine, Param } from '../engine/types';
import type { Catalog, MetricSource, SegmentCondition } from '../metrics/types';
import { OBSERVATIONS, segmentDimensions } from '../store/observations';

const SQL_OPERATOR: Record<SegmentCondition['operator'], string> = {
	'==': '=',
	'!=': '<>',
	'>': '>',
	'<': '<',
	'>=': '>=',
	'<=': '<='
};

function conditionSql(condition: SegmentCondition): string {
	const op = SQL_OPERATOR[condition.operator];
	if (typeof condition.value === 'number') {
		return `TRY_CAST(o.${ident(condition.dimension)} AS DOUBLE) ${op} ${condition.value}`;
	}
	return `o.${ident(condition.dimension)} ${op} ${literal(condition.value)}`;
}

/** What tells sources apart besides their metric name: the segment filter. */
function filterOf(source: MetricSource): string[] {
	const parts = Object.entries(source.filter ?? {}).map(
		([dimension, value]) => `o.${ident(dimension)} = ${literal(value)}`
	);
	for (const condition of source.conditions ?? []) parts.push(conditionSql(condition));
	return parts;
}

/** A source's identity: equal keys read the same observations. */
export function sourceKey(source: MetricSource): string {
	return JSON.stringify([source.metric, source.filter ?? {}, source.conditions ?? []]);
}

/** Separates metric names in a `SourceParams` list: the ASCII unit separator. */
const SEPARATOR = '\u001f';

/**
 * The sources of a query passed as three parameters per segment filter (metric names, their
 * numbers and whether each is read in order), each a string split into a list by DuckDB, instead
 * of a VALUES table in the SQL: DuckDB-WASM spends far longer parsing and binding a VALUES table
 * of 500 rows (about 20 ms) than running a query that reads a few days of them. A query may
 * refer to one filter's lists several times (one part per date range).
 */
export class SourceParams {
	readonly params: Param[] = [];
	readonly #tables = new Map<string, string>();

	/** SQL: the table `s(source, metric, ordered)` of `rows`; null when a name holds the separator. */
	table(key: string, rows: { source: number; metric: string; ordered: boolean }[]): string | null {
		if (rows.some((row) => row.metric.includes(SEPARATOR))) return null;
		let table = this.#tables.get(key);
		if (!table) {
			const at = this.params.length;
			this.params.push(
				rows.map((row) => row.metric).join(SEPARATOR),
				rows.map((row) => row.source).join(','),
				rows.map((row) => row.ordered).join(',')
			);
			table = `(SELECT unnest(string_split($${at + 1}, chr(31))) AS metric,
    unnest(CAST(string_split($${at + 2}, ',') AS INTEGER[])) AS source,
    unnest(CAST(string_split($${at + 3}, ',') AS BOOLEAN[])) AS ordered) s`;
			this.#tables.set(key, table);
		}
		return table;
	}
}

/**
 * SQL: `source` (the index in `sources`), `ordered` (whether the source is one of `ordered`, the
 * sources read in order) and `select` of the rows of `table` (alias `o`) with each source's
 * metric name and segment filter, and `where`: one join of the sources (a VALUES table, or
 * `params`' lists) per distinct filter, so any number of sources is one scan.
 */
function joinedSourcesSql(
	sources: MetricSource[],
	ordered: MetricSource[],
	table: string,
	select: string,
	where: string[],
	params?: SourceParams
): string {
	const inOrder = new Set(ordered.map(sourceKey));
	const groups = new Map<
		string,
		{ filter: string[]; rows: { source: number; metric: string; ordered: boolean }[] }
	>();
	sources.forEach((source, index) => {
		const filter = filterOf(source);
		const key = filter.join(' AND ');
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { filter, rows: [] }));
		group.rows.push({
			source: index,
			metric: source.metric,
			ordered: inOrder.has(sourceKey(source))
		});
	});
	return [...groups.entries()]
		.map(([key, { filter, rows }]) => {
			const conditions = [...where, ...filter];
			const values = () =>
				`(VALUES ${rows.map((r) => `(${r.source}, ${literal(r.metric)}, ${r.ordered})`).join(', ')}) s(source, metric, ordered)`;
			return `SELECT s.source, s.ordered, ${select}
  FROM ${table} o JOIN ${params?.table(key, rows) ?? values()} ON o.metric = s.metric${conditions.length ? `\n  WHERE ${conditions.join(' AND ')}` : ''}`;
		})
		.join('\nUNION ALL ');
}

/**
 * SQL: `source`, `ordered`, `date`, `value` and `ord` (the day and the file's line, so `first` and
 * `last` follow the file's order within a day) of every observation with a value of `sources`.
 * `dates` narrows it to some date ranges (SQL conditions on `o.date`); with `params`, the sources
 * are parameters of the query (`SourceParams`).
 */
export function sourceObservationsSql(
	sources: MetricSource[],
	dates?: string,
	ordered: MetricSource[] = sources,
	params?: SourceParams
): string {
	if (sources.length === 0)
		return 'SELECT 0 AS source, false AS ordered, NULL::DATE AS date, NULL::DOUBLE AS value, 0 AS ord WHERE false';
	return joinedSourcesSql(
		sources,
		ordered,
		OBSERVATIONS,
		`o.date, o.value, ${OBSERVATION_ORDER} AS ord`,
		['o.value IS NOT NULL', ...(dates ? [`(${dates})`] : [])],
		params
	);
}

/** SQL: an observation's place in date order, then the file's line order. */
export const OBSERVATION_ORDER = `(o.date - DATE '1970-01-01') * 10000000000 + coalesce(o.source_line, 0)`;

/** SQL: `source`, `ordered` and every column of the rows of a bucket table (./bucketTable.ts) of `sources`. */
export function sourceBucketsSql(
	sources: MetricSource[],
	table: string,
	ordered: MetricSource[],
	params?: SourceParams
): string {
	if (sources.length === 0)
		return `SELECT 0 AS source, false AS ordered, * FROM ${table} WHERE false`;
	return joinedSourcesSql(sources, ordered, table, 'o.*', [], params);
}

/** SQL: each source's distinct dates with a value (`source`, `date`). */
export function sourceDatesSql(sources: MetricSource[]): string {
	return `SELECT DISTINCT source, date FROM (${sourceObservationsSql(sources)})`;
}

/** The store's metric names and segment columns, what `checkSources` checks against. */
export interface StoreContents {
	metrics: Set<string | null>;
	dimensions: Set<string>;
}

export async function storeContents(engine: Engine): Promise<StoreContents> {
	return {
		metrics: new Set(
			strings(await engine.query(`SELECT DISTINCT metric FROM ${OBSERVATIONS}`), 'metric')
		),
		dimensions: new Set(await segmentDimensions(engine))
	};
}

/** Checks every source exists in the store, naming a catalog metric that needs the missing one. */
export function checkSources(
	contents: StoreContents,
	catalog: Catalog,
	sources: MetricSource[]
): void {
	const { metrics: present, dimensions } = contents;
	for (const source of sources) {
		const user =
			catalog.metrics.find((m) => m.source?.metric === source.metric)?.id ?? source.metric;
		if (!present.has(source.metric)) {
			throw new Error(
				`metric "${user}": the data has no column or metric named "${source.metric}"`
			);
		}
		const used = [
			...Object.keys(source.filter ?? {}),
			...(source.conditions ?? []).map((c) => c.dimension)
		];
		for (const dimension of used) {
			if (!dimensions.has(dimension)) {
				throw new Error(
					`metric "${user}": the data has no segment column "${dimension}" to filter on`
				);
			}
		}
	}
}
