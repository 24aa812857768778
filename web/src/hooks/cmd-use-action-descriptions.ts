import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** What each action does, in words (GET /agents), by `agent.action`; empty until read. */
export function useActionDescriptions(): Map<string, string> {
  const { data } = useQuery({
    queryKey: ['agents'],
    queryFn: () => unwrap(api.GET('/agents')),
    staleTime: Number.POSITIVE_INFINITY,
    select: (agents) =>
      new Map(
        agents.flatMap((agent) =>
          agent.actions.map((action) => [`${agent.name}.${action.name}`, action.description]),
        ),
      ),
  });
  return data ?? new Map<string, string>();
}
