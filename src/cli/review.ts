/**
 * `flywheel review FILE.csv... --config CONFIG.yaml [--week-ending YYYY-MM-DD] [--json]`: the
 * same ingest and review code the app runs, in Node. `--json` prints the review JSON
 * (src/lib/review/README.md); without it, a short text summary.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startNodeEngine } from '../lib/engine/node';
import { ingestFiles } from '../lib/ingest';
import { loadReviewConfig } from '../lib/metrics/config';
import { buildReview } from '../lib/review/buildReview';
import type { Review } from '../lib/review/types';

interface ReviewArgs {
	files: string[];
	config: string;
	weekEnding?: string;
	json: boolean;
}

function parseArgs(args: string[]): ReviewArgs {
	const files: string[] = [];
	let config: string | undefined;
	let weekEnding: string | undefined;
	let json = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		const value = (): string => {
			const next = args[++i];
			if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--config') config = value();
		else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
		else if (arg === '--week-ending') weekEnding = value();
		else if (arg.startsWith('--week-ending=')) weekEnding = arg.slice('--week-ending='.length);
		else if (arg === '--json') json = true;
		else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
		else files.push(arg);
	}
	if (!config) throw new Error('--config CONFIG.yaml is required');
	if (!files.length) throw new Error('name at least one CSV file');
	if (weekEnding !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekEnding)) {
		throw new Error(`--week-ending must be YYYY-MM-DD, not "${weekEnding}"`);
	}
	return { files, config, weekEnding, json };
}

function summary(review: Review): string {
	const number = (v: number | null, digits = 0) =>
		v === null ? 'n/a' : v.toLocaleString('en-US', { maximumFractionDigits: digits });
	const lines = [`Week ending ${review.weekEnding}${review.title ? ` — ${review.title}` : ''}`];
	lines.push('', `Exceptions: ${review.summary.text}`);
	for (const e of review.exceptionDetails) {
		const news = e.good === null ? 'neutral' : e.good ? 'good' : 'bad';
		lines.push(
			`  ${e.metricId}: ${number(e.value, 4)}, ${e.variance} its band ${number(e.band.lower, 4)} to ${number(e.band.upper, 4)} (${news}; ${e.rules.join(', ')})`
		);
	}
	for (const block of review.blocks) {
		lines.push('', `${block.title} (${block.type})`);
		for (const m of block.metrics) {
			const b = m.box;
			lines.push(
				`  ${m.label}: last week ${number(b.lastWeek, 4)} (WoW ${number(b.wow, 2)}, YoY ${number(b.yoy, 2)}); ` +
					`MTD ${number(b.mtd, 4)} (${number(b.mtdYoy, 2)}); QTD ${number(b.qtd, 4)} (${number(b.qtdYoy, 2)}); YTD ${number(b.ytd, 4)} (${number(b.ytdYoy, 2)})`
			);
		}
	}
	return lines.join('\n');
}

export async function review(args: string[]): Promise<number> {
	const options = parseArgs(args);
	const config = loadReviewConfig(await readFile(options.config, 'utf8'), basename(options.config));
	const inputs = await Promise.all(
		options.files.map(async (path) => ({
			name: basename(path),
			data: new Uint8Array(await readFile(path))
		}))
	);
	const engine = await startNodeEngine();
	try {
		const ingested = await ingestFiles(engine, inputs);
		let failed = false;
		for (const file of ingested.files) {
			if (file.error) {
				console.error(`flywheel review: ${file.file}: ${file.error}`);
				failed = true;
			} else if (file.rowsRejected || file.cellsRejected) {
				console.error(
					`flywheel review: ${file.file}: ${file.rowsRejected} rows and ${file.cellsRejected} cells not loaded (see flywheel inspect)`
				);
			}
		}
		if (failed) return 1;
		const result = await buildReview(engine, config, { weekEnding: options.weekEnding });
		console.log(options.json ? JSON.stringify(result, null, 2) : summary(result));
		return 0;
	} finally {
		await engine.close();
	}
}
