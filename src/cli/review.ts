/**
 * `flywheel review FILE.csv... --config CONFIG.yaml [--week-ending YYYY-MM-DD] [--json]`: the
 * same ingest and review code the app runs, in Node. `--json` prints the review JSON
 * (src/lib/review/README.md); without it, a short text summary.
 */
import { formatChange, formatValue } from '../lib/format/number';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startNativeEngine } from '../lib/engine/native';
import { ingestFiles } from '../lib/ingest/ingest';
import { buildReview } from '../lib/review/buildReview';
import type { Review } from '../lib/review/types';
import { parseReviewConfig } from './review-config';

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
	const metrics = new Map(review.blocks.flatMap((b) => b.metrics).map((m) => [m.id, m]));
	const value = (id: string, v: number | null) => {
		const m = metrics.get(id);
		return formatValue(v, { unit: m?.unit ?? 'number', unitDetail: m?.unitDetail });
	};
	const lines = [`Week ending ${review.weekEnding}${review.title ? ` — ${review.title}` : ''}`];
	lines.push('', `Exceptions: ${review.summary.text}`);
	for (const e of review.exceptionDetails) {
		const news = e.good === null ? 'neutral' : e.good ? 'good' : 'bad';
		const band = `${value(e.metricId, e.band.lower)} to ${value(e.metricId, e.band.upper)}`;
		lines.push(
			`  ${e.metricId}: ${value(e.metricId, e.value)}, ${e.variance} its band ${band} (${news}; ${e.rules.join(', ')})`
		);
	}
	for (const block of review.blocks) {
		lines.push('', `${block.title} (${block.type})`);
		for (const m of block.metrics) {
			const b = m.box;
			const v = (x: number | null) => value(m.id, x);
			const c = (x: number | null) => formatChange(x, m.comparison);
			lines.push(
				`  ${m.label}: last week ${v(b.lastWeek)} (WoW ${c(b.wow)}, YoY ${c(b.yoy)}); ` +
					`MTD ${v(b.mtd)} (${c(b.mtdYoy)}); QTD ${v(b.qtd)} (${c(b.qtdYoy)}); YTD ${v(b.ytd)} (${c(b.ytdYoy)})`
			);
		}
	}
	return lines.join('\n');
}

export async function review(args: string[]): Promise<number> {
	const options = parseArgs(args);
	// Read first, so a missing configuration is the first thing said; parsed while DuckDB loads.
	const configText = await readFile(options.config, 'utf8');
	const parsing = parseReviewConfig(configText, basename(options.config));
	parsing.catch(() => {}); // awaited below, before anything else is reported
	const inputs = await Promise.all(
		options.files.map(async (path) => ({
			name: basename(path),
			data: new Uint8Array(await readFile(path))
		}))
	).catch(async (error: unknown) => {
		await parsing;
		throw error;
	});
	const engine = await startNativeEngine();
	try {
		const ingested = await ingestFiles(engine, inputs);
		const config = await parsing;
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
