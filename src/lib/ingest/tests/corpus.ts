/** Paths into the shared corpus (never copied into the repo). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const BAD_INPUT = path.resolve('../shared/corpus/bad-input');
export const REAL_EXPORTS = path.resolve('../shared/corpus/real-exports');

/** Expected-result files that sit beside the data files and are not inputs themselves. */
export function isExpectation(file: string): boolean {
	return (
		/\.(json|jsonl|md|ttl)$/.test(file) || /_converted\.csv$/.test(file) || file.includes('/json/')
	);
}

export function filesUnder(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = path.join(dir, name);
			return statSync(full).isDirectory() ? filesUnder(full) : [full];
		});
}
