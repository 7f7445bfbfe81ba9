/**
 * `flywheel evidence FILE... [--config CATALOG] [--week-ending YYYY-MM-DD] [--json] [mapping
 * options]`: whether the data supports each link the catalog declares (`drives`), and the
 * undeclared links it suggests (src/lib/evidence/README.md). Without a catalog (or with a WBR App
 * configuration) no link is declared: only suggestions. `--json` prints the evidence JSON;
 * without it, one line a link.
 */
import { describeLink, describeSuggestion, METHOD_IN_WORDS } from '../lib/evidence/describe';
import { reviewEvidence } from '../lib/evidence/reviewEvidence';
import type { Evidence } from '../lib/evidence/types';
import type { ParsedArgs } from './args';
import { withLoadedData } from './load';

function summary(evidence: Evidence, label: (id: string) => string): string {
	const lines = [`Evidence over ${evidence.weeks} weeks`, '', 'Declared links:'];
	if (!evidence.links.length) lines.push('  none (the catalog declares no `drives`)');
	for (const link of evidence.links) {
		lines.push(`  ${link.verdict}: ${describeLink(link, label)}`);
	}
	lines.push('', 'Suggested links:');
	if (!evidence.suggested.length) lines.push('  none');
	for (const link of evidence.suggested) lines.push(`  ${describeSuggestion(link, label)}`);
	lines.push('', METHOD_IN_WORDS);
	return lines.join('\n');
}

export async function evidence(parsed: ParsedArgs): Promise<number> {
	return withLoadedData('evidence', parsed, async (engine, { config, weekEnding, json }) => {
		const { catalog } = config;
		const { evidence: result } = await reviewEvidence(engine, catalog, { weekEnding });
		const labels = new Map(catalog.metrics.map((m) => [m.id, m.label]));
		const label = (id: string) => labels.get(id) ?? id;
		console.log(json ? JSON.stringify(result, null, 2) : summary(result, label));
		return 0;
	});
}
