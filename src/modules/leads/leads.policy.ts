import type { Permission } from '../../domain/access/roles.ts';
import type { Actor } from '../access/access.actor.ts';

/** What each action on leads needs; the region is enforced in SQL by inScope(). */
export const leadsPolicy = {
  read: 'leads.work',
  capture: 'leads.work',
  edit: 'leads.work',
  followUp: 'leads.work',
  assign: 'leads.manage',
  generate: 'leads.manage',
  erase: 'leads.manage',
  // The funnel is figures, read by anyone who reads the campaign's dashboard.
  funnel: 'participants.read',
} as const satisfies Record<string, Permission>;

/** A collection agent sees and works the leads given to them; everyone else, every lead in their region. */
export const worksOwnLeadsOnly = (actor: Actor) => actor.role === 'collection_agent';
