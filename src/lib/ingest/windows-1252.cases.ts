/**
 * The check of a windows-1252 decoder that runs in Node (windows-1252.test.ts) and, bundled as it
 * is, in Chromium (tests/e2e/windows-1252.test.js), so both platforms pass the same test.
 */

/**
 * Bytes 0x80-0x9F and their code points, copied from the WHATWG Encoding Standard's
 * index-windows-1252.txt (pointers 0-31), written here as numbers, apart from the decoder's table.
 */
export const WINDOWS_1252_HIGH: readonly [byte: number, codePoint: number][] = [
	[0x80, 0x20ac],
	[0x81, 0x0081],
	[0x82, 0x201a],
	[0x83, 0x0192],
	[0x84, 0x201e],
	[0x85, 0x2026],
	[0x86, 0x2020],
	[0x87, 0x2021],
	[0x88, 0x02c6],
	[0x89, 0x2030],
	[0x8a, 0x0160],
	[0x8b, 0x2039],
	[0x8c, 0x0152],
	[0x8d, 0x008d],
	[0x8e, 0x017d],
	[0x8f, 0x008f],
	[0x90, 0x0090],
	[0x91, 0x2018],
	[0x92, 0x2019],
	[0x93, 0x201c],
	[0x94, 0x201d],
	[0x95, 0x2022],
	[0x96, 0x2013],
	[0x97, 0x2014],
	[0x98, 0x02dc],
	[0x99, 0x2122],
	[0x9a, 0x0161],
	[0x9b, 0x203a],
	[0x9c, 0x0153],
	[0x9d, 0x009d],
	[0x9e, 0x017e],
	[0x9f, 0x0178]
];

/** The 27 bytes Windows defines in 0x80-0x9F (the other five are undefined there). */
export const DEFINED_HIGH_BYTES = WINDOWS_1252_HIGH.filter(
	([byte, codePoint]) => byte !== codePoint
).map(([byte]) => byte);

/** The 27 characters, in byte order: "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ". */
export const DEFINED_HIGH_TEXT = String.fromCodePoint(
	...WINDOWS_1252_HIGH.filter(([byte, codePoint]) => byte !== codePoint).map(([, c]) => c)
);

/**
 * Every byte a decoder reads differently from the standard, as "0x80: U+0080, expected U+20AC";
 * empty when it is right. Each byte alone, then all 256 in one text (no state between them).
 */
export function windows1252Mismatches(decode: (bytes: Uint8Array) => string): string[] {
	const expected = new Map<number, number>(WINDOWS_1252_HIGH);
	const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
	const mismatches: string[] = [];
	let all = '';
	for (let byte = 0; byte < 256; byte++) {
		const want = String.fromCodePoint(expected.get(byte) ?? byte);
		all += want;
		const got = decode(Uint8Array.of(byte));
		if (got !== want)
			mismatches.push(
				`0x${hex(byte, 2)}: ${[...got].map((c) => `U+${hex(c.codePointAt(0) ?? 0, 4)}`).join(' ') || 'nothing'}, expected U+${hex(want.codePointAt(0) ?? 0, 4)}`
			);
	}
	const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
	if (decode(everyByte) !== all) mismatches.push('bytes 0x00-0xFF in one text differ');
	return mismatches;
}
