/**
 * Tabs of one browser profile share one store (README.md): a tab that changed it says so on a
 * BroadcastChannel, and the others read it again. Without BroadcastChannel (old browsers, Node)
 * nothing is said and nothing is heard.
 */
export type StoreChange = 'files' | 'catalog' | 'notes' | 'comments' | 'actions';

const CHANNEL = 'flywheel-store';

let channel: BroadcastChannel | null = null;
const listeners = new Map<StoreChange, Set<() => void>>();

function open(): BroadcastChannel | null {
	if (channel || typeof BroadcastChannel === 'undefined') return channel;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<{ change?: StoreChange }>) => {
		const change = event.data?.change;
		if (change) for (const listener of listeners.get(change) ?? []) listener();
	};
	return channel;
}

/** Tells the other tabs this one changed part of the store. */
export function announce(change: StoreChange): void {
	open()?.postMessage({ change });
}

/** Calls `listener` when another tab changed that part of the store. */
export function onAnnounced(change: StoreChange, listener: () => void): void {
	if (!open()) return;
	const set = listeners.get(change) ?? new Set();
	set.add(listener);
	listeners.set(change, set);
}
