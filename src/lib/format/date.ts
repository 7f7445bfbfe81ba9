/** Dates as the review shows them: "21 Nov 2026", the same everywhere, whatever the browser's locale. */
export const MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];

/** An ISO date (`2026-11-21`) as "21 Nov 2026"; anything else is shown as it is. */
export function formatDate(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) return iso;
	const [, year, month, day] = match;
	return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** An ISO month-end date as "Oct 2026". */
export function formatMonth(iso: string): string {
	const month = MONTHS[Number(iso.slice(5, 7)) - 1];
	return month ? `${month} ${iso.slice(0, 4)}` : iso;
}

/** The month of an ISO date as the axis shows it: "2026-11-21" -> "Nov". */
export function monthAbbreviation(iso: string): string {
	return MONTHS[Number(iso.slice(5, 7)) - 1] ?? '?';
}

/** An ISO timestamp as the local day and time it names: "4 Dec 2026, 09:05". */
export function formatMoment(iso: string): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return iso;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
