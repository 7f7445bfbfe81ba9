/**
 * How large a chart's text is drawn, set by a view for every card inside it: a slide read across
 * a room enlarges it, the reviews keep it as is. Canvas text does not follow CSS font sizes.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('chart text scale');

export function setChartTextScale(scale: number): void {
	setContext(KEY, scale);
}

export function chartTextScale(): number {
	return getContext<number | undefined>(KEY) ?? 1;
}
