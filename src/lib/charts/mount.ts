/**
 * The one place ECharts meets the page: a Svelte attachment that draws an option into an element
 * when it first comes into view, redraws on change, follows the element's size and cleans up.
 * Drawing on view keeps a review of a hundred metrics smooth to scroll.
 */
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Attachment } from 'svelte/attachments';
import { CHART_PARTS } from './parts';

echarts.use([...CHART_PARTS, CanvasRenderer]);

/** Charts not yet scrolled into view, each with its way to draw now. */
const waiting = new Set<() => void>();

/**
 * Draws every chart still waiting to be seen: a printout has no scrolling, so without this the
 * cards below the fold would print empty. The browser's print command fires `beforeprint`.
 */
export function drawAllCharts(): void {
	for (const draw of [...waiting]) draw();
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', drawAllCharts);

/**
 * Charts that came into view, drawn one per animation frame: a fast scroll brings several cards
 * in at once, and drawing them all in one task would freeze the page for that long.
 */
const inView: (() => void)[] = [];
let frameRequested = false;
let held = false;

function drawNextInView(): void {
	frameRequested = false;
	if (held) return;
	inView.shift()?.();
	if (inView.length > 0) requestFrame();
}

function requestFrame(): void {
	if (frameRequested || held) return;
	frameRequested = true;
	requestAnimationFrame(drawNextInView);
}

/**
 * Holds back the charts waiting to be drawn (while the page builds what replaces them: a review
 * of another week), or lets them go on. Drawing a chart that is about to go would only slow the
 * build down.
 */
export function holdCharts(hold: boolean): void {
	held = hold;
	if (!hold && inView.length > 0) requestFrame();
}

export function chart(option: echarts.EChartsCoreOption): Attachment<HTMLElement> {
	return (element) => {
		let instance: echarts.ECharts | undefined;
		const draw = () => {
			// Already drawn (for a printout, say) before its turn in the queue came.
			if (!waiting.has(draw) && instance) return;
			instance ??= echarts.init(element, undefined, { renderer: 'canvas' });
			instance.setOption(option, { notMerge: true });
			element.dataset.drawn = 'true';
			waiting.delete(draw);
			visibility.disconnect();
		};
		waiting.add(draw);
		const visibility = new IntersectionObserver(
			(entries) => {
				if (entries.some((entry) => entry.isIntersecting) && !inView.includes(draw)) {
					inView.push(draw);
					requestFrame();
				}
			},
			{ rootMargin: '200px' }
		);
		visibility.observe(element);
		const resize = new ResizeObserver(() => instance?.resize());
		resize.observe(element);
		return () => {
			waiting.delete(draw);
			const queued = inView.indexOf(draw);
			if (queued >= 0) inView.splice(queued, 1);
			visibility.disconnect();
			resize.disconnect();
			instance?.dispose();
		};
	};
}
