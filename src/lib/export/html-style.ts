/**
 * The exported review's stylesheet, inline in the file. The colours are the one theme's; print
 * rules put two cards on a page (A4 or Letter) and never split a card across pages.
 */
import { fontFamily, themeCssVariables } from '../theme';

export const EXPORT_STYLE = `
:root { ${themeCssVariables}; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.25rem 2rem; background: var(--page); color: var(--ink); font-family: ${fontFamily}; font-size: 14px; }
h1 { font-size: 1.3rem; margin: 0; }
.title p { margin: 0.2rem 0 0.8rem; color: var(--muted); font-size: 0.85rem; }
.exceptions, .card { background: var(--surface); border: 1px solid var(--grid); border-radius: 6px; }
.exceptions { padding: 0.75rem 0.9rem; }
.exceptions h2 { margin: 0; font-size: 1rem; }
.exceptions .summary { margin: 0.15rem 0 0.5rem; color: var(--muted); font-size: 0.85rem; }
.exceptions table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
.exceptions th, .exceptions td { text-align: left; padding: 0.3rem 0.5rem 0.3rem 0; border-top: 1px solid var(--grid); vertical-align: baseline; }
.exceptions a { color: var(--ink); text-decoration: none; }
.exceptions .value { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.rule, .band { color: var(--muted); }
.kind { font-size: 0.68rem; font-weight: normal; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.variance, .status.good, .status.bad, .status.neutral { font-weight: 600; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.group h2 { font-size: 0.95rem; margin: 1.2rem 0 0.5rem; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0.8rem; }
.card { padding: 0.75rem 0.9rem 0.5rem; display: flex; flex-direction: column; gap: 0.3rem; min-width: 0; }
.card header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
.card h3 { margin: 0; font-size: 0.95rem; }
.root-cause { font-size: 0.8rem; border-left: 3px solid var(--accent); padding: 0.2rem 0.5rem; background: var(--page); }
.root-cause p { margin: 0.1rem 0 0; white-space: pre-line; }
.card .kind { padding: 0.1rem 0.4rem; border: 1px solid currentColor; border-radius: 3px; }
.card .kind.input { color: var(--accent); }
.meta { margin: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.75rem; font-size: 0.8rem; color: var(--muted); }
.chart { margin: 0; }
.chart svg { display: block; width: 100%; height: auto; }
.box { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.72rem; font-variant-numeric: tabular-nums; }
.box th, .box td { padding: 0.2rem 0.15rem; text-align: right; white-space: nowrap; }
.box th { font-weight: 500; color: var(--muted); border-bottom: 1px solid var(--grid); }
.box th:nth-child(2n + 4), .box td:nth-child(2n + 4) { border-left: 1px solid var(--grid); }
.box abbr { text-decoration: none; }
.box td.missing { color: var(--muted); }
.figures { font-size: 0.75rem; color: var(--muted); }
.figures table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.figures th, .figures td { padding: 0.1rem 0.6rem 0.1rem 0; text-align: right; }
footer { margin-top: 1.5rem; color: var(--muted); font-size: 0.75rem; }
@page { margin: 12mm; }
@media print {
	body { background: none; padding: 0; font-size: 11pt; }
	.exceptions, .card { border-color: #bbb; break-inside: avoid; }
	/* One card per half page: one column, each chart at most a third of a page high. */
	.cards { display: block; }
	.card { margin: 0 0 6mm; }
	.chart svg { max-height: 75mm; }
	.group h2 { break-after: avoid; }
	.figures { display: none; }
	a { color: inherit; }
}
`;
