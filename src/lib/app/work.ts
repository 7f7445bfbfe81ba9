/**
 * The work file (./work-file.ts) between the browser's store and a file: export reads the three
 * documents; import merges the file into each under its lock (another tab's saves are kept), asks
 * before older entries replace newer ones, and has every tab read them again.
 */
import { announce } from '../store/broadcast';
import { readDocument, updateDocument } from '../store/saved-files';
import { ACTIONS_DOCUMENT, parseActions, serializeActions } from './actions';
import { actionsState } from './actions.svelte';
import { commentsState, notesState } from './notes.svelte';
import { parseNotes, serializeNotes } from './root-cause-notes';
import { mergeWork, parseWorkFile, workFile, type Conflict, type Work } from './work-file';

const EMPTY: Work = { comments: new Map(), notes: new Map(), actions: new Map() };

async function storedWork(): Promise<Work> {
	const [comments, notes, actions] = await Promise.all([
		readDocument(commentsState.document),
		readDocument(notesState.document),
		readDocument(ACTIONS_DOCUMENT)
	]);
	return {
		comments: parseNotes(comments),
		notes: parseNotes(notes),
		actions: parseActions(actions)
	};
}

export async function exportWork(): Promise<string> {
	return workFile(await storedWork());
}

export interface ImportResult {
	added: number;
	updated: number;
	/** Older entries of the file left alone, because the user kept the newer ones here. */
	kept: number;
}

/**
 * Merges the work file `text` into the store. `takeOlder` is asked only when some entries of the
 * file are older than the ones here and differ.
 */
export async function importWork(
	text: string,
	fileName: string,
	takeOlder: (conflicts: Conflict[]) => boolean
): Promise<ImportResult> {
	const incoming = parseWorkFile(text, fileName);
	const preview = mergeWork(await storedWork(), incoming);
	const take = preview.conflicts.length > 0 && takeOlder(preview.conflicts);
	let added = 0;
	let updated = 0;
	// Each document merged as stored right then, under its lock.
	const merged = (kind: keyof Work, stored: Work) => {
		const merge = mergeWork(stored, { ...EMPTY, [kind]: incoming[kind] }, { takeOlder: take });
		added += merge.added;
		updated += merge.updated;
		return merge.merged[kind];
	};
	await updateDocument(commentsState.document, (stored) =>
		serializeNotes(merged('comments', { ...EMPTY, comments: parseNotes(stored) }) as Work['notes'])
	);
	await updateDocument(notesState.document, (stored) =>
		serializeNotes(merged('notes', { ...EMPTY, notes: parseNotes(stored) }) as Work['notes'])
	);
	await updateDocument(ACTIONS_DOCUMENT, (stored) =>
		serializeActions(
			merged('actions', { ...EMPTY, actions: parseActions(stored) }) as Work['actions']
		)
	);
	for (const change of ['comments', 'notes', 'actions'] as const) announce(change);
	await Promise.all([commentsState.reload(), notesState.reload(), actionsState.reload()]);
	return { added, updated, kept: take ? 0 : preview.conflicts.length };
}
