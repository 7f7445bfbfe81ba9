/**
 * Flywheel's one colour theme. Good and bad follow the metric's direction, never "red for down",
 * and the pair is blue and vermillion (the Okabe-Ito pair, the blue darkened): distinct for
 * colour-blind readers, and in greyscale by lightness (theme.test.ts measures it); marks and text
 * add a shape or word cue as well, so colour is never the only signal.
 */
export const theme = {
	ink: '#1d2733',
	muted: '#5b6775',
	grid: '#e3e7ec',
	surface: '#ffffff',
	page: '#f4f6f8',
	accent: '#1f4e79',
	thisYear: '#1f4e79',
	lastYear: '#7d8896',
	plan: '#b35c00',
	band: 'rgba(86, 180, 233, 0.18)',
	good: '#005b96',
	bad: '#d55e00',
	neutral: '#6b6b6b'
} as const;

/**
 * Names with a space are quoted with single quotes: ECharts writes the font into an SVG `style`
 * attribute inside double quotes, where a double quote would end the attribute (and the font).
 */
export const fontFamily =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The theme as CSS custom properties (`--this-year: #1f4e79; ...`), for stylesheets. */
export const themeCssVariables = Object.entries(theme)
	.map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value}`)
	.join('; ');
