/**
 * A chart as an SVG string, drawn without a page: ECharts' server-side renderer. An exported
 * review carries its charts this way, so the file needs no script and prints sharp at any size.
 */
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_PARTS } from './parts';

echarts.use([...CHART_PARTS, SVGRenderer]);

// Inline SVG in HTML needs no namespace declarations, and leaving them out keeps every URL out of
// an exported file (its test looks for none).
const NAMESPACES = / xmlns(?::\w+)?="[^"]*"/g;

export function chartSvg(
	option: EChartsCoreOption,
	size: { width: number; height: number }
): string {
	const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
	try {
		instance.setOption(option);
		return instance.renderToSVGString().replace(NAMESPACES, '');
	} finally {
		instance.dispose();
	}
}
