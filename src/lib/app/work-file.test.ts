import { describe, expect, it } from 'vitest';
import type { Action } from './actions';
import { noteKey, type RootCauseNote } from './root-cause-notes';
import { mergeWork, parseWorkFile, workFile, type Work } from './work-file';

const note = (metricId: string, text: string, updatedAt: string): RootCauseNote => ({
	metricId,
	weekEnding: '2026-11-21',
	text,
	updatedAt
});
const notes = (...list: RootCauseNote[]) =>
	new Map(list.map((n) => [noteKey(n.metricId, n.weekEnding), n]));
const action: Action = {
	id: 'a1',
	metricId: 'orders',
	what: 'Check the carrier',
	owner: 'Logistics',
	dueWeek: '2026-12-05',
	status: 'open',
	raisedWeek: '2026-11-21',
	closedWeek: null,
	updatedAt: '2026-11-22T09:00:00.000Z'
};

const here: Work = {
	comments: notes(note('orders', 'Investigating', '2026-11-22T10:00:00.000Z')),
	notes: notes(note('revenue', 'Price change', '2026-11-22T10:00:00.000Z')),
	actions: new Map([[action.id, action]])
};

describe('the work file', () => {
	it('round-trips comments, notes and actions', () => {
		expect(parseWorkFile(workFile(here), 'work.json')).toEqual(here);
	});

	it('names a file that is not one', () => {
		expect(() => parseWorkFile('{"notes": []}', 'mine.json')).toThrow(
			'mine.json is not a Flywheel work file'
		);
		expect(() => parseWorkFile('not json', 'x.json')).toThrow(
			'x.json is not a Flywheel work file: it is not JSON'
		);
	});

	it('adds new entries, takes newer ones, and asks before an older one overwrites newer work', () => {
		const incoming: Work = {
			// Older than the comment here, and different: a conflict.
			comments: notes(
				note('orders', 'Carrier strike', '2026-11-22T08:00:00.000Z'),
				note('sessions', 'Campaign ended', '2026-11-23T08:00:00.000Z')
			),
			// Newer than the note here: taken.
			notes: notes(note('revenue', 'Price change, rolled back', '2026-11-23T10:00:00.000Z')),
			// The same action: nothing to do.
			actions: new Map([[action.id, action]])
		};
		const merge = mergeWork(here, incoming);
		expect([merge.added, merge.updated, merge.conflicts.length]).toEqual([1, 1, 1]);
		expect(merge.conflicts[0]).toMatchObject({
			kind: 'comments',
			key: noteKey('orders', '2026-11-21')
		});
		expect(merge.merged.comments.get(noteKey('orders', '2026-11-21'))?.text).toBe('Investigating');
		expect(merge.merged.comments.get(noteKey('sessions', '2026-11-21'))?.text).toBe(
			'Campaign ended'
		);
		expect(merge.merged.notes.get(noteKey('revenue', '2026-11-21'))?.text).toBe(
			'Price change, rolled back'
		);
		const taken = mergeWork(here, incoming, { takeOlder: true });
		expect(taken.merged.comments.get(noteKey('orders', '2026-11-21'))?.text).toBe('Carrier strike');
		expect(taken.updated).toBe(2);
	});
});
