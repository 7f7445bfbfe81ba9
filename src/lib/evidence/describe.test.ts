import { describe, expect, it } from 'vitest';
import { describeLink, describeSuggestion, lagInWords, METHOD_IN_WORDS } from './describe';
import type { EvidenceLink } from './types';

const link = (verdict: EvidenceLink['verdict'], extra: Partial<EvidenceLink> = {}) =>
	({
		input: 'free_shipping_share',
		output: 'margin',
		declared: true,
		verdict,
		lagWeeks: 1,
		correlation: -0.412,
		weeks: 150,
		...extra
	}) satisfies EvidenceLink;
const labels: Record<string, string> = {
	free_shipping_share: 'Free shipping share',
	margin: 'Margin'
};
const label = (id: string) => labels[id] ?? id;

describe('verdicts in plain words', () => {
	it('names the lag in weeks', () => {
		expect([0, 1, 3].map(lagInWords)).toEqual(['the same week', '1 week later', '3 weeks later']);
	});

	it('says an opposite link moves the output the wrong way, when, and on how much data', () => {
		expect(describeLink(link('opposite'), label)).toBe(
			'Free shipping share moves Margin the wrong way, 1 week later (correlation -0.41, 150 weeks of data)'
		);
	});

	it('says a supported link moves it the expected way', () => {
		expect(describeLink(link('supported', { lagWeeks: 0, correlation: 0.5 }), label)).toBe(
			'Free shipping share moves Margin the expected way, the same week (correlation 0.50, 150 weeks of data)'
		);
	});

	it('says how many weeks are missing for too little data', () => {
		const short = link('too_little_data', { lagWeeks: null, correlation: null, weeks: 12 });
		expect(describeLink(short, label)).toBe(
			'Too little data to tell whether Free shipping share moves Margin: 12 weeks with both, 26 needed'
		);
	});

	it('marks a suggestion as a hypothesis, with its sign', () => {
		const suggestion = {
			input: 'free_shipping_share',
			output: 'margin',
			lagWeeks: 3,
			correlation: 0.3,
			weeks: 80
		};
		expect(describeSuggestion(suggestion, label)).toBe(
			'Margin moves the same way as Free shipping share, 3 weeks later (correlation 0.30, 80 weeks of data): a hypothesis to check, not a fact'
		);
	});

	it('states what "clear" means: 5% over the nine lags, 26 weeks', () => {
		expect(METHOD_IN_WORDS).toContain('less than 5% of the time over all 9 lags');
		expect(METHOD_IN_WORDS).toContain('lags of 0 to 8 weeks');
	});
});
