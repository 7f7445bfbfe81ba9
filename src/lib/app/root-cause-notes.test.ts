import { describe, expect, it } from 'vitest';
import { noteKey, notesOfWeek, parseNotes, serializeNotes } from './root-cause-notes';

describe('root-cause notes document', () => {
	it('round-trips, one note per metric and week', () => {
		const notes = parseNotes(
			JSON.stringify({
				version: 1,
				notes: [
					{ metricId: 'orders', weekEnding: '2026-11-21', text: 'Web conversion', updatedAt: 'x' },
					{ metricId: 'orders', weekEnding: '2026-11-14', text: 'Carrier', updatedAt: 'y' },
					{ metricId: 'revenue', weekEnding: '2026-11-21', text: '  ', updatedAt: 'z' }
				]
			})
		);
		expect([...notes.keys()]).toEqual([
			noteKey('orders', '2026-11-21'),
			noteKey('orders', '2026-11-14')
		]);
		expect(notesOfWeek(notes, '2026-11-21')).toEqual({ orders: 'Web conversion' });
		expect(parseNotes(serializeNotes(notes))).toEqual(notes);
	});

	it('reads a missing or broken document as no notes, not an error', () => {
		expect(parseNotes(null).size).toBe(0);
		expect(parseNotes('{not json').size).toBe(0);
		expect(parseNotes('{"notes": [{"metricId": 3}]}').size).toBe(0);
	});
});
