import type { Permission } from '../../domain/access/roles.ts';

export type NavPath =
  | '/'
  | '/tinh-muc-dong'
  | '/don-vi-hanh-chinh'
  | '/to-chuc'
  | '/nguoi-dung'
  | '/nhat-ky'
  | '/mau-so'
  | '/quy-dinh';

export interface NavItem {
  to: NavPath;
  label: string;
  /** null: every signed-in user. */
  permission: Permission | null;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', permission: null },
  { to: '/tinh-muc-dong', label: 'nav.calculator', permission: null },
  { to: '/don-vi-hanh-chinh', label: 'nav.units', permission: 'units.read' },
  { to: '/to-chuc', label: 'nav.orgs', permission: 'orgs.read' },
  { to: '/nguoi-dung', label: 'nav.users', permission: 'users.read' },
  { to: '/nhat-ky', label: 'nav.audit', permission: 'audit.read' },
  { to: '/mau-so', label: 'nav.denominators', permission: 'denominators.read' },
  { to: '/quy-dinh', label: 'nav.rules', permission: null },
];
