/**
 * The meeting's actions (./actions.ts), loaded once from browser storage and saved on every
 * change. A save re-reads the stored actions under a lock and changes only its own action, then
 * tells the other tabs, which read them again (as the notes do, ./notes.svelte.ts).
 */
import { announce, onAnnounced } from '../store/broadcast';
import { readDocument, updateDocument } from '../store/saved-files';
import {
	ACTIONS_DOCUMENT,
	actionsAt,
	parseActions,
	serializeActions,
	withAction,
	withStatus,
	type Action,
	type ActionStatus
} from './actions';

const nowIso = () => new Date(Date.now()).toISOString();

export class ActionsState {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
	actions = $state.raw<ReadonlyMap<string, Action>>(new Map());
	storageMessage = $state<string | null>(null);
	/** Saves under way: the page says so, and a test waits for them. */
	saving = $state(0);
	#loaded: Promise<void> | null = null;

	constructor() {
		onAnnounced('actions', () => {
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
		this.#loaded ??= readDocument(ACTIONS_DOCUMENT)
			.then((text) => {
				this.actions = parseActions(text);
			})
			.catch((error: unknown) => {
				this.storageMessage = error instanceof Error ? error.message : String(error);
			});
		return this.#loaded;
	}

	/** What a review of `weekEnding` shows, as the actions stood that week. */
	at(weekEnding: string) {
		return actionsAt(this.actions, weekEnding);
	}

	async #save(action: Action): Promise<void> {
		await this.load();
		this.actions = withAction(this.actions, action);
		this.saving++;
		try {
			const stored = await updateDocument(ACTIONS_DOCUMENT, (current) =>
				serializeActions(withAction(parseActions(current), action))
			);
			this.actions = parseActions(stored);
			this.storageMessage = null;
			announce('actions');
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
			throw error;
		} finally {
			this.saving--;
		}
	}

	/** A new open action on `metricId`, raised in the week under review. */
	raise(fields: Pick<Action, 'metricId' | 'what' | 'owner' | 'dueWeek' | 'raisedWeek'>) {
		const id = `${fields.raisedWeek}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
		return this.#save({
			...fields,
			id,
			what: fields.what.trim(),
			owner: fields.owner.trim(),
			status: 'open',
			closedWeek: null,
			updatedAt: nowIso()
		});
	}

	/** Done, dropped or open again, recorded in the week under review. */
	setStatus(id: string, status: ActionStatus, weekEnding: string) {
		const action = this.actions.get(id);
		if (!action) return Promise.resolve();
		return this.#save(withStatus(action, status, weekEnding, nowIso()));
	}
}

export const actionsState = new ActionsState();
