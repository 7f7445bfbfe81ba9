// The written narrative from the operational review of the demo week: drafted from the review's
// figures, edited on the page, kept when the dialog is closed and opened again, and saved as
// Markdown and as one self-contained HTML file that carries the edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

describe('the narrative', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp({ width: 1280, height: 900 });
	});
	after(async () => app?.close());

	it('drafts the week, takes an edit, and saves it as Markdown and HTML', async () => {
		const page = app.page;
		await page.goto(new URL('/operational?week=2026-11-21', app.url).href);
		await page.locator('[data-week-ending="2026-11-21"]:not(.stale) #exceptions-title').waitFor({
			timeout: 120_000
		});
		const exceptions = await page.locator('[data-exception]').count();
		await page.locator('[data-export-narrative]').click();
		const text = page.locator('[data-narrative-text]');
		const draft = await text.inputValue();
		assert.match(draft, /^# Weekly business review: week ending 21 Nov 2026\n/);
		assert.match(draft, new RegExp(`\\n${exceptions} of 17 metrics need attention; `));
		assert.equal(draft.match(/^### /gm)?.length, exceptions);
		assert.match(
			draft,
			/On-time delivery was \*\*86\.1%\*\* this week, below its expected band of 93\.1% to 95% \(bad news\)/
		);
		await app.screenshot('narrative-dialog');

		const edited = draft.replace(
			"> Owner's comment: none yet.",
			"> Owner's comment: the strike ends on Monday; <b>carrier</b> confirmed."
		);
		await text.fill(edited);
		await page.getByRole('button', { name: 'Close' }).click();
		await page.locator('[data-export-narrative]').click();
		assert.equal(await text.inputValue(), edited, 'the edit is kept when the dialog closes');

		const [markdown] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-narrative-md]').click()
		]);
		assert.equal(markdown.suggestedFilename(), 'flywheel-operational-2026-11-21-narrative.md');
		assert.equal(readFileSync(String(await markdown.path()), 'utf8'), edited);
		const [html] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-narrative-html]').click()
		]);
		const file = readFileSync(String(await html.path()), 'utf8');
		assert.match(file, /<h1>Weekly business review: week ending 21 Nov 2026<\/h1>/);
		assert.match(file, /the strike ends on Monday; &lt;b&gt;carrier&lt;\/b&gt; confirmed\./);
		assert.doesNotMatch(file, /<script|src=|href=/);
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
