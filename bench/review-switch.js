// Switching week and view in the app's reviews, on the demo data, in headless Chromium: the
// built app (build/, or FLYWHEEL_BUILD), not the bench page, as the review routes are the app's.
//
//   node bench/review-switch.js [--switches=5]      also run by `npm run bench` when build/ exists
//
// "first review": from the engine ready (the app's `flywheel:engine-ready` mark) to the frame
// showing the first operational review, on a first visit (three fresh profiles), and from the
// navigation: work moved before the mark would show there.
// "cold": a week nobody asked for (ten weeks further back each time); "switch view": at once
// after that, the other view of the same week. Each is composed from the source store the first
// review built (src/lib/review/sourceStore.ts); nothing is built in idle time.
// Each switch is timed in the page: from the picker's change (or the view link's click) to the
// frame after the new review replaced the old one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';
import { startServer } from '../scripts/serve.js';
import { median } from './report.js';

/** First visits measured, each on a fresh profile; the last goes on to the switches. */
const FIRST_VISITS = 3;

/**
 * Picks `week` in the review's week picker and waits for its review to be on screen; with
 * `thenView`, at once clicks the link to the other view and waits for that too.
 * @param {import('playwright-core').Page} page
 * @param {string} week
 * @param {{ thenView?: boolean }} [options]
 * @returns {Promise<{ week: number, view?: number }>} milliseconds
 */
function switchTo(page, week, options = {}) {
	return page.evaluate(
		async ({ week, thenView }) => {
			/** The review of `week` on screen at `path`, then the frame that shows it. */
			const shown = async (/** @type {string} */ path) => {
				await new Promise((resolve) => {
					const check = () =>
						location.pathname === path &&
						document.querySelector(`[data-week-ending="${week}"]:not(.stale)`)
							? resolve(undefined)
							: requestAnimationFrame(check);
					check();
				});
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			};
			const path = location.pathname;
			const select = /** @type {HTMLSelectElement} */ (
				document.querySelector('[data-week-picker]')
			);
			let began = performance.now();
			select.value = week;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await shown(path);
			const times = { week: performance.now() - began };
			if (!thenView) return times;
			const other = path === '/operational' ? '/strategic' : '/operational';
			const link = /** @type {HTMLAnchorElement} */ (
				document.querySelector(`nav a[href^="${other}"]`)
			);
			began = performance.now();
			link.click();
			await shown(other);
			return { ...times, view: performance.now() - began };
		},
		{ week, thenView: options.thenView ?? false }
	);
}

/**
 * @param {{ root?: string, switches?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ ready: number[], first: number[], total: number[], cold: number[], coldView: number[] }>}
 */
export async function reviewSwitch(options = {}) {
	const log = options.log ?? console.log;
	const switches = options.switches ?? 5;
	const server = await startServer({
		root: options.root ?? process.env.FLYWHEEL_BUILD ?? 'build',
		quiet: true
	});
	/** @type {{ ready: number[], first: number[], total: number[], cold: number[], coldView: number[] }} */
	const samples = { ready: [], first: [], total: [], cold: [], coldView: [] };
	/** A fresh profile's first visit of the operational review, in its own browser. */
	const visit = async () => {
		const profile = mkdtempSync(join(tmpdir(), 'flywheel-bench-switch-'));
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true,
			viewport: { width: 1280, height: 720 }
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => log(`  page error: ${error.message}`));
		await page.goto(new URL('/operational', server.url).href);
		await page.locator('[data-week-ending]:not(.stale)').waitFor({ timeout: 120_000 });
		const times = await page.evaluate(async () => {
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			const ready = performance.getEntriesByName('flywheel:engine-ready')[0]?.startTime ?? NaN;
			// Page time starts at the navigation.
			return { ready, total: performance.now() };
		});
		samples.ready.push(times.ready);
		samples.first.push(times.total - times.ready);
		samples.total.push(times.total);
		const close = async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		};
		return { page, close };
	};
	for (let i = 1; i < FIRST_VISITS; i++) await (await visit()).close();
	const { page, close } = await visit();
	try {
		const weeks = await page
			.locator('[data-week-picker] option')
			.evaluateAll((els) => els.map((el) => /** @type {HTMLOptionElement} */ (el).value));
		if (weeks.length < 10 * switches + 2) throw new Error(`only ${weeks.length} weeks`);
		const ms = (/** @type {number | undefined} */ value) => `${value?.toFixed(0)} ms`;
		log(
			`  first visits: engine ready ${samples.ready.map(ms)}, then first review ${samples.first.map(ms)}`
		);
		for (let i = 1; i <= switches; i++) {
			// The view changes each time: a cold week is picked in the operational and the strategic view.
			const cold = await switchTo(page, /** @type {string} */ (weeks[10 * i]), { thenView: true });
			samples.cold.push(cold.week);
			samples.coldView.push(/** @type {number} */ (cold.view));
			log(`  switch ${i}/${switches}: cold ${ms(cold.week)}, view cold ${ms(cold.view)}`);
		}
	} finally {
		await close();
		await server.close();
	}
	return samples;
}

/** @param {{ ready?: number[], first: number[], total?: number[], cold: number[], coldView?: number[] }} samples */
export function switchTable(samples) {
	/** @param {number[]} values */
	const row = (values) =>
		`${median(values).toFixed(0)} ms | ${Math.min(...values).toFixed(0)} – ${Math.max(...values).toFixed(0)} ms`;
	const first = median(samples.first);
	return [
		'| Demo review | median | range | budget |',
		'| --- | --- | --- | --- |',
		...(samples.ready?.length
			? [`| navigation → engine ready (the app's mark) | ${row(samples.ready)} | |`]
			: []),
		`| engine ready → first review drawn | ${row(samples.first)} | ≤ 0.5 s: ${first <= 500 ? 'PASS' : 'FAIL'} |`,
		...(samples.total?.length
			? [`| navigation → first review drawn | ${row(samples.total)} | |`]
			: []),
		`| cold (a week not built yet) | ${row(samples.cold)} | |`,
		...(samples.coldView?.length
			? [`| switch view, cold (at once after a cold week) | ${row(samples.coldView)} | |`]
			: [])
	].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { switches: { type: 'string' } } });
	const samples = await reviewSwitch({ switches: Number(values.switches ?? 5) });
	console.log(`\n${switchTable(samples)}`);
}
