/**
 * Japanese, Chinese and Korean exports in their legacy encodings (Shift-JIS from Japanese Excel,
 * GBK/GB18030, EUC-KR), told apart from Latin-1 and from each other by the first bytes of a file
 * that is not UTF-8. A tested heuristic: the bytes must decode without a single error, most of
 * what they decode to must be that language's script, and where two encodings both decode (a
 * Shift-JIS kanji pair is also a valid GBK pair) the byte ranges decide. The platform's
 * TextDecoder decodes them, the same in Node and in the browser (WHATWG encodings).
 */
import type { Encoding } from './types';

/** Characters a CJK export is made of, besides ASCII. */
const HAN = /[\u4e00-\u9fff\u3400-\u4dbf]/;
const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
const PUNCTUATION = /[\u3000-\u303f\uff01-\uff5e\u00b7\u2010-\u203b]/;

/** Multi-byte characters needed before a guess: one stray byte is Latin-1, not Japanese. */
const MIN_CHARACTERS = 2;

/** The share of non-ASCII characters that must be the language's script. */
const MIN_SCRIPT_SHARE = 0.9;

function decodes(bytes: Uint8Array, encoding: string): string | null {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
	} catch {
		return null;
	}
}

/** Non-ASCII characters of the text, and how many of them `script` accepts. */
function scriptShare(text: string, script: (c: string) => boolean): { n: number; share: number } {
	let n = 0;
	let good = 0;
	for (const c of text) {
		if (c.charCodeAt(0) < 0x80) continue;
		n++;
		if (script(c)) good++;
	}
	return { n, share: n ? good / n : 0 };
}

/**
 * The share of two-byte sequences (a byte from 0x81 and the next) with both bytes in the given
 * ranges. Decoders differ at the edges (Chromium's EUC-KR is Windows-949, which also reads most
 * Shift-JIS pairs; Node's is strict), so the byte ranges, the same everywhere, decide.
 */
function pairShare(bytes: Uint8Array, lead: [number, number], trail: [number, number]): number {
	let pairs = 0;
	let inside = 0;
	for (let i = 0; i + 1 < bytes.length; i++) {
		const a = bytes[i] as number;
		if (a < 0x81) continue;
		const b = bytes[i + 1] as number;
		pairs++;
		if (a >= lead[0] && a <= lead[1] && b >= trail[0] && b <= trail[1]) inside++;
		i++;
	}
	return pairs ? inside / pairs : 0;
}

/**
 * KS X 1001 (EUC-KR proper: both bytes A1-FE), and the GB2312 block (lead B0-F7, trail A1-FE),
 * where common Chinese is: GB18030 decodes nearly any bytes, so Latin-1 text (`ül`, `ße`) must
 * not pass.
 */
const KSX1001 = (bytes: Uint8Array) => pairShare(bytes, [0xa1, 0xfe], [0xa1, 0xfe]);
const GB2312 = (bytes: Uint8Array) => pairShare(bytes, [0xb0, 0xf7], [0xa1, 0xfe]);

/** The legacy CJK encoding of bytes that are not UTF-8, or null (then Latin-1 is assumed). */
export function detectCjk(head: Uint8Array): Encoding | null {
	const korean = KSX1001(head) >= MIN_SCRIPT_SHARE ? decodes(head, 'euc-kr') : null;
	if (korean !== null) {
		const hangul = scriptShare(korean, (c) => HANGUL.test(c));
		const all = scriptShare(korean, (c) => HANGUL.test(c) || HAN.test(c) || PUNCTUATION.test(c));
		if (hangul.n >= MIN_CHARACTERS && hangul.share >= 0.5 && all.share >= MIN_SCRIPT_SHARE)
			return 'euc-kr';
	}
	const chinese = GB2312(head) >= 0.5;
	const japanese = decodes(head, 'shift_jis');
	if (japanese !== null) {
		const score = scriptShare(japanese, (c) => KANA.test(c) || HAN.test(c) || PUNCTUATION.test(c));
		const kana = scriptShare(japanese, (c) => KANA.test(c)).share > 0;
		if (score.n >= MIN_CHARACTERS && score.share >= MIN_SCRIPT_SHARE && (kana || !chinese))
			return 'shift_jis';
	}
	const gb = chinese ? decodes(head, 'gb18030') : null;
	if (gb !== null) {
		const score = scriptShare(gb, (c) => HAN.test(c) || PUNCTUATION.test(c));
		if (score.n >= MIN_CHARACTERS && score.share >= MIN_SCRIPT_SHARE) return 'gb18030';
	}
	return null;
}
