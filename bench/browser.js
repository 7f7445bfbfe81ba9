// Drives the benchmark page (bench/page) in headless Chromium with Playwright.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';

const LAUNCH = { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS };

/** @typedef {import('./page/main').LoadMode} LoadMode */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./generate.js').DataFile} DataFile */

/**
 * Samples (ms) by measurement, then by file id (or '' for page-wide ones).
 * @typedef {Record<string, Record<string, number[]>>} Samples
 */

/** @param {Samples} samples @param {string} measure @param {string} file @param {number} ms */
function add(samples, measure, file, ms) {
	((samples[measure] ??= {})[file] ??= []).push(ms);
}

/** @param {Page} page */
function ready(page) {
	return page.evaluate(() => window.bench.ready());
}

/**
 * One file in a freshly reloaded page: load (read_csv), raw read, weekly aggregate, first chart;
 * then, when the ingest path exists, the same file through it in another fresh page.
 * @param {Page} page @param {DataFile} file @param {boolean} ingest @param {Samples} samples
 */
async function measureFile(page, file, ingest, samples) {
	await page.reload();
	await ready(page);
	await page.setInputFiles('#csv', file.path);
	const load = await page.evaluate(() => window.bench.load('read_csv'));
	if (load.rows !== file.rows)
		throw new Error(`${file.id}: ${load.rows} rows, expected ${file.rows}`);
	add(samples, 'load', file.id, load.ms);
	add(samples, 'loadLongTask', file.id, load.longestTaskMs);
	const raw = await page.evaluate(() => window.bench.readRaw());
	add(samples, 'raw', file.id, raw.ms);
	const aggregate = await page.evaluate((kind) => window.bench.aggregate(kind), file.kind);
	add(samples, 'aggregate', file.id, aggregate.ms);
	add(samples, 'chart', file.id, (await page.evaluate(() => window.bench.chart())).ms);
	if (!ingest) return;
	await page.reload();
	await ready(page);
	await page.setInputFiles('#csv', file.path);
	const ingested = await page.evaluate(() => window.bench.load('ingest'));
	if (ingested.rows !== file.observations) {
		throw new Error(
			`${file.id}: ingest stored ${ingested.rows} observations, expected ${file.observations}`
		);
	}
	add(samples, 'ingest', file.id, ingested.ms);
	add(samples, 'ingestLongTask', file.id, ingested.longestTaskMs);
}

/**
 * One run: a fresh profile (cold first visit), a reload (warm), then every file in its own
 * freshly reloaded page. Appends to `samples`.
 * @param {string} url the served bench page
 * @param {DataFile[]} files
 * @param {{ load: 'auto' | LoadMode, samples: Samples, log: (line: string) => void }} options
 * @returns {Promise<{ ingest: boolean, version: string }>} whether ingestFiles was measured
 */
export async function browserRun(url, files, { load, samples, log }) {
	const profile = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
	const context = await chromium.launchPersistentContext(profile, LAUNCH);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => log(`  page error: ${error.message}`));
		await page.goto(url);
		const cold = await ready(page);
		add(samples, 'readyCold', '', cold.readyMs);
		add(samples, 'readyLongTask', '', cold.longestTaskMs);
		await page.reload();
		add(samples, 'readyWarm', '', (await ready(page)).readyMs);
		const cdp = await context.newCDPSession(page);
		const version = (await cdp.send('Browser.getVersion')).product;
		const available = await page.evaluate(() => window.bench.hasIngest());
		if (load === 'ingest' && !available) {
			throw new Error('--load=ingest: src/lib/ingest/index.ts does not export ingestFiles');
		}
		const ingest = load === 'ingest' || (load === 'auto' && available);
		for (const file of files) {
			log(`  browser: ${file.label}`);
			await measureFile(page, file, ingest, samples);
		}
		return { ingest, version };
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
