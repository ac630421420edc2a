import { describe, expect, it } from 'vitest';
import { can, canAssignRole, isRole, ROLES } from './roles.ts';

describe('roles', () => {
  it('lists the seven roles of the campaign', () => {
    expect(ROLES).toHaveLength(7);
    expect(isRole('collection_agent')).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });

  it('lets only administrators read the audit log', () => {
    expect(ROLES.filter((role) => can(role, 'audit.read'))).toEqual(['system_admin']);
  });

  it('lets a post-office manager create agents but not officers', () => {
    expect(can('post_office_manager', 'users.manage')).toBe(true);
    expect(canAssignRole('post_office_manager', 'collection_agent')).toBe(true);
    expect(canAssignRole('post_office_manager', 'grassroots_officer')).toBe(false);
    expect(canAssignRole('provincial_officer', 'provincial_officer')).toBe(false);
  });

  it('lets only the centre run the nationwide daily job by hand', () => {
    expect(ROLES.filter((role) => can(role, 'jobs.run'))).toEqual(['system_admin', 'central_officer']);
  });

  it('lets an administrator give any role', () => {
    expect(ROLES.every((role) => canAssignRole('system_admin', role))).toBe(true);
  });

  it('gives agents no user management', () => {
    expect(can('collection_agent', 'users.manage')).toBe(false);
    expect(can('viewer', 'users.read')).toBe(false);
  });
});
