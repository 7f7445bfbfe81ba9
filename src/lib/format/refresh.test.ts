import { describe, expect, it } from 'vitest';
import { describeChange } from './refresh';

describe('describeChange', () => {
	it('says rows before and after, new days and changed values', () => {
		expect(describeChange(10, 14, { newDays: 4, droppedDays: 0, changedValues: 2 })).toBe(
			'10 → 14 rows, 4 new days, 2 changed values'
		);
	});
	it('uses the singular for one, groups thousands and names dropped days', () => {
		expect(describeChange(1200, 1201, { newDays: 1, droppedDays: 3, changedValues: 1 })).toBe(
			'1,200 → 1,201 rows, 1 new day, 1 changed value, 3 days no longer in it'
		);
	});
});
