/**
 * Saving a file from the page: every download button (rejected rows, the catalog, an exported
 * review) goes through `download`, so they all behave the same.
 */
import type { Evidence } from '../evidence/types';
import type { Review } from '../review/types';

export function download(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	// Revoked on the next turn, not at once: some browsers start reading the blob only after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The review JSON (src/lib/review/README.md) as a file, indented for a person to read. Root-cause
 * notes are the user's words, not computed figures, so they are added here, beside the review's
 * fields (`rootCauseNotes`), and only when there are any: the CLI's review JSON (no notes) stays
 * the same document. So is the evidence for the catalog's links (`evidence`, the block
 * `flywheel evidence --json` prints, src/lib/evidence/README.md), computed on demand, and the
 * owners' comments of the week (`comments: [{ metricId, text }]`) and the actions as they stand
 * that week (`actions`, ../app/actions.ts), when there are any.
 */
export function reviewToJsonBlob(
	review: Review,
	notes: Readonly<Record<string, string>> = {},
	evidence?: Evidence,
	followUp: { comments?: Readonly<Record<string, string>>; actions?: readonly object[] } = {}
): Blob {
	const rootCauseNotes = Object.entries(notes).map(([metricId, text]) => ({ metricId, text }));
	const comments = Object.entries(followUp.comments ?? {}).map(([metricId, text]) => ({
		metricId,
		text
	}));
	const actions = followUp.actions ?? [];
	const document = {
		...review,
		...(rootCauseNotes.length > 0 ? { rootCauseNotes } : {}),
		...(comments.length > 0 ? { comments } : {}),
		...(actions.length > 0 ? { actions } : {}),
		...(evidence ? { evidence } : {})
	};
	return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
}

/** An exported review's HTML as a file. */
export function htmlBlob(html: string): Blob {
	return new Blob([html], { type: 'text/html' });
}

/** "flywheel-operational-2026-11-21", plus the segment filters, so two exports never share a name. */
export function reviewFileName(
	view: string,
	weekEnding: string,
	filters: Readonly<Record<string, string>> = {}
): string {
	const parts = ['flywheel', view, weekEnding, ...Object.values(filters)];
	return parts
		.join('-')
		.toLowerCase()
		.replace(/[^a-z0-9-]+/g, '-')
		.replace(/-+/g, '-');
}
