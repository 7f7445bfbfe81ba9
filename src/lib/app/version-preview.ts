/**
 * The upload preview's comparison of a new version with the loaded one (version-compare.ts),
 * run in a second, short-lived DuckDB so the review's engine and store stay as they are until the
 * user loads. The engine starts with the first comparison and stops when the page says so;
 * comparisons take turns. Over `COMPARE_BYTES` (both versions together) the preview does not
 * read the files twice: the loaded row says what changed once the new version is in.
 */
import type { Engine } from '../engine/types';
import { compareVersions, type Version, type VersionComparison } from './version-compare';

export const COMPARE_BYTES = 64 * 1024 * 1024;

let engine: Promise<Engine> | null = null;
let turn: Promise<unknown> = Promise.resolve();

const sizeOf = (v: Version) => (v.data instanceof Blob ? v.data.size : v.data.byteLength);

/** The comparison, or null when the two versions are too big to read twice for a preview. */
export function previewNewVersion(
	before: Version,
	after: Version
): Promise<VersionComparison | null> {
	if (sizeOf(before) + sizeOf(after) > COMPARE_BYTES) return Promise.resolve(null);
	const run = async () => {
		engine ??= import('../engine/browser').then(({ startBrowserEngine }) =>
			startBrowserEngine(() => {})
		);
		return compareVersions(await engine, before, after);
	};
	const result = turn.then(run, run);
	turn = result.catch(() => undefined);
	return result;
}

/** Stops the comparison engine (the upload page leaves); the next comparison starts another. */
export function stopComparisons(): void {
	const running = engine;
	engine = null;
	void turn.then(() => running?.then((e) => e.close()).catch(() => {}));
}
