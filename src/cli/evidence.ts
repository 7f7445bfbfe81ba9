/**
 * `flywheel evidence FILE... --config CATALOG [--week-ending YYYY-MM-DD] [--json]`: whether the
 * data supports each link the catalog declares (`drives`), and the undeclared links it suggests
 * (src/lib/evidence/README.md). `--json` prints the evidence JSON; without it, one line a link.
 */
import { describeLink, describeSuggestion, METHOD_IN_WORDS } from '../lib/evidence/describe';
import { reviewEvidence } from '../lib/evidence/reviewEvidence';
import type { Evidence } from '../lib/evidence/types';
import { parseLoadArgs, withLoadedData } from './load';

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

export async function evidence(args: string[]): Promise<number> {
	const options = parseLoadArgs(args);
	return withLoadedData('evidence', options, async (engine, { catalog }) => {
		const { evidence: result } = await reviewEvidence(engine, catalog, {
			weekEnding: options.weekEnding
		});
		const labels = new Map(catalog.metrics.map((m) => [m.id, m.label]));
		const label = (id: string) => labels.get(id) ?? id;
		console.log(options.json ? JSON.stringify(result, null, 2) : summary(result, label));
		return 0;
	});
}
