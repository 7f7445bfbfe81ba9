import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two colours (1 = identical lightness, 21 = black on white). */
function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

describe('theme', () => {
	it('tells good from bad by lightness alone, as a greyscale print does', () => {
		// Okabe-Ito's own blue (#0072b2) against vermillion is only 1.34:1; the darker blue is not.
		expect(contrast('#0072b2', theme.bad)).toBeLessThan(1.4);
		expect(contrast(theme.good, theme.bad)).toBeGreaterThanOrEqual(1.8);
	});

	it('keeps good, bad and plan readable as text on the card surface (3:1 or more)', () => {
		for (const colour of [theme.good, theme.bad, theme.plan, theme.muted, theme.ink]) {
			expect(contrast(colour, theme.surface)).toBeGreaterThanOrEqual(3);
		}
	});
});
