/** The files a command names, read from disk; one that cannot be read says why in a few words. */
import { readFileSync } from 'node:fs';

export type Input = { name: string; data: Uint8Array } | { name: string; error: string };

export function readInput(path: string, name = path): Input {
	try {
		return { name, data: readFileSync(path) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'is a folder, not a file'
					: code === 'EACCES'
						? 'not allowed to read it'
						: String(error);
		return { name, error: reason };
	}
}

export function isReadable(input: Input): input is { name: string; data: Uint8Array } {
	return 'data' in input;
}
