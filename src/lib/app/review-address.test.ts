import { describe, expect, it } from 'vitest';
import { addressProblem } from './review-address';

// Weeks ending on Saturdays from 6 Jan to 18 May 2024, newest first (as reviewWeeks gives them).
const weeks = ['2024-05-18', '2024-05-11', '2024-01-13', '2024-01-06'];
const segments = [{ dimension: 'region', values: ['North', 'South'] }];
const at = (weekEnding: string | null, filters: Record<string, string> = {}) => ({
	view: 'operational' as const,
	weekEnding,
	filters
});

describe('an address asking for what the data does not have', () => {
	it('names a week outside the data, and the weeks there are', () => {
		expect(addressProblem(at('2031-01-04'), weeks, segments)).toBe(
			'There is no week ending 4 Jan 2031 in the loaded data: its weeks end from 6 Jan 2024 to 18 May 2024. Pick one of those weeks.'
		);
		expect(addressProblem(at('2023-12-30'), weeks, segments)).toMatch(/no week ending 30 Dec 2023/);
	});

	it('names a segment value or column that is not in the data', () => {
		expect(addressProblem(at(null, { region: 'Mars' }), weeks, segments)).toBe(
			'No “region” in the loaded data is “Mars”: it has North, South.'
		);
		expect(addressProblem(at(null, { planet: 'Mars' }), weeks, segments)).toBe(
			'The loaded data has no segment column “planet” to filter by (it has “region”).'
		);
	});

	it('has nothing to say of a week and a segment in the data, or of the default week', () => {
		expect(addressProblem(at('2024-05-11', { region: 'North' }), weeks, segments)).toBeNull();
		expect(addressProblem(at(null), weeks, segments)).toBeNull();
		// Not a date at all: the review's own message says so.
		expect(addressProblem(at('banana'), weeks, segments)).toBeNull();
	});
});
