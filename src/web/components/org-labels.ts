import { ORG_KIND_NAMES, ORG_KINDS } from '../../domain/orgs/kinds.ts';
import type { Network, OrgKind } from '../types.ts';

export const NETWORKS: readonly Network[] = ['vss', 'vnpost', 'agent'];

export const KINDS_BY_NETWORK = Object.fromEntries(
  NETWORKS.map((network) => [network, ORG_KIND_NAMES.filter((k) => ORG_KINDS[k].network === network)]),
) as unknown as Record<Network, readonly OrgKind[]>;

/** The kinds a new child of `parent` may have, by the same table the server enforces. */
export function childKinds(parent: OrgKind): OrgKind[] {
  return ORG_KIND_NAMES.filter((k) => ORG_KINDS[k].parents.includes(parent));
}
