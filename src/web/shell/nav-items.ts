import type { Permission, Role } from '../../domain/access/roles.ts';

export type NavPath =
  | '/'
  | '/tinh-muc-dong'
  | '/don-vi-hanh-chinh'
  | '/to-chuc'
  | '/nguoi-dung'
  | '/nhat-ky'
  | '/mau-so'
  | '/quy-dinh'
  | '/viec-can-lam'
  | '/nhac-dong'
  | '/nguoi-tham-gia'
  | '/ho-gia-dinh'
  | '/so-quy'
  | '/chien-dich'
  | '/khach-hang-tiem-nang'
  | '/bao-cao';

export interface NavItem {
  to: NavPath;
  label: string;
  /** null: every signed-in user. */
  permission: Permission | null;
  /** Roles that see this entry first: their day starts there. */
  leadFor?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', permission: null },
  { to: '/tinh-muc-dong', label: 'nav.calculator', permission: null },
  {
    to: '/viec-can-lam',
    label: 'registry.nav.worklist',
    permission: 'payments.collect',
    leadFor: ['collection_agent'],
  },
  {
    to: '/khach-hang-tiem-nang',
    label: 'leads.nav',
    permission: 'leads.work',
    leadFor: ['collection_agent'],
  },
  { to: '/chien-dich', label: 'campaigns.nav', permission: 'participants.read' },
  { to: '/bao-cao', label: 'reports.nav', permission: 'reports.export' },
  { to: '/nguoi-tham-gia', label: 'registry.nav.participants', permission: 'participants.read' },
  { to: '/ho-gia-dinh', label: 'registry.nav.households', permission: 'participants.read' },
  { to: '/nhac-dong', label: 'registry.nav.reminders', permission: 'reminders.read' },
  { to: '/so-quy', label: 'registry.nav.cash', permission: 'cash.read' },
  { to: '/don-vi-hanh-chinh', label: 'nav.units', permission: 'units.read' },
  { to: '/to-chuc', label: 'nav.orgs', permission: 'orgs.read' },
  { to: '/nguoi-dung', label: 'nav.users', permission: 'users.read' },
  { to: '/nhat-ky', label: 'nav.audit', permission: 'audit.read' },
  { to: '/mau-so', label: 'nav.denominators', permission: 'denominators.read' },
  { to: '/quy-dinh', label: 'nav.rules', permission: null },
];

/** The menu in the order a role works: a collection agent starts from the worklist. */
export function orderedNavItems(role: Role | undefined): readonly NavItem[] {
  if (!role) return NAV_ITEMS;
  const lead = NAV_ITEMS.filter((item) => item.leadFor?.includes(role));
  return [...lead, ...NAV_ITEMS.filter((item) => !lead.includes(item))];
}
