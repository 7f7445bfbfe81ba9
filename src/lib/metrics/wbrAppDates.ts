const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `DEC`, `December`, `12` → 12. */
export function monthNumber(value: unknown): number | undefined {
	if (typeof value === 'number')
		return Number.isInteger(value) && value >= 1 && value <= 12 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const index = MONTHS.indexOf(value.trim().slice(0, 3).toUpperCase());
	return index < 0 ? undefined : index + 1;
}

/** The WBR App's `25-SEP-2021` (also accepts an ISO date) → `2021-09-25`. */
export function isoFromWbrDate(value: unknown): string | undefined {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value !== 'string') return undefined;
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
	const wbr = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value.trim());
	let result: string | undefined;
	if (iso) result = value.trim();
	else if (wbr) {
		const month = monthNumber(wbr[2]);
		if (month) result = `${wbr[3]}-${String(month).padStart(2, '0')}-${wbr[1]?.padStart(2, '0')}`;
	}
	if (!result) return undefined;
	const parsed = new Date(`${result}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === result
		? result
		: undefined;
}
