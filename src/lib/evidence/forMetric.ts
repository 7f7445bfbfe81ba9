/** What a metric's deep dive shows of the evidence: its own links and suggestions. */
import type { MetricKind } from '../metrics/types';
import type { Evidence, EvidenceLink, SuggestedLink } from './types';

export interface MetricEvidence {
	/** For an output, the declared links of the inputs that drive it; for an input, of the outputs it drives. */
	links: EvidenceLink[];
	/** The same side's suggestions, strongest first. */
	suggested: SuggestedLink[];
}

export function evidenceForMetric(
	evidence: Evidence,
	metric: { id: string; kind: MetricKind }
): MetricEvidence {
	const side = metric.kind === 'output' ? 'output' : 'input';
	return {
		links: evidence.links.filter((l) => l[side] === metric.id),
		suggested: evidence.suggested.filter((s) => s[side] === metric.id)
	};
}
