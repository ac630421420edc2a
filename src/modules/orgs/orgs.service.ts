import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { ORG_KINDS, type OrgKind } from '../../domain/orgs/kinds.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createOrgsRepository, type OrgFilter } from './orgs.repository.ts';

export interface CreateOrgInput {
  parentId: number;
  code: string;
  name: string;
  kind: OrgKind;
  address?: string | null;
  phone?: string | null;
  communeCodes?: string[];
}

export function createOrgsService({ db, clock, onChange }: { db: Db; clock: Clock; onChange?: () => void }) {
  const repo = createOrgsRepository(db);

  async function load(actor: Actor, id: number) {
    const org = await repo.find(actor, id);
    if (!org) throw new AppError('org.not_found', { id });
    return org;
  }

  return {
    repo,
    list: (actor: Actor, filter: OrgFilter) => repo.list(actor, filter),
    get: load,

    async detail(actor: Actor, id: number) {
      const org = await load(actor, id);
      const [children, parent] = await Promise.all([
        repo.children(actor, id),
        org.parent_id ? repo.findPlain(org.parent_id) : undefined,
      ]);
      return { org, children, parent: parent ? { id: parent.id, name: parent.name } : null };
    },

    async communes(actor: Actor, id: number, page: { limit: number; offset: number }) {
      await load(actor, id);
      return repo.communes(id, page);
    },

    async create(actor: Actor, input: CreateOrgInput) {
      const parent = await load(actor, input.parentId);
      const spec = ORG_KINDS[input.kind];
      if (!spec.parents.includes(parent.kind)) {
        throw new AppError(
          'org.invalid_parent',
          {
            kind: spec.vi,
            parentKind: ORG_KINDS[parent.kind].vi,
            allowed: spec.parents.map((k) => ORG_KINDS[k].vi).join(', ') || 'không có (đơn vị gốc)',
          },
          'parentId',
        );
      }
      // A new unit can only serve communes its parent serves, unless the parent is national.
      const communeCodes = [...new Set(input.communeCodes ?? [])];
      const unknown = await repo.unknownCommunes(communeCodes);
      if (unknown.length > 0)
        throw new AppError('unit.unknown_commune', { code: unknown[0]! }, 'communeCodes');
      if (parent.province_code) {
        const outside = await repo.communesOutside(parent.id, communeCodes);
        if (outside.length > 0) {
          throw new AppError(
            'org.commune_outside_parent',
            { code: outside[0]!, parent: parent.name },
            'communeCodes',
          );
        }
      }
      const code = input.code.trim();
      const taken = await repo.findByCode(code);
      if (taken) throw new AppError('org.duplicate_code', { code, name: taken.name }, 'code');

      const id = await transact(db, auditContext(actor, clock), async (tx) => {
        const newId = await repo.insert(tx, {
          code,
          name: input.name.trim(),
          kind: input.kind,
          network: spec.network,
          parentId: parent.id,
          parentPath: parent.path,
          provinceCode: parent.province_code,
          address: input.address ?? null,
          phone: input.phone ?? null,
        });
        await repo.addCommunes(tx, newId, communeCodes);
        return newId;
      }).catch((error) => {
        if ((error as { code?: string }).code === '23505')
          throw new AppError('org.duplicate_code', { code, name: code }, 'code');
        throw error;
      });
      onChange?.();
      return load(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      changes: { name?: string; address?: string | null; phone?: string | null },
    ) {
      await load(actor, id);
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.update(tx, id, { ...changes, ...(changes.name ? { name: changes.name.trim() } : {}) }),
      );
      return load(actor, id);
    },

    count: (actor: Actor) => repo.count(actor),
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
