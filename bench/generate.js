// Deterministic CSV generation for the benchmark. Files are streamed to bench/data/ and reused
// when a sidecar manifest (same generator version, same row count) matches the file's size.
import { once } from 'node:events';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated content changes, so old files are regenerated. */
const VERSION = 1;
const METRICS = 50;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAY_MS = 86_400_000;
/** Three years of days: 2022-01-01 to 2024-12-31. */
const WIDE_DAYS = 1096;

/**
 * One generated file; `observations` is how many values it holds (rows × metrics when wide).
 * @typedef {{ id: string, label: string, kind: 'long' | 'wide', rows: number, path: string,
 *   bytes: number, observations: number }} DataFile
 */

/** The long files by size key; segments per (day, metric) grow with the size so dates stay realistic. */
export const LONG_SIZES = /** @type {const} */ ({
	'100k': { rows: 100_000, segments: 2 },
	'1m': { rows: 1_000_000, segments: 20 },
	'5m': { rows: 5_000_000, segments: 100 }
});

/** @param {number} seed A small, fast, seeded PRNG (mulberry32); returns floats in [0, 1). */
export function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {number} day days since FIRST_DAY */
function isoDay(day) {
	return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
}

/** @param {number} i */
const metricName = (i) => `metric_${String(i + 1).padStart(2, '0')}`;

/**
 * A plausible daily value: a per-series level, a weekly cycle, a slow trend and noise.
 * @param {() => number} rand @param {number} level @param {number} day
 */
function value(rand, level, day) {
	const weekly = 1 + 0.15 * Math.sin((2 * Math.PI * (day % 7)) / 7);
	const trend = 1 + day / 2000;
	return (level * weekly * trend * (0.9 + 0.2 * rand())).toFixed(2);
}

/**
 * Writes lines produced by `next` (null when done) to `path`, in ~1 MB chunks with backpressure.
 * @param {string} path @param {string} header @param {() => string | null} next
 * @returns {Promise<number>} bytes written
 */
async function writeLines(path, header, next) {
	const out = createWriteStream(path);
	let chunk = header + '\n';
	for (let line = next(); line !== null; line = next()) {
		chunk += line + '\n';
		if (chunk.length >= 1 << 20) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
	return statSync(path).size;
}

/** @param {number} rows @param {number} segments */
function longLines(rows, segments) {
	const rand = random(42);
	const levels = Array.from({ length: METRICS * segments }, () => 10 + 9990 * rand());
	const metrics = Array.from({ length: METRICS }, (_, m) => metricName(m));
	const segmentNames = Array.from(
		{ length: segments },
		(_, s) => `seg_${String(s + 1).padStart(3, '0')}`
	);
	let i = 0;
	let date = isoDay(0);
	return () => {
		if (i >= rows) return null;
		const seg = i % segments;
		const metric = Math.floor(i / segments) % METRICS;
		const day = Math.floor(i / (segments * METRICS));
		if (seg === 0 && metric === 0) date = isoDay(day);
		i++;
		const level = /** @type {number} */ (levels[metric * segments + seg]);
		return `${date},${metrics[metric]},${segmentNames[seg]},${value(rand, level, day)}`;
	};
}

function wideLines() {
	const rand = random(7);
	const levels = Array.from({ length: METRICS }, () => 10 + 9990 * rand());
	let day = 0;
	return () => {
		if (day >= WIDE_DAYS) return null;
		const d = day++;
		return [isoDay(d), ...levels.map((level) => value(rand, level, d))].join(',');
	};
}

/**
 * Returns the file, generating it unless a matching one is already there.
 * @param {string} dir @param {string} id @param {string} label @param {'long' | 'wide'} kind
 * @param {number} rows @param {string} header @param {() => () => string | null} lines
 * @returns {Promise<DataFile>}
 */
async function ensure(dir, id, label, kind, rows, header, lines) {
	const path = join(dir, `${id}.csv`);
	const manifestPath = `${path}.json`;
	const expected = { version: VERSION, rows };
	const observations = kind === 'wide' ? rows * METRICS : rows;
	if (existsSync(path) && existsSync(manifestPath)) {
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		if (
			manifest.version === VERSION &&
			manifest.rows === rows &&
			manifest.bytes === statSync(path).size
		) {
			return { id, label, kind, rows, path, bytes: manifest.bytes, observations };
		}
	}
	const started = performance.now();
	const bytes = await writeLines(path, header, lines());
	writeFileSync(manifestPath, JSON.stringify({ ...expected, bytes }) + '\n');
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`  generated ${path} (${(bytes / 1e6).toFixed(1)} MB) in ${seconds} s`);
	return { id, label, kind, rows, path, bytes, observations };
}

/**
 * @param {string} dir where the CSVs go (bench/data)
 * @param {(keyof typeof LONG_SIZES)[]} sizes which long files
 * @returns {Promise<DataFile[]>}
 */
export async function generateData(dir, sizes) {
	mkdirSync(dir, { recursive: true });
	/** @type {DataFile[]} */
	const files = [];
	for (const size of sizes) {
		const { rows, segments } = LONG_SIZES[size];
		files.push(
			await ensure(
				dir,
				`long-${size}`,
				`long ${size.toUpperCase()}`,
				'long',
				rows,
				'date,metric,segment,value',
				() => longLines(rows, segments)
			)
		);
	}
	const header = ['date', ...Array.from({ length: METRICS }, (_, i) => metricName(i))].join(',');
	files.push(await ensure(dir, 'wide-3y', 'wide 3y×50', 'wide', WIDE_DAYS, header, wideLines));
	return files;
}
