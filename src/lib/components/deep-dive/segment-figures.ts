/** The segment table's figures in words, by the one formatter; good or bad by the metric's direction. */
import type { Baseline, SegmentFigures, WeekFigures } from '../../app/metric-segments';
import { change } from '../../app/metric-segments';
import { isGoodNews } from '../../bands/signals';
import { formatChange, formatValue, type FormatSpec } from '../../format/number';
import type { ComparisonMethod, Direction } from '../../metrics/types';
import { tone, type Tone } from '../describe';

export interface ChangeCell {
	/** The difference in the metric's unit, signed: "+1.1 s" (a rate's in basis points). */
	difference: string;
	/** The relative change as the box shows it: "+61.2%" (or "+35 bps" for a rate). */
	relative: string;
	tone: Tone | 'none';
	raw: number | null;
}

export function changeCell(
	figures: WeekFigures,
	against: Baseline,
	format: FormatSpec,
	comparison: ComparisonMethod,
	direction: Direction
): ChangeCell {
	const moved = change(figures, against);
	const baseline = figures[against];
	if (moved === null || baseline === null) {
		return { difference: 'n/a', relative: 'n/a', tone: 'none', raw: null };
	}
	const relative =
		comparison === 'bps'
			? formatChange(moved * 10_000, 'bps')
			: baseline === 0
				? 'n/a'
				: formatChange((moved / Math.abs(baseline)) * 100, 'percent');
	const sign = moved > 0 ? '+' : '';
	// A rate's difference is in points: "−23 bps", not "−0.227%", which reads as a relative change.
	const difference =
		format.unit === 'percent'
			? formatChange(moved * 10_000, 'bps')
			: `${sign}${formatValue(moved, format)}`;
	return {
		difference,
		relative,
		tone: moved === 0 ? 'none' : tone(isGoodNews(moved > 0 ? 'above' : 'below', direction)),
		raw: moved
	};
}

/** A segment's part of the whole change: only meaningful when the parts add up (a sum). */
export function shareOfChange(
	segment: SegmentFigures,
	total: WeekFigures,
	against: Baseline
): string {
	const part = change(segment, against);
	const whole = change(total, against);
	if (part === null || whole === null || whole === 0) return 'n/a';
	return formatValue(part / whole, { unit: 'percent' });
}
