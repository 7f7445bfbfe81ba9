/**
 * Whether any field of a file might start or end with a space `trim` would remove, found from its
 * bytes alone while they are scanned for line counts anyway (see `tryFastLoad`).
 *
 * DuckDB's `trim` removes Unicode space separators: the ASCII space and a few non-ASCII
 * characters (no-break space, ideographic space, ...). So a field edge is suspect when a space or
 * any non-ASCII byte touches a delimiter, a quote, a line end, or the start or end of the file.
 * That over-reports (`"Café"`, `, "x"`), never under-reports: the caller then checks the loaded
 * texts in SQL, which a clean export never needs.
 */

/** Byte classes: a field edge (delimiter, quote, line end) or a byte `trim` might remove. */
const EDGE = 1;
const SPACE = 2;

export class FieldEdges {
	private readonly classes = new Uint8Array(256);
	/** The class of the byte before the current slice: the file's start counts as an edge. */
	private previous = EDGE;
	private found = false;

	constructor(delimiter: string) {
		for (const c of [delimiter, '"', '\n', '\r']) this.classes[c.charCodeAt(0)] = EDGE;
		this.classes[0x20] = SPACE;
		this.classes.fill(SPACE, 0x80);
	}

	push(bytes: Uint8Array): void {
		if (this.found) return;
		const classes = this.classes;
		let previous = this.previous;
		for (let i = 0; i < bytes.length; i++) {
			const current = classes[bytes[i] as number] as number;
			// An edge next to a space, in either order.
			if ((previous | current) === (EDGE | SPACE)) {
				this.found = true;
				return;
			}
			previous = current;
		}
		this.previous = previous;
	}

	/** True when some field might hold a space `trim` would remove (the file's end is an edge). */
	get suspect(): boolean {
		return this.found || this.previous === SPACE;
	}
}
