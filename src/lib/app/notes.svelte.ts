/**
 * The root-cause notes of the data under review, loaded once from browser storage and saved on
 * every change, so a reload (or the review's card) shows what was written in the deep dive.
 */
import { readDocument, saveDocument } from '../store/saved-files';
import {
	noteKey,
	NOTES_DOCUMENT,
	notesOfWeek,
	parseNotes,
	serializeNotes,
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

	load(): Promise<void> {
		this.#loaded ??= readDocument(NOTES_DOCUMENT)
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

	/** Keeps the note (an empty text removes it) and saves every note. */
	async save(metricId: string, weekEnding: string, text: string): Promise<void> {
		await this.load();
		// A fresh map each time: state is replaced, not mutated.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const notes = new Map(this.notes);
		const key = noteKey(metricId, weekEnding);
		if (text.trim() === '') notes.delete(key);
		else notes.set(key, { metricId, weekEnding, text, updatedAt: nowIso() });
		this.notes = notes;
		try {
			await saveDocument(NOTES_DOCUMENT, serializeNotes(notes));
			this.storageMessage = null;
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}
}

export const notesState = new NotesState();
