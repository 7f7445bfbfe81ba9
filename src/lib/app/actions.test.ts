import { describe, expect, it } from 'vitest';
import {
	actionsAt,
	parseActions,
	serializeActions,
	withAction,
	withStatus,
	type Action
} from './actions';

const action = (id: string, fields: Partial<Action> = {}): Action => ({
	id,
	metricId: 'on_time_delivery',
	what: 'Second carrier for the North',
	owner: 'Logistics',
	dueWeek: '2026-12-05',
	status: 'open',
	raisedWeek: '2026-11-21',
	closedWeek: null,
	updatedAt: '2026-11-22T10:00:00.000Z',
	...fields
});

describe('meeting actions', () => {
	it('show from the week raised in every later week until closed, as they stood that week', () => {
		const raised = withAction(new Map(), action('a1'));
		const done = withAction(raised, withStatus(action('a1'), 'done', '2026-12-12', 't'));
		// Before it was raised: nothing.
		expect(actionsAt(done, '2026-11-14')).toEqual([]);
		// Raised on 21 Nov, due 5 Dec: open, on time, for three weeks.
		for (const week of ['2026-11-21', '2026-11-28', '2026-12-05']) {
			expect(actionsAt(done, week).map((a) => [a.status, a.overdue])).toEqual([['open', false]]);
		}
		// Closed on 12 Dec: shown closed that week, and gone after.
		expect(actionsAt(done, '2026-12-12').map((a) => [a.status, a.closedWeek, a.overdue])).toEqual([
			['done', '2026-12-12', false]
		]);
		expect(actionsAt(done, '2026-12-19')).toEqual([]);
	});

	it('are overdue while open after their due week, and list the soonest due first', () => {
		const actions = withAction(
			withAction(new Map(), action('late', { dueWeek: '2026-11-28' })),
			action('later', { dueWeek: '2027-01-02' })
		);
		expect(actionsAt(actions, '2026-12-05').map((a) => [a.id, a.overdue])).toEqual([
			['late', true],
			['later', false]
		]);
		const dropped = withAction(
			actions,
			withStatus(action('late', { dueWeek: '2026-11-28' }), 'dropped', '2026-12-05', 't')
		);
		expect(actionsAt(dropped, '2026-12-05')[0]).toMatchObject({
			status: 'dropped',
			overdue: false
		});
	});

	it('round-trip through the stored document, skipping what is not an action', () => {
		const actions = withAction(new Map(), action('a1'));
		expect(parseActions(serializeActions(actions))).toEqual(actions);
		const text = JSON.stringify({
			version: 1,
			actions: [
				action('ok'),
				{ id: 'x', metricId: 'm', what: '' },
				{ id: 'y', what: 'no weeks', metricId: 'm' },
				'junk'
			]
		});
		expect([...parseActions(text).keys()]).toEqual(['ok']);
		expect(parseActions('not json').size).toBe(0);
		expect(parseActions(null).size).toBe(0);
	});
});
