/**
 * Weekly and monthly buckets in SQL: the one aggregation the review reads the data with.
 *
 * `bucketsSql` groups rows of observations by a key (a source, or a metric and its segments) and
 * by week and by month in one GROUPING SETS pass. The app keeps a **bucket table** per loaded data
 * with segment columns (`createBucketTable`): every metric's buckets per combination of segment
 * values, so a source
 * store for any segment filter regroups a few buckets (`storeFromBucketsSql`) instead of scanning
 * every observation again. The command line, reviewing once, buckets the sources it needs
 * straight from the observations.
 */
import { ident } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { MetricSource } from '../metrics/types';
import { OBSERVATIONS, segmentDimensions } from '../store/observations';
import { OBSERVATION_ORDER, sourceBucketsSql, type SourceParams } from './sources';

/**
 * SQL: `kind` (0 a week, 1 a month), `keys`, `key` (the week's last day as a day number, or the
 * month number: ../periods/epochDays.ts), the days' `mask` (bit `d` for weekday `d` in a week,
 * `k - 1` for the `k`th of a month), `n`, `sum`, `min`, `max`, `first` and `last` of `rows`
 * (columns `keys`, `date`, `value`, `ord`). `firstLast`: `all`, or only where the row's `ordered`
 * is true (0 elsewhere: first and last cost a third of the scan), or `all` with their `first_ord`
 * and `last_ord` for regrouping.
 */
export function bucketsSql(
	rows: string,
	keys: string[],
	weekday: number,
	firstLast: 'ordered' | 'regroupable'
): string {
	const only = firstLast === 'ordered' ? ' FILTER (WHERE ordered)' : '';
	const ends =
		firstLast === 'regroupable'
			? `arg_min(value, ord) AS first, min(ord) AS first_ord, arg_max(value, ord) AS last, max(ord) AS last_ord`
			: `coalesce(arg_min(value, ord)${only}, 0) AS first, coalesce(arg_max(value, ord)${only}, 0) AS last`;
	const grouped = keys.join(', ');
	return `SELECT CAST(grouping(week) AS INTEGER) AS kind, ${grouped}, coalesce(week, month) AS key,
  CASE WHEN grouping(week) = 0 THEN bit_or(week_bit) ELSE bit_or(month_bit) END AS mask,
  CAST(count(*) AS DOUBLE) AS n, fsum(value) AS sum, min(value) AS min, max(value) AS max, ${ends}
FROM (SELECT *,
    -- Day numbers: 1 January 1970 was a Thursday, weekday 4 (Sunday = 0).
    day + (${weekday} - (day + 4) % 7 + 7) % 7 AS week,
    CAST(year(date) * 12 + month(date) - 1 AS INTEGER) AS month,
    CAST(1 << ((day + 4) % 7) AS INTEGER) AS week_bit,
    CAST(1 << (dayofmonth(date) - 1) AS INTEGER) AS month_bit
  FROM (SELECT *, CAST(date - DATE '1970-01-01' AS INTEGER) AS day FROM (${rows})))
GROUP BY GROUPING SETS ((${grouped}, week), (${grouped}, month))`;
}

let tableCount = 0;

/** Creates the bucket table of every observation, by metric and segment values; returns its name. */
export async function createBucketTable(engine: Engine, weekday: number): Promise<string> {
	const name = `flywheel_buckets_${++tableCount}`;
	const keys = ['metric', ...(await segmentDimensions(engine)).map(ident)];
	const rows = `SELECT ${keys.join(', ')}, date, value, ${OBSERVATION_ORDER} AS ord
  FROM ${OBSERVATIONS} o WHERE value IS NOT NULL`;
	await engine.query(
		`CREATE TEMP TABLE ${name} AS ${bucketsSql(rows, keys, weekday, 'regroupable')}`
	);
	return name;
}

/** SQL: the buckets of `sources` (by `source`), regrouped from the bucket table `table`. */
export function storeFromBucketsSql(
	sources: MetricSource[],
	ordered: MetricSource[],
	table: string,
	params?: SourceParams
): string {
	return `SELECT kind, source, key, bit_or(mask) AS mask, CAST(sum(n) AS DOUBLE) AS n, fsum(sum) AS sum,
  min(min) AS min, max(max) AS max,
  coalesce(arg_min(first, first_ord) FILTER (WHERE ordered), 0) AS first,
  coalesce(arg_max(last, last_ord) FILTER (WHERE ordered), 0) AS last
FROM (${sourceBucketsSql(sources, table, ordered, params)}) GROUP BY kind, source, key`;
}
