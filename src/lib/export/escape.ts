/** HTML escaping for the files Flywheel writes. */

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text and attribute values as HTML: labels and owners come from a customer's files. */
export function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
