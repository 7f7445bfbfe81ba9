/**
 * Root-cause notes (the five whys): what the team found out about a metric in a week, kept with
 * the metric and the week so it shows on the review's card, in presentation and in exports. The
 * notes are the user's own data beside the review, not part of the computed review JSON.
 *
 * Kept in browser storage as one small JSON document:
 *   { "version": 1, "notes": [{ "metricId", "weekEnding", "text", "updatedAt" }] }
 */
export const NOTES_DOCUMENT = 'notes.json';

export interface RootCauseNote {
	metricId: string;
	/** ISO date of the week under review the note was written for. */
	weekEnding: string;
	text: string;
	/** ISO timestamp of the last edit. */
	updatedAt: string;
}

/** One note per metric and week. */
export function noteKey(metricId: string, weekEnding: string): string {
	return `${weekEnding}|${metricId}`;
}

/** The saved document, read leniently: an unreadable document is no notes, not a broken review. */
export function parseNotes(text: string | null): Map<string, RootCauseNote> {
	const notes = new Map<string, RootCauseNote>();
	if (!text) return notes;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return notes;
	}
	const list = (parsed as { notes?: unknown } | null)?.notes;
	if (!Array.isArray(list)) return notes;
	for (const item of list as Partial<RootCauseNote>[]) {
		if (typeof item?.metricId !== 'string' || typeof item.weekEnding !== 'string') continue;
		if (typeof item.text !== 'string' || item.text.trim() === '') continue;
		notes.set(noteKey(item.metricId, item.weekEnding), {
			metricId: item.metricId,
			weekEnding: item.weekEnding,
			text: item.text,
			updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : ''
		});
	}
	return notes;
}

/**
 * The notes with one note set (an empty text removes it), the rest as given: a save applies
 * only its own note to the notes as stored right then, so another tab's notes stay.
 */
export function withNote(
	notes: ReadonlyMap<string, RootCauseNote>,
	note: RootCauseNote
): Map<string, RootCauseNote> {
	const next = new Map(notes);
	const key = noteKey(note.metricId, note.weekEnding);
	if (note.text.trim() === '') next.delete(key);
	else next.set(key, note);
	return next;
}

export function serializeNotes(notes: ReadonlyMap<string, RootCauseNote>): string {
	const list = [...notes.values()].sort(
		(a, b) => a.weekEnding.localeCompare(b.weekEnding) || a.metricId.localeCompare(b.metricId)
	);
	return JSON.stringify({ version: 1, notes: list }, null, 2);
}

/** The notes of one week, by metric id: what a review of that week shows and exports. */
export function notesOfWeek(
	notes: ReadonlyMap<string, RootCauseNote>,
	weekEnding: string
): Record<string, string> {
	const week: Record<string, string> = {};
	for (const note of notes.values()) {
		if (note.weekEnding === weekEnding) week[note.metricId] = note.text;
	}
	return week;
}
