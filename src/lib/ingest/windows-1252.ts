/**
 * Windows-1252 as the WHATWG Encoding Standard defines it (index-windows-1252): Latin-1, except
 * that bytes 0x80-0x9F are the 27 characters Windows puts there (€ ‚ ƒ „ … and so on); the five it
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the code point of the same number.
 *
 * Browsers decode `TextDecoder('windows-1252')` this way; Node 20 decodes it as plain Latin-1 (C1
 * control characters for 0x80-0x9F), so `Umsatz (€)` came out of the CLI as `Umsatz (\x80)`. This
 * table is the one decoder both use, so the CLI and the app read the same bytes the same way.
 */

/** Bytes 0x80 to 0x9F, in order. */
const HIGH_CONTROLS =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The UTF-16 code unit of every byte (all in the Basic Multilingual Plane, none a surrogate). */
const CODE_UNITS = Uint16Array.from({ length: 256 }, (_, byte) =>
	byte >= 0x80 && byte < 0xa0 ? HIGH_CONTROLS.charCodeAt(byte - 0x80) : byte
);

// UTF-16 code units of the machine's byte order; every platform a browser or Node runs on is little-endian.
const utf16 = new TextDecoder('utf-16le');

/**
 * The text of windows-1252 bytes. One byte is one character, so a file can be decoded slice by
 * slice with no state between slices.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	const units = new Uint16Array(bytes.byteLength);
	for (let i = 0; i < bytes.byteLength; i++) units[i] = CODE_UNITS[bytes[i] as number] as number;
	return utf16.decode(units);
}
