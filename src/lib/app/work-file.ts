/**
 * The team's own words about the review, as one file to pass on with the data: the owners'
 * comments, the root-cause notes and the actions (`flywheel-work.json`). Importing it merges entry
 * by entry: a new entry is added, a newer one replaces the one here, and one older than the entry
 * here (it would overwrite newer work) is left alone unless the user says to take it: nothing is
 * lost without being asked.
 *
 *   { "flywheel": "work", "version": 1, "comments": [...], "notes": [...], "actions": [...] }
 *
 * Comments and notes are `RootCauseNote`s (metric, week, text, updatedAt), actions `Action`s.
 */
import { parseActions, type Action } from './actions';
import { noteKey, parseNotes, type RootCauseNote } from './root-cause-notes';

export interface Work {
	comments: ReadonlyMap<string, RootCauseNote>;
	notes: ReadonlyMap<string, RootCauseNote>;
	actions: ReadonlyMap<string, Action>;
}

export type WorkKind = keyof Work;

export function workFile(work: Work): string {
	const list = <T>(map: ReadonlyMap<string, T>) => [...map.values()];
	return JSON.stringify(
		{
			flywheel: 'work',
			version: 1,
			comments: list(work.comments),
			notes: list(work.notes),
			actions: list(work.actions)
		},
		null,
		2
	);
}

/** The file's entries; a file that is not one says so, naming it. */
export function parseWorkFile(text: string, fileName: string): Work {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new Error(`${fileName} is not a Flywheel work file: it is not JSON`);
	}
	if ((parsed as { flywheel?: unknown } | null)?.flywheel !== 'work') {
		throw new Error(
			`${fileName} is not a Flywheel work file (comments, notes and actions exported from a review)`
		);
	}
	const field = (name: string) => (parsed as Record<string, unknown>)[name] ?? [];
	// Comments are notes in shape: read by the notes' rules.
	return {
		comments: parseNotes(JSON.stringify({ notes: field('comments') })),
		notes: parseNotes(JSON.stringify({ notes: field('notes') })),
		actions: parseActions(JSON.stringify({ actions: field('actions') }))
	};
}

export interface Conflict {
	kind: WorkKind;
	key: string;
	/** The entry here, newer than the file's. */
	here: RootCauseNote | Action;
	incoming: RootCauseNote | Action;
}

export interface Merge {
	merged: Work;
	added: number;
	updated: number;
	/** Entries of the file older than the ones here, which differ: asked about, kept unless taken. */
	conflicts: Conflict[];
}

function keyOf(kind: WorkKind, entry: RootCauseNote | Action): string {
	return kind === 'actions'
		? (entry as Action).id
		: noteKey((entry as RootCauseNote).metricId, (entry as RootCauseNote).weekEnding);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `incoming` merged into `here`; with `takeOlder`, the conflicts are taken from the file too. */
export function mergeWork(
	here: Work,
	incoming: Work,
	options: { takeOlder?: boolean } = {}
): Merge {
	let added = 0;
	let updated = 0;
	const conflicts: Conflict[] = [];
	const mergeKind = <T extends RootCauseNote | Action>(kind: WorkKind) => {
		const current = here[kind] as ReadonlyMap<string, T>;
		const next = new Map(current);
		for (const entry of (incoming[kind] as ReadonlyMap<string, T>).values()) {
			const key = keyOf(kind, entry);
			const existing = current.get(key);
			if (!existing) {
				next.set(key, entry);
				added++;
			} else if (same(existing, entry)) continue;
			else if (entry.updatedAt > existing.updatedAt) {
				next.set(key, entry);
				updated++;
			} else {
				conflicts.push({ kind, key, here: existing, incoming: entry });
				if (options.takeOlder) {
					next.set(key, entry);
					updated++;
				}
			}
		}
		return next;
	};
	const merged = {
		comments: mergeKind<RootCauseNote>('comments'),
		notes: mergeKind<RootCauseNote>('notes'),
		actions: mergeKind<Action>('actions')
	};
	return { merged, added, updated, conflicts };
}
