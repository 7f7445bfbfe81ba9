/**
 * The evidence of a loaded data and catalog: every metric's weekly series from the review's own
 * history (../demo/weekly-series.ts, which composes them by ../review/metricHistory.ts, so the
 * aggregation, week ending and segment filter are the review's), judged by ./evidence.ts. The one
 * file of this folder that reads data; the method itself is pure.
 */
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { weeklySeries } from '../demo/weekly-series';
import type { ReviewCache } from '../review/reviewCache';
import { judgeEvidence } from './evidence';
import type { Evidence } from './types';

/** The evidence and the weekly series it was judged on, for charts that show them. */
export interface EvidenceWithHistory {
	evidence: Evidence;
	weekEndings: string[];
	values: ReadonlyMap<string, (number | null)[]>;
}

export async function reviewEvidence(
	engine: Engine,
	/** The catalog as reviewed (with a segment filter, the filtered one). */
	catalog: Catalog,
	/** `weekEnding`: the newest week judged (default: the last complete week in the data). */
	options: { weekEnding?: string; cache?: ReviewCache; suggest?: boolean } = {}
): Promise<EvidenceWithHistory> {
	const series = await weeklySeries(engine, catalog, options);
	const values = new Map(series.map((s) => [s.id, s.values]));
	return {
		evidence: judgeEvidence(catalog.metrics, values, { suggest: options.suggest }),
		weekEndings: series[0]?.weekEndings ?? [],
		values
	};
}
