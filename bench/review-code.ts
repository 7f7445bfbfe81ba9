/**
 * The review code on a loaded engine, timed step by step: what `npm run bench` measures in the
 * browser (DuckDB-WASM, the bench page) and natively (@duckdb/node-api), the same TypeScript and
 * SQL on both. The catalog is the one the app guesses for the file's metrics.
 */
import type { Engine } from '../src/lib/engine/types';
import { catalogFromMetrics } from '../src/lib/metrics/catalogFile';
import { deckFromCatalog } from '../src/lib/metrics/deck';
import { buildReview } from '../src/lib/review/buildReview';
import { defaultWeekEnding } from '../src/lib/review/defaultWeek';
import { ReviewCache } from '../src/lib/review/reviewCache';
import { deckMetricIds, planReviewMetrics } from '../src/lib/review/reviewMetrics';
import { OBSERVATIONS } from '../src/lib/store/observations';
import { timeEvidence, type EvidenceTimings } from './evidence-code';

export interface ReviewTimings {
	metrics: number;
	/** Store built and the default week found: the first review's share of reading the data. */
	storeMs: number;
	/** The operational review of the default week, after the store. */
	operationalMs: number;
	/** Then the strategic review of the same week. */
	strategicMs: number;
	/** Operational reviews of weeks not asked for before (each 5 weeks further back). */
	weekSwitchMs: number[];
	/** DuckDB's own memory while the review's store is kept (`duckdb_memory()`), MB. */
	duckdbMb: number;
	exceptions: number;
	monthlyExceptions: number;
	/** With `evidence`: the catalog as a metric tree, judged after the reviews (./evidence-code.ts). */
	evidence?: EvidenceTimings;
}

/** Runs the reviews of the data loaded in `engine`'s observations table. */
export async function timeReviews(
	engine: Engine,
	switches = 5,
	options: { evidence?: boolean } = {}
): Promise<ReviewTimings> {
	const names = await engine.query(`SELECT DISTINCT metric FROM ${OBSERVATIONS} ORDER BY 1`);
	const metrics = (names.columns['metric'] ?? []).map(String);
	const catalog = catalogFromMetrics(metrics);
	const shown = deckMetricIds(deckFromCatalog(catalog));
	const cache = new ReviewCache(shown);
	const deck = (view: 'operational' | 'strategic') => ({
		catalog,
		deck: deckFromCatalog(catalog, { view })
	});
	let t = performance.now();
	const lap = () => {
		const now = performance.now();
		const ms = now - t;
		t = now;
		return ms;
	};
	const weekEnding = await defaultWeekEnding(engine, catalog, planReviewMetrics(catalog, shown), {
		cache
	});
	const storeMs = lap();
	const operational = await buildReview(engine, deck('operational'), { cache, weekEnding });
	const operationalMs = lap();
	const strategic = await buildReview(engine, deck('strategic'), { cache, weekEnding });
	const strategicMs = lap();
	const weekSwitchMs: number[] = [];
	for (let i = 1; i <= switches; i++) {
		const week = new Date(Date.parse(weekEnding) - i * 5 * 7 * 86_400_000).toISOString();
		lap();
		await buildReview(engine, deck('operational'), { cache, weekEnding: week.slice(0, 10) });
		weekSwitchMs.push(lap());
	}
	const evidence = options.evidence
		? await timeEvidence(engine, catalog, cache, weekEnding)
		: undefined;
	const memory = await engine.query(
		'SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS bytes FROM duckdb_memory()'
	);
	return {
		metrics: metrics.length,
		storeMs,
		operationalMs,
		strategicMs,
		weekSwitchMs,
		duckdbMb: Number(memory.columns['bytes']?.[0] ?? 0) / 1e6,
		exceptions: operational.exceptions.length,
		monthlyExceptions: strategic.monthlyExceptions.length,
		...(evidence ? { evidence } : {})
	};
}
