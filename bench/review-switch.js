// Switching week in the app's operational review, on the demo data, in headless Chromium: the
// built app (build/, or FLYWHEEL_BUILD), not the bench page, as the review routes are the app's.
//
//   node bench/review-switch.js [--switches=5]      also run by `npm run bench` when build/ exists
//
// "cold": a week nobody asked for (ten weeks further back each time), built on demand.
// "prefetched": the week before the one on screen, after the app had idle time to build it.
// Each switch is timed in the page: from the picker's change to the frame after the new week's
// review replaced the old one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';
import { startServer } from '../scripts/serve.js';
import { median } from './report.js';

/** Long enough for the app to prefetch the other view and both neighbouring weeks (~1 s each). */
const SETTLE_MS = 6000;

/**
 * Picks `week` in the review's week picker and waits for its review to be on screen.
 * @param {import('playwright-core').Page} page
 * @param {string} week
 * @returns {Promise<number>} milliseconds
 */
function switchTo(page, week) {
	return page.evaluate(async (week) => {
		const select = /** @type {HTMLSelectElement} */ (document.querySelector('[data-week-picker]'));
		const began = performance.now();
		select.value = week;
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await new Promise((resolve) => {
			const check = () =>
				document.querySelector(`[data-week-ending="${week}"]:not(.stale)`)
					? resolve(undefined)
					: requestAnimationFrame(check);
			check();
		});
		// The frame that shows it.
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		return performance.now() - began;
	}, week);
}

/**
 * @param {{ root?: string, switches?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ cold: number[], prefetched: number[] }>}
 */
export async function reviewSwitch(options = {}) {
	const log = options.log ?? console.log;
	const switches = options.switches ?? 5;
	const server = await startServer({
		root: options.root ?? process.env.FLYWHEEL_BUILD ?? 'build',
		quiet: true
	});
	const profile = mkdtempSync(join(tmpdir(), 'flywheel-bench-switch-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: { width: 1280, height: 720 }
	});
	/** @type {{ cold: number[], prefetched: number[] }} */
	const samples = { cold: [], prefetched: [] };
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => log(`  page error: ${error.message}`));
		await page.goto(new URL('/operational', server.url).href);
		await page.locator('[data-week-ending]:not(.stale)').waitFor({ timeout: 120_000 });
		const weeks = await page
			.locator('[data-week-picker] option')
			.evaluateAll((els) => els.map((el) => /** @type {HTMLOptionElement} */ (el).value));
		if (weeks.length < 10 * switches + 2) throw new Error(`only ${weeks.length} weeks`);
		for (let i = 1; i <= switches; i++) {
			await page.waitForTimeout(SETTLE_MS);
			const cold = /** @type {string} */ (weeks[10 * i]);
			samples.cold.push(await switchTo(page, cold));
			await page.waitForTimeout(SETTLE_MS);
			samples.prefetched.push(await switchTo(page, /** @type {string} */ (weeks[10 * i + 1])));
			log(
				`  switch ${i}/${switches}: cold ${samples.cold.at(-1)?.toFixed(0)} ms, prefetched ${samples.prefetched.at(-1)?.toFixed(0)} ms`
			);
		}
	} finally {
		await context.close();
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return samples;
}

/** @param {{ cold: number[], prefetched: number[] }} samples */
export function switchTable(samples) {
	/** @param {number[]} values */
	const row = (values) =>
		`${median(values).toFixed(0)} ms | ${Math.min(...values).toFixed(0)} – ${Math.max(...values).toFixed(0)} ms`;
	return [
		'| Switch week (demo, operational review) | median | range |',
		'| --- | --- | --- |',
		`| prefetched (the week before, after idle time) | ${row(samples.prefetched)} |`,
		`| cold (a week not built yet) | ${row(samples.cold)} |`
	].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { switches: { type: 'string' } } });
	const samples = await reviewSwitch({ switches: Number(values.switches ?? 5) });
	console.log(`\n${switchTable(samples)}`);
}
