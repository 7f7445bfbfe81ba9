/**
 * The evidence for a 500-metric deck, timed after its review (src/lib/evidence/README.md): the
 * issue's performance target, 250 declared links and the suggestion search over every other
 * input x output pair, from the review's own cache as the app asks it (ReviewState.evidence).
 */
import type { Engine } from '../src/lib/engine/types';
import { judgeEvidence } from '../src/lib/evidence/evidence';
import { reviewEvidence } from '../src/lib/evidence/reviewEvidence';
import type { Catalog } from '../src/lib/metrics/types';
import type { ReviewCache } from '../src/lib/review/reviewCache';

export interface EvidenceTimings {
	links: number;
	/** Undeclared input x output pairs the suggestion search tried. */
	pairs: number;
	/** Weekly history from the review's cache, then the judging: what the app waits for. */
	totalMs: number;
	/** The judging alone, on the same weekly series (a second run). */
	judgeMs: number;
	weeks: number;
	supported: number;
	suggested: number;
}

/**
 * The reviewed catalog as a metric tree: its first half inputs, each declared to drive the
 * output of the same rank in the second half (500 metrics: 250 links).
 */
export function linkedCatalog(catalog: Catalog): Catalog {
	const half = Math.floor(catalog.metrics.length / 2);
	return {
		...catalog,
		// A guessed catalog (the bench's) declares no link of its own.
		metrics: catalog.metrics.map((metric, i) =>
			i < half
				? {
						...metric,
						kind: 'input' as const,
						direction: 'higher_is_better' as const,
						drives: [catalog.metrics[half + i]!.id]
					}
				: { ...metric, kind: 'output' as const, direction: 'higher_is_better' as const }
		)
	};
}

export async function timeEvidence(
	engine: Engine,
	reviewed: Catalog,
	cache: ReviewCache,
	weekEnding: string
): Promise<EvidenceTimings> {
	const catalog = linkedCatalog(reviewed);
	const began = performance.now();
	const { evidence, values } = await reviewEvidence(engine, catalog, { weekEnding, cache });
	const totalMs = performance.now() - began;
	const judging = performance.now();
	judgeEvidence(catalog.metrics, values);
	const judgeMs = performance.now() - judging;
	const inputs = catalog.metrics.filter((m) => m.kind === 'input').length;
	return {
		links: evidence.links.length,
		pairs: inputs * (catalog.metrics.length - inputs) - evidence.links.length,
		totalMs,
		judgeMs,
		weeks: evidence.weeks,
		supported: evidence.links.filter((l) => l.verdict === 'supported').length,
		suggested: evidence.suggested.length
	};
}
