/**
 * A load's progress for the progress bar: each file has a part of the bar by its size, and within
 * a file each stage a part by what it costs. Stages that run in JavaScript report the bytes they
 * have done; a stage that is one long DuckDB query (a clean file's one-pass load) moves with
 * DuckDB's own estimate of that query where the engine reports it (the browser), and a stage of
 * several queries after each. Nothing moves on a timer.
 */
import type { QueryProgress } from '../engine/types';
import type { IngestProgress, LoadStage } from './types';

/**
 * What each stage costs relative to the others, measured on 1M-row long files (30-60 MB) through
 * the full path in headless Chromium on a 2-core machine: DuckDB's read of every record as text,
 * about 20 % of a file's time; the date rules 30 %; the number rules and storing 17 % each;
 * transcoding a Latin-1 or UTF-16 file 13 %. Counting lines is a few percent, unless records
 * are not one per line (blank lines, quoted newlines): then finding where each starts is about
 * 20 % (`RECORD_STARTS_COST`). `reading` is also the one step of a clean file's one-pass load.
 */
export const STAGE_COST: Record<LoadStage, number> = {
	decoding: 13,
	reading: 20,
	lines: 3,
	dates: 30,
	numbers: 17,
	storing: 17
};

/** The cost of `lines` when records span lines and each one's start must be found. */
export const RECORD_STARTS_COST = 20;

/** Emit a change of at least this share of the bar (a pixel or so), or a new stage. */
const STEP = 0.002;

export interface FileInLoad {
	name: string;
	index: number;
	count: number;
}

export class FileProgress {
	#shares = new Map<LoadStage, number>();
	#stage: LoadStage | null = null;
	/** Where the current stage starts and its part, as shares of this file. */
	#start = 0;
	#share = 0;
	/** Share of this file done. */
	#done = 0;
	#emitted = -1;
	#rowsRead: number | null = null;

	/**
	 * `from` and `to`: this file's part of the whole bar. Without a listener, nothing is reported
	 * (the CLI, tests).
	 */
	constructor(
		private readonly listener: ((progress: IngestProgress) => void) | undefined,
		private readonly file: FileInLoad,
		private readonly from = 0,
		private readonly to = 1
	) {}

	/**
	 * The stages still to come, in order: what is left of the file is shared among them by cost
	 * (`STAGE_COST`, or `costs` where this file's differ).
	 */
	plan(stages: LoadStage[], costs: Partial<Record<LoadStage, number>> = {}): void {
		const cost = (s: LoadStage) => costs[s] ?? STAGE_COST[s];
		const total = stages.reduce((sum, s) => sum + cost(s), 0);
		const left = 1 - this.#done;
		this.#shares = new Map(stages.map((s) => [s, total > 0 ? (left * cost(s)) / total : 0]));
		this.#start = this.#done;
		this.#share = 0;
	}

	/** Starts a stage: the one before it is complete. */
	enter(stage: LoadStage): void {
		this.#done = Math.max(this.#done, this.#start + this.#share);
		this.#stage = stage;
		this.#start = this.#done;
		this.#share = this.#shares.get(stage) ?? 0;
		this.#emit(true);
	}

	/** How much of the current stage is done, from 0 to 1. */
	advance(fraction: number): void {
		const done = this.#start + this.#share * Math.min(1, Math.max(0, fraction));
		if (done <= this.#done) return;
		this.#done = done;
		this.#emit(false);
	}

	/** A callback for a pass over bytes: `(bytesDone, bytesTotal)`. */
	get bytes(): (done: number, total: number) => void {
		return (done, total) => this.advance(total > 0 ? done / total : 1);
	}

	/**
	 * A listener for `Engine.onQueryProgress`. Only a query that is its stage's whole work asks
	 * for its progress (`reportProgress`), so the query's share done is the stage's. A one-pass
	 * load rolled back after its insert leaves the bar where the insert took it: the bar never
	 * goes back, and the full path's stages share what is left (`plan`).
	 */
	get query(): (progress: QueryProgress) => void {
		return (progress) => this.advance(progress.fraction);
	}

	set rowsRead(rows: number) {
		this.#rowsRead = rows;
		this.#emit(true);
	}

	finish(): void {
		if (this.#done === 1) return;
		this.#done = 1;
		this.#emit(true);
	}

	/** Share of the whole load done. */
	get done(): number {
		return this.from + (this.to - this.from) * this.#done;
	}

	#emit(always: boolean): void {
		if (!this.listener || this.#stage === null) return;
		const done = this.done;
		if (!always && done - this.#emitted < STEP) return;
		this.#emitted = done;
		this.listener({
			file: this.file.name,
			fileIndex: this.file.index,
			fileCount: this.file.count,
			stage: this.#stage,
			done,
			rowsRead: this.#rowsRead
		});
	}
}

/** Each file's part of the bar, by its size (a small file still gets a sliver). */
export function fileParts(sizes: number[]): { from: number; to: number }[] {
	const weights = sizes.map((s) => Math.max(s, 64 * 1024));
	const total = weights.reduce((a, b) => a + b, 0);
	let at = 0;
	return weights.map((w) => {
		const from = at;
		at += w / total;
		return { from, to: at };
	});
}
