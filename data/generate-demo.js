// Generates the demo business: three years of daily metrics for "Larkspur Outfitters", a
// fictional online retailer, as one long CSV (date, metric, region, channel, value).
// Deterministic: the same seed gives the same file, byte for byte. The planted anomalies are
// documented in data/README.md; change them there and here together.
//
//   node data/generate-demo.js [OUT_FILE]     (default: static/demo/observations.csv)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIRST_DAY = '2023-11-26'; // a Sunday
export const LAST_DAY = '2026-11-21'; // a Saturday: 156 whole weeks ending on Saturdays
export const REGIONS = /** @type {const} */ (['North', 'South', 'East', 'West']);
export const CHANNELS = /** @type {const} */ (['web', 'app']);

const REGION_SHARE = { North: 0.32, South: 0.24, East: 0.26, West: 0.18 };
const CHANNEL_SHARE = { web: 0.6, app: 0.4 };
const BASE_CONVERSION = { web: 0.029, app: 0.036 };
const BASE_PAGE_LOAD_MS = { web: 1800, app: 1400 };
// Sunday .. Saturday: shoppers browse more at weekends.
const WEEKDAY_TRAFFIC = [1.06, 0.97, 0.95, 0.96, 0.98, 1.0, 1.08];

/** The planted anomalies, as dates; data/README.md says what each one is. */
export const ANOMALIES = {
	pageLoadStep: '2026-09-27', // web p90 page load +60% (a slow checkout release), from this day on
	conversionResponse: '2026-10-04', // web conversion falls as the slower pages bite, over 14 days
	priceIndexStep: '2026-11-01', // a competitor's price cut: our price index drops 3 points
	onTimeDrop: ['2026-11-15', '2026-11-21'], // a carrier strike: on-time delivery falls to ~86%
	missingDay: '2025-08-14' // new_skus_added has no row that day: the week has no data for `sum`
};

/**
 * A small, fast, seeded PRNG (mulberry32), so the demo is identical on every machine.
 * @param {number} seed
 */
function randomSource(seed) {
	let state = seed >>> 0;
	const uniform = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	// Box-Muller: a standard normal from two uniforms.
	const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
	return { uniform, normal };
}

const DAY_MS = 86_400_000;
const toDate = (/** @type {string} */ iso) => new Date(`${iso}T00:00:00Z`);
const isoDay = (/** @type {Date} */ date) => date.toISOString().slice(0, 10);

/** Days since `from` (can be negative). @type {(from: string, to: string) => number} */
const daysBetween = (from, to) =>
	Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);

/**
 * Yearly seasonality: a peak in mid-December, a trough in mid-June (+-12%).
 * @param {Date} date
 */
function yearlySeason(date) {
	const start = Date.UTC(date.getUTCFullYear(), 0, 1);
	const dayOfYear = (date.getTime() - start) / DAY_MS;
	return 1 + 0.12 * Math.cos((2 * Math.PI * (dayOfYear - 350)) / 365.25);
}

/**
 * 0 before `from`, rising linearly to 1 over `days` days.
 * @param {string} day @param {string} from @param {number} days
 */
function ramp(day, from, days) {
	return Math.min(1, Math.max(0, daysBetween(from, day) / days));
}

// Calibrated to the business's own trend and season (the plan was set before the incidents).
const REVENUE_PLAN_PER_DAY = 362_000;
const ORDERS_PLAN_PER_DAY = 5_840;
const round = (/** @type {number} */ value, /** @type {number} */ digits) =>
	Number(value.toFixed(digits));

/**
 * Every observation of the demo business, in a stable order.
 * @returns {{ date: string, metric: string, region: string, channel: string, value: number }[]}
 */
export function generateDemoRows(seed = 20261121) {
	const random = randomSource(seed);
	const noise = (/** @type {number} */ sd) => 1 + sd * random.normal();
	/** @type {{ date: string, metric: string, region: string, channel: string, value: number }[]} */
	const rows = [];
	/** @type {(date: string, metric: string, value: number, region?: string, channel?: string) => unknown} */
	const add = (date, metric, value, region = '', channel = '') =>
		rows.push({ date, metric, region, channel, value });

	const total = daysBetween(FIRST_DAY, LAST_DAY) + 1;
	for (let i = 0; i < total; i++) {
		const date = new Date(toDate(FIRST_DAY).getTime() + i * DAY_MS);
		const day = isoDay(date);
		const years = i / 365.25;
		const growth = Math.pow(1.18, years);
		const season = yearlySeason(date);
		const weekday = WEEKDAY_TRAFFIC[date.getUTCDay()] ?? 1;
		const slowPages = day >= ANOMALIES.pageLoadStep;
		const conversionHit = 1 - 0.14 * ramp(day, ANOMALIES.conversionResponse, 14);

		for (const region of REGIONS) {
			for (const channel of CHANNELS) {
				const share = REGION_SHARE[region] * CHANNEL_SHARE[channel];
				const pageLoad =
					BASE_PAGE_LOAD_MS[channel] * (slowPages && channel === 'web' ? 1.6 : 1) * noise(0.04);
				const sessions = Math.round(185_000 * share * growth * season * weekday * noise(0.03));
				const conversion =
					BASE_CONVERSION[channel] * (channel === 'web' ? conversionHit : 1) * noise(0.03);
				const orders = Math.round(sessions * conversion);
				const basket = 62 * (0.96 + 0.08 * season - 0.04) * noise(0.02);
				const revenue = orders * basket;
				const returns = Math.round(orders * 0.082 * noise(0.08));
				const spend = 9_000 * share * growth * (0.9 + 0.2 * season) * noise(0.05);
				const margin = revenue * 0.31 - orders * 4.1 - spend;
				add(day, 'page_load_p90_ms', Math.round(pageLoad), region, channel);
				add(day, 'sessions', sessions, region, channel);
				add(day, 'orders', orders, region, channel);
				add(day, 'revenue', round(revenue, 2), region, channel);
				add(day, 'returns', returns, region, channel);
				add(day, 'marketing_spend', round(spend, 2), region, channel);
				add(day, 'contribution_margin', round(margin, 2), region, channel);
			}
		}

		const priceCut = day >= ANOMALIES.priceIndexStep ? 3 : 0;
		const [strikeFrom = '', strikeTo = ''] = ANOMALIES.onTimeDrop;
		const strike = day >= strikeFrom && day <= strikeTo;
		const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
		add(day, 'skus_in_stock', Math.round(48_000 * Math.pow(1.06, years) * noise(0.004)));
		add(day, 'in_stock_rate', round(Math.min(0.999, 0.955 * noise(0.004)), 4));
		add(day, 'price_competitiveness_index', round(101.5 * noise(0.005) - priceCut, 2));
		add(day, 'delivery_promise_days', round(2.4 * noise(0.02), 2));
		add(day, 'on_time_delivery_rate', round((strike ? 0.86 : 0.94) * noise(0.008), 4));
		add(day, 'support_first_response_min', round(42 * noise(0.08), 1));
		if (day !== ANOMALIES.missingDay) {
			add(day, 'new_skus_added', weekend ? 0 : Math.round(120 * noise(0.15)));
		}
		add(day, 'search_null_rate', round(0.031 * noise(0.05), 4));
		const sendDay = date.getUTCDay() === 2 || date.getUTCDay() === 4;
		add(day, 'email_sends', sendDay ? Math.round(250_000 * growth * noise(0.02)) : 0);
		add(day, 'fulfilment_cost_per_unit', round(4.1 * noise(0.02), 3));
		add(
			day,
			'active_customers',
			Math.round(410_000 * growth * (0.97 + 0.03 * season) * noise(0.003))
		);
		// The plan was set before the year began: the trend and season, without the slow-pages hit.
		const planBase = growth * season * weekday;
		add(day, 'revenue_plan', round(REVENUE_PLAN_PER_DAY * planBase, 2));
		add(day, 'orders_plan', Math.round(ORDERS_PLAN_PER_DAY * planBase));
	}
	return rows;
}

/**
 * The demo as CSV text, LF line endings, with a header.
 * @param {number} [seed]
 */
export function generateDemoCsv(seed) {
	const lines = ['date,metric,region,channel,value'];
	for (const row of generateDemoRows(seed)) {
		lines.push(`${row.date},${row.metric},${row.region},${row.channel},${row.value}`);
	}
	return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const out = resolve(process.argv[2] ?? 'static/demo/observations.csv');
	mkdirSync(dirname(out), { recursive: true });
	const csv = generateDemoCsv();
	writeFileSync(out, csv);
	console.log(`Demo business written to ${out} (${(csv.length / 1e6).toFixed(1)} MB)`);
}
