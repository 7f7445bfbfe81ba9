// The landing page is where the meeting starts: the operational review's exceptions. The
// address's query (week, filters) goes along, so a shared link to `/` still opens its week.
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => {
	redirect(307, resolve('/operational') + url.search);
};
