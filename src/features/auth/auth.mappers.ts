// View models for the admin layout and the auth pages.

export interface NavItemVM {
  href: string;
  label: string;
  current: boolean;
}

const NAV: readonly (readonly [string, string])[] = [
  ['/admin', 'Dashboard'],
  ['/admin/events', 'Events'],
  ['/admin/milestones', 'Milestones'],
  ['/admin/organizations', 'Organizations'],
  ['/admin/subjects', 'Subjects'],
  ['/admin/sources', 'Sources'],
  ['/admin/resolution', 'Resolution queue'],
  ['/admin/changes', 'Changes'],
  ['/admin/data', 'Import/export'],
];

/** The admin menu for this user (Users for administrators only), marking the section of `path`. */
export function adminNav(path: string, user: { role: string } | null): NavItemVM[] {
  if (!user) return [];
  const items = user.role === 'admin' ? [...NAV, ['/admin/webhooks', 'Webhooks'] as const, ['/admin/users', 'Users'] as const] : NAV;
  const here = path.replace(/\/+$/, '') || '/admin';
  return items.map(([href, label]) => ({
    href,
    label,
    current: here === href || (href !== '/admin' && here.startsWith(`${href}/`)),
  }));
}

/** "Try again in 15 minutes." */
export function retryLabel(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
}
