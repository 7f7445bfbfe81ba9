/**
 * The narrative of the review on screen (../export/narrative.ts): drafted from the review and
 * the user's context (the week's notes, the catalog's links), or as the user last edited it in
 * this tab, so the export dialog and the presentation's first slide show the same text.
 */
import { reviewFileName } from '../export/download';
import { draftNarrative, type NarrativeAction, type NarrativeOptions } from '../export/narrative';
import type { Catalog, View } from '../metrics/types';
import type { Review } from '../review/types';
import { actionsState } from './actions.svelte';
import { commentsState, notesState } from './notes.svelte';

/** Edited narratives by review (its export name), for this tab: a store, not page state. */
const edited = new Map<string, string>();

export interface NarrativeSubject {
	review: Review;
	view: View;
	filters: Readonly<Record<string, string>>;
	notes: Readonly<Record<string, string>>;
	comments: Readonly<Record<string, string>>;
	actions: readonly NarrativeAction[];
	catalog: Catalog | null;
}

/** The review's key: one narrative per view, week and filters. */
export function narrativeKey(subject: NarrativeSubject): string {
	return reviewFileName(subject.view, subject.review.weekEnding, subject.filters);
}

function optionsOf(subject: NarrativeSubject): NarrativeOptions {
	const drives = Object.fromEntries(
		(subject.catalog?.metrics ?? []).flatMap((m) => (m.drives ? [[m.id, m.drives]] : []))
	);
	const { view, filters, notes, comments, actions } = subject;
	return { view, filters, notes, comments, actions, drives };
}

export function draftFor(subject: NarrativeSubject): string {
	return draftNarrative(subject.review, optionsOf(subject));
}

/** The text shown: the user's edit of this review, else the draft. */
export function narrativeFor(subject: NarrativeSubject): string {
	return edited.get(narrativeKey(subject)) ?? draftFor(subject);
}

/** Keeps the user's text for this review; `null` forgets it (the draft again). */
export function keepNarrative(subject: NarrativeSubject, text: string | null): void {
	if (text === null) edited.delete(narrativeKey(subject));
	else edited.set(narrativeKey(subject), text);
}

/** Reads the week's notes, comments and actions from browser storage (once). */
export function loadFollowUp(): Promise<unknown> {
	return Promise.all([notesState.load(), commentsState.load(), actionsState.load()]);
}

/** The narrative's subject for a review on screen, with its week's notes, comments and actions. */
export function narrativeSubject(
	review: Review,
	view: View,
	filters: Readonly<Record<string, string>>,
	catalog: Catalog | null
): NarrativeSubject {
	const week = review.weekEnding;
	return {
		review,
		view,
		filters,
		notes: notesState.ofWeek(week),
		comments: commentsState.ofWeek(week),
		actions: actionsState.at(week),
		catalog
	};
}
