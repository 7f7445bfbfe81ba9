import { describe, expect, it } from 'vitest';
import { loadReviewConfig } from './config';
import { MAX_CATALOG_BYTES } from './configSource';

describe('catalog files Flywheel refuses to read', () => {
	it('refuses a file above the size limit at once, with its size and the limit', () => {
		// 6 MB of one long label: parsing is not even started.
		const text = `metrics:\n  orders:\n    label: ${'x'.repeat(6 * 1024 * 1024)}\n`;
		expect(text.length).toBeGreaterThan(MAX_CATALOG_BYTES);
		const began = performance.now();
		expect(() => loadReviewConfig(text, 'huge.yaml')).toThrow(
			/^huge\.yaml: the file is 6\.00 MiB; Flywheel reads catalogs up to 5\.00 MiB/
		);
		expect(performance.now() - began).toBeLessThan(200);
	});

	it('refuses a "billion laughs" file in its own words, naming the file', () => {
		const laughs = [
			'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
			'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
			'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
			'metrics: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
			''
		].join('\n');
		expect(() => loadReviewConfig(laughs, 'laughs.yaml')).toThrow(
			/^laughs\.yaml: the file repeats its aliases \(\*name\) so often/
		);
		expect(() => loadReviewConfig(laughs, 'laughs.yaml')).not.toThrow(/resource exhaustion/);
	});
});
