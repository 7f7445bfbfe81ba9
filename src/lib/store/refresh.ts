/**
 * A refreshed export: the same file name loaded again (next week's `weekly.csv`) is a new version
 * of that export and replaces the old one. Before the old version's observations leave the store,
 * they are kept aside, so the new version can be compared with them: how many days are new and
 * how many values changed on the days both versions have.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import { OBSERVATIONS, segmentDimensions, segmentsOf } from './observations';

const PREVIOUS = 'replaced_observations';

/** What a new version of an export changed, against the version it replaced. */
export interface RefreshChange {
	/** Days with a value in the new version and none in the old one. */
	newDays: number;
	/** Days the new version no longer has. */
	droppedDays: number;
	/** Observations (metric, day and segment) in both versions whose value differs. */
	changedValues: number;
}

/** Keeps the observations of the files about to be replaced, for `refreshChanges`. */
export async function keepReplaced(engine: Engine, fileNames: string[]): Promise<void> {
	if (fileNames.length === 0) return;
	const names = fileNames.map(literal).join(', ');
	await engine.query(
		`CREATE OR REPLACE TEMP TABLE ${PREVIOUS} AS SELECT * FROM ${OBSERVATIONS} WHERE source_file IN (${names})`
	);
}

/**
 * The change of each replaced file, by name, once its new version is in the store; the rows kept
 * aside are dropped. An observation is one metric on one day (and time) in one segment; values
 * of the same observation within a file are summed, as the review does.
 */
export async function refreshChanges(
	engine: Engine,
	fileNames: string[]
): Promise<Map<string, RefreshChange>> {
	const changes = new Map<string, RefreshChange>();
	if (fileNames.length === 0) return changes;
	const kept = new Set(segmentsOf((await engine.query(`SELECT * FROM ${PREVIOUS} LIMIT 0`)).names));
	const segments = (await segmentDimensions(engine)).filter((d) => kept.has(d)).map(ident);
	const key = ['metric', 'date', 'ts', ...segments].join(', ');
	const same = ['metric', 'date', 'ts', ...segments]
		.map((c) => `o.${c} IS NOT DISTINCT FROM n.${c}`)
		.join(' AND ');
	for (const name of fileNames) {
		const file = literal(name);
		const result = await engine.query(`WITH
			o AS (SELECT ${key}, sum(value) AS value FROM ${PREVIOUS} WHERE source_file = ${file} GROUP BY ALL),
			n AS (SELECT ${key}, sum(value) AS value FROM ${OBSERVATIONS} WHERE source_file = ${file} GROUP BY ALL),
			od AS (SELECT DISTINCT date FROM o WHERE value IS NOT NULL),
			nd AS (SELECT DISTINCT date FROM n WHERE value IS NOT NULL)
			SELECT
				(SELECT count(*) FROM nd WHERE date NOT IN (SELECT date FROM od)) AS new_days,
				(SELECT count(*) FROM od WHERE date NOT IN (SELECT date FROM nd)) AS dropped_days,
				(SELECT count(*) FROM o JOIN n ON ${same} WHERE o.value IS DISTINCT FROM n.value) AS changed`);
		const c = result.columns;
		changes.set(name, {
			newDays: Number(c['new_days']?.[0] ?? 0),
			droppedDays: Number(c['dropped_days']?.[0] ?? 0),
			changedValues: Number(c['changed']?.[0] ?? 0)
		});
	}
	await engine.query(`DROP TABLE IF EXISTS ${PREVIOUS}`);
	return changes;
}
