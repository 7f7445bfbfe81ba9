// The catalog page: every metric described once, editable, kept across a reload, imported from a
// WBR App configuration (with line-numbered errors for a broken file) and exported as YAML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { openApp } from './browser.js';

const demo = parse(readFileSync('data/demo-catalog.yaml', 'utf8'));

describe('catalog page', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('catalog', app.url).href);
	});
	after(async () => app?.close());

	it('lists every metric of the demo catalog with its kind', async () => {
		const rows = app.page.locator('[data-catalog-metric]');
		await rows.first().waitFor({ timeout: 60_000 });
		assert.equal(await rows.count(), Object.keys(demo.metrics).length);
		const kind = app.page.getByLabel('Kind of Page load time p90');
		assert.equal(await kind.inputValue(), 'input');
		assert.equal(await app.page.getByLabel('Kind of Revenue').inputValue(), 'output');
		await app.screenshot('catalog');
	});

	it('keeps an edit across a reload', async () => {
		await app.page.getByLabel('Direction of Marketing spend').selectOption('lower_is_better');
		await app.page.getByLabel('Owner of Sessions').fill('Avery Quinn');
		await app.page.getByLabel('Owner of Sessions').press('Tab');
		await app.page.locator('[data-saved="true"]').waitFor();
		await app.page.reload();
		await app.page.locator('[data-catalog-metric]').first().waitFor({ timeout: 60_000 });
		assert.equal(
			await app.page.getByLabel('Direction of Marketing spend').inputValue(),
			'lower_is_better'
		);
		assert.equal(await app.page.getByLabel('Owner of Sessions').inputValue(), 'Avery Quinn');
	});

	it('names the line and field of a broken catalog', async () => {
		const broken = 'metrics:\n  orders:\n    source: orders\n    aggregation: average\n';
		await app.page.getByTestId('catalog-input').setInputFiles({
			name: 'broken.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from(broken)
		});
		const error = app.page.getByRole('alert');
		await error.waitFor();
		assert.match(await error.innerText(), /broken\.yaml:4: metrics\.orders\.aggregation/);
	});

	it('imports a WBR App configuration as it is, guessing what it cannot say', async () => {
		await app.page.getByTestId('catalog-input').setInputFiles({
			name: 'config.yaml',
			mimeType: 'text/yaml',
			buffer: readFileSync('../shared/peers/wbr-app/scenario_1/config.yaml')
		});
		await app.page.locator('[data-catalog-metric="PageViewsFiscal"]').waitFor();
		assert.equal(await app.page.locator('[data-catalog-metric]').count(), 2);
		assert.match(await app.page.locator('.intro').innerText(), /2 metrics have guessed fields/);
	});

	it('exports the catalog as YAML that names every metric', async () => {
		const [download] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'Export as YAML' }).click()
		]);
		const exported = parse(readFileSync(await download.path(), 'utf8'));
		assert.deepEqual(Object.keys(exported.metrics), ['PageViewsFiscal', 'PageViewsTrailing']);
		assert.equal(exported.metrics.PageViewsFiscal.source.metric, 'PageViews');
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
