/**
 * The ECharts parts our charts use, registered once for both renderers: the canvas on screen
 * (mount.ts) and the SVG written into an exported review (svg.ts). One list, so an exported chart
 * can draw everything the screen draws.
 */
import { GraphChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent,
	TooltipComponent
} from 'echarts/components';

export const CHART_PARTS = [
	GraphChart,
	LineChart,
	ScatterChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent
];
