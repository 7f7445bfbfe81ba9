/**
 * Notes per metric and week, loaded once from browser storage and saved on every change, so a
 * reload (or the review's card) shows what was written: the root-cause notes of the deep dive
 * (`notesState`) and the owners' weekly comments on the cards (`commentsState`), one document
 * each, of the same shape. A save re-reads the stored notes and changes only its own note
 * (another tab's notes stay), then tells the other tabs, which read the notes again.
 */
import { announce, onAnnounced, type StoreChange } from '../store/broadcast';
import { readDocument, updateDocument } from '../store/saved-files';
import {
	noteKey,
	NOTES_DOCUMENT,
	notesOfWeek,
	parseNotes,
	serializeNotes,
	withNote,
	type RootCauseNote
} from './root-cause-notes';

/** A timestamp, not state: the note records when it was last edited. */
function nowIso(): string {
	return new Date(Date.now()).toISOString();
}

export class NotesState {
	/** Replaced, never mutated, so readers of `notes` see each change. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
	notes = $state.raw<ReadonlyMap<string, RootCauseNote>>(new Map());
	/** A problem with browser storage, for the user. */
	storageMessage = $state<string | null>(null);
	#loaded: Promise<void> | null = null;

	constructor(
		readonly document: string,
		readonly change: StoreChange
	) {
		onAnnounced(change, () => {
			if (!this.#loaded) return;
			this.#loaded = null;
			void this.load();
		});
	}

	/** Reads the stored document again (after an import wrote it). */
	reload(): Promise<void> {
		this.#loaded = null;
		return this.load();
	}

	load(): Promise<void> {
		this.#loaded ??= readDocument(this.document)
			.then((text) => {
				this.notes = parseNotes(text);
			})
			.catch((error: unknown) => {
				this.storageMessage = error instanceof Error ? error.message : String(error);
			});
		return this.#loaded;
	}

	text(metricId: string, weekEnding: string): string {
		return this.notes.get(noteKey(metricId, weekEnding))?.text ?? '';
	}

	ofWeek(weekEnding: string): Record<string, string> {
		return notesOfWeek(this.notes, weekEnding);
	}

	/** Keeps the note (an empty text removes it), merged into the notes as stored. */
	async save(metricId: string, weekEnding: string, text: string): Promise<void> {
		await this.load();
		const note = { metricId, weekEnding, text, updatedAt: nowIso() };
		this.notes = withNote(this.notes, note);
		try {
			const stored = await updateDocument(this.document, (current) =>
				serializeNotes(withNote(parseNotes(current), note))
			);
			this.notes = parseNotes(stored);
			this.storageMessage = null;
			announce(this.change);
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}
}

export const notesState = new NotesState(NOTES_DOCUMENT, 'notes');

/** The owners' comments on the cards, per metric and week: `comments.json`, the notes' shape. */
export const commentsState = new NotesState('comments.json', 'comments');
