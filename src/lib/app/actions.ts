/**
 * Actions from the meeting: what, who, by which week, and whether it is still open. An action is
 * raised on a metric in a week (from its comment or its root-cause note) and shows on that
 * metric's card and in the operational review's "Open actions" in every later week until it is
 * closed (done or dropped), which records the week it was closed in. Overdue: still open in a
 * week after its due week.
 *
 * Kept in browser storage as one small JSON document, like the notes (./root-cause-notes.ts):
 *   { "version": 1, "actions": [{ "id", "metricId", "what", "owner", "dueWeek", "status",
 *     "raisedWeek", "closedWeek", "updatedAt" }] }
 */
export const ACTIONS_DOCUMENT = 'actions.json';

export type ActionStatus = 'open' | 'done' | 'dropped';

export interface Action {
	id: string;
	metricId: string;
	what: string;
	owner: string;
	/** ISO week ending the action is due by. */
	dueWeek: string;
	status: ActionStatus;
	/** The week under review when it was raised. */
	raisedWeek: string;
	/** The week under review when it was closed; null while open. */
	closedWeek: string | null;
	/** ISO timestamp of the last change. */
	updatedAt: string;
}

const STATUSES: readonly ActionStatus[] = ['open', 'done', 'dropped'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The saved document, read leniently: an entry that is not an action is skipped. */
export function parseActions(text: string | null): Map<string, Action> {
	const actions = new Map<string, Action>();
	if (!text) return actions;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return actions;
	}
	const list = (parsed as { actions?: unknown } | null)?.actions;
	if (!Array.isArray(list)) return actions;
	for (const item of list as Partial<Action>[]) {
		if (typeof item?.id !== 'string' || typeof item.metricId !== 'string') continue;
		if (typeof item.what !== 'string' || item.what.trim() === '') continue;
		if (!ISO_DATE.test(String(item.dueWeek)) || !ISO_DATE.test(String(item.raisedWeek))) continue;
		const status = STATUSES.includes(item.status as ActionStatus)
			? (item.status as ActionStatus)
			: 'open';
		actions.set(item.id, {
			id: item.id,
			metricId: item.metricId,
			what: item.what,
			owner: typeof item.owner === 'string' ? item.owner : '',
			dueWeek: item.dueWeek as string,
			status,
			raisedWeek: item.raisedWeek as string,
			closedWeek:
				status !== 'open' && ISO_DATE.test(String(item.closedWeek))
					? (item.closedWeek as string)
					: null,
			updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : ''
		});
	}
	return actions;
}

export function serializeActions(actions: ReadonlyMap<string, Action>): string {
	const list = [...actions.values()].sort(
		(a, b) => a.raisedWeek.localeCompare(b.raisedWeek) || a.id.localeCompare(b.id)
	);
	return JSON.stringify({ version: 1, actions: list }, null, 2);
}

/** The actions with one set (new or changed), the rest as given: a save changes only its own. */
export function withAction(
	actions: ReadonlyMap<string, Action>,
	action: Action
): Map<string, Action> {
	return new Map(actions).set(action.id, action);
}

/** The action closed (done or dropped) in the week under review, or opened again. */
export function withStatus(
	action: Action,
	status: ActionStatus,
	weekEnding: string,
	updatedAt: string
): Action {
	return { ...action, status, closedWeek: status === 'open' ? null : weekEnding, updatedAt };
}

/**
 * The actions a review of `weekEnding` shows, as they stood that week: raised on or before it and
 * not closed before it. An action closed in this week shows as closed; in an earlier week it was
 * still open. `overdue`: open that week and due before it. Due soonest first.
 */
export function actionsAt(
	actions: ReadonlyMap<string, Action>,
	weekEnding: string
): (Action & { overdue: boolean })[] {
	return [...actions.values()]
		.filter(
			(a) => a.raisedWeek <= weekEnding && (a.closedWeek === null || a.closedWeek >= weekEnding)
		)
		.map((a) => {
			const closedBy = a.closedWeek !== null && a.closedWeek <= weekEnding;
			const status: ActionStatus = closedBy ? a.status : 'open';
			return {
				...a,
				status,
				closedWeek: closedBy ? a.closedWeek : null,
				overdue: status === 'open' && a.dueWeek < weekEnding
			};
		})
		.sort((a, b) => a.dueWeek.localeCompare(b.dueWeek) || a.id.localeCompare(b.id));
}
