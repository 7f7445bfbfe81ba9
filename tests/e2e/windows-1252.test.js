// The windows-1252 decoder's own test (src/lib/ingest/windows-1252.cases.ts), bundled as it is and
// run in Chromium and in Node: both must read all 256 bytes as the WHATWG standard says, and give
// the same text as Chromium's own TextDecoder('windows-1252'). No built app is needed.
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';

/** A script that sets `windows1252Check` to the check's results, in whatever global it runs. */
async function bundledCheck() {
	const { outputFiles } = await build({
		stdin: {
			contents: `
				import { windows1252Mismatches } from './windows-1252.cases';
				import { decodeWindows1252 } from './windows-1252';
				const every = Uint8Array.from({ length: 256 }, (_, i) => i);
				globalThis.windows1252Check = {
					mismatches: windows1252Mismatches(decodeWindows1252),
					text: decodeWindows1252(every),
					platform: typeof window === 'undefined' ? null : new TextDecoder('windows-1252').decode(every)
				};`,
			resolveDir: 'src/lib/ingest',
			loader: 'ts'
		},
		bundle: true,
		format: 'iife',
		write: false,
		logLevel: 'warning'
	});
	const [bundle] = outputFiles;
	if (!bundle) throw new Error('esbuild wrote no bundle');
	return bundle.text;
}

describe('windows-1252 in Chromium and Node', () => {
	/** @type {import('playwright-core').Browser} */
	let browser;
	/** @type {string} */
	let script;
	before(async () => {
		script = await bundledCheck();
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true
		});
	});
	after(() => browser?.close());

	it('decodes every byte the same, and as Chromium itself does', async () => {
		const page = await browser.newPage();
		await page.addScriptTag({ content: script });
		const inChromium = await page.evaluate(() => Reflect.get(window, 'windows1252Check'));
		/** @type {Record<string, any>} */
		const node = { TextDecoder };
		runInNewContext(script, node);
		// Through JSON: the arrays of another context have another Array prototype.
		const inNode = JSON.parse(JSON.stringify(node.windows1252Check));

		assert.deepEqual(inChromium.mismatches, []);
		assert.deepEqual(inNode.mismatches, []);
		assert.equal(inChromium.text.length, 256);
		assert.equal(inNode.text, inChromium.text);
		// Chromium's own decoder agrees byte for byte: € is 0x80, Ÿ is 0x9F, 0x81 stays U+0081.
		assert.equal(inChromium.platform, inChromium.text);
		assert.equal(inChromium.text.slice(0x80, 0x82), '\u20ac\u0081');
		assert.equal(inChromium.text[0x9f], 'Ÿ');
	});
});
