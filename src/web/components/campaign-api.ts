/** Shared by the campaign screens: who looks at the whole country, and what a change invalidates. */
import { useQueryClient } from '@tanstack/react-query';
import { isNationalKind } from '../../domain/orgs/kinds.ts';
import { useUser } from '../auth.tsx';
import { campaignKeys } from './campaign-types.ts';

/**
 * A national officer (or the administrator) may look at any province and governs the national
 * target; everyone else sees their own area, as the server's scope does.
 */
export function useNationalViewer(): boolean {
  const user = useUser();
  return user.role === 'system_admin' || isNationalKind(user.orgUnit.kind);
}

/** Whatever a target change touches: the tree, and the dashboard's target, pace and map. */
export function useTargetsChanged(campaignId: number): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.targets(campaignId) }),
      queryClient.invalidateQueries({ queryKey: campaignKeys.dashboard(campaignId) }),
    ]);
}
