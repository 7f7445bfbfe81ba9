/**
 * The one place ECharts meets the page: a Svelte attachment that draws an option into an element
 * when it first comes into view, redraws on change, follows the element's size and cleans up.
 * Drawing on view keeps a review of a hundred metrics smooth to scroll.
 */
import { LineChart, ScatterChart } from 'echarts/charts';
import {
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent,
	TooltipComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Attachment } from 'svelte/attachments';

echarts.use([
	LineChart,
	ScatterChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent,
	CanvasRenderer
]);

export function chart(option: echarts.EChartsCoreOption): Attachment<HTMLElement> {
	return (element) => {
		let instance: echarts.ECharts | undefined;
		const draw = () => {
			instance ??= echarts.init(element, undefined, { renderer: 'canvas' });
			instance.setOption(option, { notMerge: true });
			element.dataset.drawn = 'true';
		};
		const visibility = new IntersectionObserver(
			(entries) => {
				if (entries.some((entry) => entry.isIntersecting)) {
					draw();
					visibility.disconnect();
				}
			},
			{ rootMargin: '200px' }
		);
		visibility.observe(element);
		const resize = new ResizeObserver(() => instance?.resize());
		resize.observe(element);
		return () => {
			visibility.disconnect();
			resize.disconnect();
			instance?.dispose();
		};
	};
}
