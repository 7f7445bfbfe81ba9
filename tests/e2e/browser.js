// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core against
// the built app served on localhost. Every test gets a fresh profile (a first visit).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { startServer } from '../../scripts/serve.js';

export const SCREENSHOTS = 'tests/output';

/**
 * Opens the built app in a fresh Chromium profile and records what a customer would not want:
 * console errors, page errors, and any request to another origin.
 * @param {{ width: number, height: number }} [viewport]
 */
export async function openApp(viewport = { width: 1280, height: 720 }) {
	// FLYWHEEL_BUILD: a private copy of the build, when others rebuild build/ in the same tree.
	const server = await startServer({ root: process.env.FLYWHEEL_BUILD ?? 'build' });
	const profile = mkdtempSync(join(tmpdir(), 'flywheel-e2e-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport,
		acceptDownloads: true
	});
	const page = context.pages()[0] ?? (await context.newPage());
	/** @type {string[]} */
	const consoleErrors = [];
	/** @type {string[]} */
	const foreignRequests = [];
	const origin = new URL(server.url).origin;
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));
	context.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
			foreignRequests.push(url);
		}
	});
	return {
		page,
		context,
		url: server.url,
		consoleErrors,
		foreignRequests,
		/** @param {string} name */
		async screenshot(name) {
			mkdirSync(SCREENSHOTS, { recursive: true });
			await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
		},
		async close() {
			await context.close();
			await server.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}
