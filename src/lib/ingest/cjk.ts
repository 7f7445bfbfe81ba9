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
 * The share of two-byte sequences in the GB2312 block (lead B0-F7, trail A1-FE), where common
 * Chinese is: GB18030 decodes nearly any bytes, so Latin-1 text (`ül`, `ße`) must not pass.
 */
function gb2312Share(bytes: Uint8Array): number {
	let pairs = 0;
	let gb = 0;
	for (let i = 0; i + 1 < bytes.length; i++) {
		const lead = bytes[i] as number;
		if (lead < 0x81) continue;
		const trail = bytes[i + 1] as number;
		pairs++;
		if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb++;
		i++;
	}
	return pairs ? gb / pairs : 0;
}

/** The legacy CJK encoding of bytes that are not UTF-8, or null (then Latin-1 is assumed). */
export function detectCjk(head: Uint8Array): Encoding | null {
	const korean = decodes(head, 'euc-kr');
	if (korean !== null) {
		const hangul = scriptShare(korean, (c) => HANGUL.test(c));
		const all = scriptShare(korean, (c) => HANGUL.test(c) || HAN.test(c) || PUNCTUATION.test(c));
		if (hangul.n >= MIN_CHARACTERS && hangul.share >= 0.5 && all.share >= MIN_SCRIPT_SHARE)
			return 'euc-kr';
	}
	const chinese = gb2312Share(head) >= 0.5;
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
