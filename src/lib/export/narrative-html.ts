/**
 * The narrative (./narrative.ts), as edited by the user, as one self-contained HTML file: the few
 * Markdown forms the draft uses (headings, paragraphs, quotes, bold, backslash escapes) and
 * nothing else, every other character shown as written. No script, no link outside the file.
 */
import { escape } from './escape';

const STYLE = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
blockquote{margin:.4rem 0;padding:.2rem .8rem;border-left:3px solid #1f4e79;color:#5b6775}p{margin:.4rem 0}
footer{margin-top:2rem;font-size:.8rem;color:#5b6775}`;

/** One line's text: `**bold**` and backslash escapes; everything else escaped for HTML. */
function inline(text: string): string {
	let html = '';
	let bold = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (c === '\\' && i + 1 < text.length) html += escape(text[++i] as string);
		else if (c === '*' && text[i + 1] === '*') {
			html += bold ? '</strong>' : '<strong>';
			bold = !bold;
			i++;
		} else html += escape(c);
	}
	return bold ? `${html}</strong>` : html;
}

function blockHtml(block: string[]): string {
	const first = block[0] ?? '';
	const heading = /^(#{1,3}) (.*)$/.exec(first);
	if (heading && block.length === 1) {
		const level = (heading[1] as string).length;
		return `<h${level}>${inline(heading[2] as string)}</h${level}>`;
	}
	if (block.every((line) => line.startsWith('>'))) {
		const text = block.map((line) => line.replace(/^> ?/, '')).join(' ');
		return `<blockquote><p>${inline(text)}</p></blockquote>`;
	}
	return `<p>${block.map(inline).join('<br>\n')}</p>`;
}

/** `markdown` as HTML elements (headings, paragraphs, quotes), for a page or a slide. */
export function narrativeBodyHtml(markdown: string): string {
	const blocks: string[][] = [];
	let current: string[] = [];
	for (const line of markdown.split(/\r?\n/)) {
		if (line.trim() === '') {
			if (current.length) blocks.push(current);
			current = [];
		} else if (/^#{1,3} /.test(line)) {
			if (current.length) blocks.push(current);
			blocks.push([line]);
			current = [];
		} else current.push(line);
	}
	if (current.length) blocks.push(current);
	return blocks.map(blockHtml).join('\n');
}

/** `markdown` as a standalone HTML page titled by its first heading. */
export function narrativeToHtml(markdown: string, options: { exportedAt?: string } = {}): string {
	const title = /^# (.*)$/m.exec(markdown)?.[1]?.replace(/\\(.)/g, '$1') ?? 'Business review';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
${narrativeBodyHtml(markdown)}
</article>
<footer>Drafted by Flywheel from the review's figures${options.exportedAt ? ` on ${escape(options.exportedAt.slice(0, 10))}` : ''}.</footer>
</body>
</html>
`;
}
