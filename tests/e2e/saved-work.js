// Shared steps of the saved-work specs: exports written here so every number is known, and the
// upload page's load flow.

/**
 * A wide export of `days` days from 1 March 2024: orders = 10 × day, sessions = 100 × day; the
 * orders of the days in `corrected` are one higher (a late correction).
 * @param {number} days
 * @param {number[]} [corrected]
 */
export function weekly(days, corrected = []) {
	const lines = ['date,orders,sessions'];
	for (let day = 1; day <= days; day++) {
		const orders = day * 10 + (corrected.includes(day) ? 1 : 0);
		lines.push(`2024-03-${String(day).padStart(2, '0')},${orders},${day * 100}`);
	}
	return Buffer.from(`${lines.join('\n')}\n`);
}

/** @param {import('playwright-core').Page} page @param {string} name @param {Buffer} buffer */
export async function upload(page, name, buffer) {
	await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
	await page.locator(`[data-preview-file="${name}"]`).waitFor();
}

/** @param {import('playwright-core').Page} page */
export async function loadPending(page) {
	await page.getByRole('button', { name: /^Load \d+ file/ }).click();
	await page.locator('section[aria-label="Files to load"]').waitFor({ state: 'detached' });
}

/** @param {import('playwright-core').Page} page @param {string} url */
export async function openUpload(page, url) {
	await page.goto(new URL('upload', url).href);
	await page.getByText('Engine ready').waitFor({ timeout: 60_000 });
}

/** @param {string} metric @param {number} days */
export function oneMetric(metric, days) {
	const lines = [`date,${metric}`];
	for (let day = 1; day <= days; day++) {
		const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
		lines.push(`${date},${day % 7 === 0 ? 50 : 40 + (day % 5)}`);
	}
	return Buffer.from(`${lines.join('\n')}\n`);
}

/** Opens every card of the review on screen. @param {import('playwright-core').Page} page */
export async function showAll(page) {
	await page.getByRole('button', { name: /Show all/ }).click({ timeout: 60_000 });
}

/** The metric ids of the review's cards. @param {import('playwright-core').Page} page */
export function cards(page) {
	return page
		.locator('[data-metric-card]')
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-metric-card')));
}
