import { describe, expect, it } from 'vitest';
import { noteKey, notesOfWeek, parseNotes, serializeNotes, withNote } from './root-cause-notes';

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

describe('two tabs saving notes', () => {
	const note = (metricId: string, text: string) => ({
		metricId,
		weekEnding: '2026-11-21',
		text,
		updatedAt: '2026-11-23T09:00:00.000Z'
	});

	it("keeps the other tab's note: each save applies its own note to the notes as stored", () => {
		// Tab 1 opened metric X with no notes; tab 2 then saved a note on Y.
		const stored = serializeNotes(withNote(parseNotes(null), note('sessions', 'Campaign paused')));
		// Tab 1 saves X: merged into what is stored now, not into its own empty copy.
		const merged = withNote(parseNotes(stored), note('orders', 'Carrier strike'));
		expect(notesOfWeek(merged, '2026-11-21')).toEqual({
			sessions: 'Campaign paused',
			orders: 'Carrier strike'
		});
	});

	it('removes only its own note when the text is emptied', () => {
		const both = withNote(withNote(new Map(), note('sessions', 'A')), note('orders', 'B'));
		expect(notesOfWeek(withNote(both, note('orders', '  ')), '2026-11-21')).toEqual({
			sessions: 'A'
		});
	});
});
