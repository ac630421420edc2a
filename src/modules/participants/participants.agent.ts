import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createResponsibleAgentsRepository } from './participants.agent.repository.ts';
import { createParticipantsRepository } from './participants.repository.ts';

/** Whose worklist a person is on, as the profile shows it. */
export interface ResponsibleAgent {
  userId: number;
  fullName: string;
  username: string;
  unitName: string;
  /** The account can still sign in (an agent who left is disabled). */
  active: boolean;
  /** A manager named them; false: they are responsible because they enrolled the person. */
  assigned: boolean;
}

/** A VSI enrollment or a household: each has its own deadline and its own responsible agent. */
export interface Assignable {
  table: 'vsi_enrollment' | 'household';
  id: number;
  communeCode: string;
  agentUserId: number | null;
  collectorUserId: number | null;
}

/**
 * The collection agent responsible for a person's renewals: the one a manager named, else whoever
 * enrolled them. A manager names another when that agent left, or when an officer enrolled the
 * person and no agent follows them up; the worklist follows at once. Only an active collection
 * agent of a unit that serves the person's commune can be named.
 */
export function createResponsibleAgents({ db, clock }: { db: Db; clock: Clock }) {
  const participants = createParticipantsRepository(db);
  const repo = createResponsibleAgentsRepository(db);

  async function communeName(code: string) {
    return (await repo.communeName(code)) ?? code;
  }

  /** The agent that may be named, or the reason they may not. */
  async function check(actor: Actor, userId: number, communeCode: string) {
    const agent = await repo.agent(actor, userId, communeCode);
    if (!agent) throw new AppError('participant.agent_not_found', { id: userId }, 'agentUserId');
    if (agent.role !== 'collection_agent' || agent.disabled_at !== null || agent.closed_at !== null) {
      throw new AppError('participant.not_a_collector', { name: agent.full_name }, 'agentUserId');
    }
    if (!agent.serves) {
      throw new AppError(
        'participant.agent_not_serving',
        { name: agent.full_name, unit: agent.unit_name, commune: await communeName(communeCode) },
        'agentUserId',
      );
    }
    return agent;
  }

  return {
    /** A person's VSI enrollment as something to assign, if the caller may see the person. */
    async enrollmentOf(actor: Actor, participantId: number): Promise<Assignable> {
      const person = await participants.findVisible(actor, participantId);
      if (!person) throw new AppError('participant.not_found', { id: participantId });
      const e = await participants.enrollmentOf(participantId);
      if (!e) throw new AppError('participant.no_enrollment');
      return {
        table: 'vsi_enrollment',
        id: Number(e.id),
        communeCode: person.commune_code,
        agentUserId: e.agent_user_id,
        collectorUserId: e.collector_user_id,
      };
    },

    /** Who is responsible for this enrollment or household now; null when nobody is. */
    async of(target: Pick<Assignable, 'agentUserId' | 'collectorUserId'>): Promise<ResponsibleAgent | null> {
      const userId = target.collectorUserId ?? target.agentUserId;
      if (userId === null) return null;
      const row = await repo.user(userId);
      if (!row) return null;
      return {
        userId: row.id,
        fullName: row.full_name,
        username: row.username,
        unitName: row.unit_name,
        active: row.disabled_at === null,
        assigned: target.collectorUserId !== null,
      };
    },

    /** The agents that may be named for a person in this commune, by name or username. */
    async candidates(
      actor: Actor,
      communeCode: string,
      filter: { search?: string; limit: number; offset: number },
    ) {
      const search = filter.search?.trim();
      return repo.candidates(actor, communeCode, {
        ...(search ? { search: { username: search.toLowerCase(), name: normalizeSearch(search) } } : {}),
        limit: filter.limit,
        offset: filter.offset,
      });
    },

    /**
     * Names the responsible agent (null: back to whoever enrolled the person). Naming the one
     * already named writes nothing. The audit trigger records the change.
     */
    async assign(actor: Actor, target: Assignable, agentUserId: number | null) {
      if (agentUserId !== null) await check(actor, agentUserId, target.communeCode);
      const changed = target.collectorUserId !== agentUserId;
      if (changed) {
        await transact(db, auditContext(actor, clock), (tx) =>
          repo.setCollector(tx, target, agentUserId, clock.now()),
        );
      }
      return { changed, collectorUserId: agentUserId };
    },
  };
}

export type ResponsibleAgents = ReturnType<typeof createResponsibleAgents>;
