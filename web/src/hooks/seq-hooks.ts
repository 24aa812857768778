/** The seq area's queries and actions (sequences, enrollments, replies, tasks, status). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import type { HealthCheck } from '../lib/seq-status';

export const PAGE_SIZE = 20;

export type SequenceStatus = Schemas['SequenceDto']['status'];
export type EnrollmentStatus = Schemas['EnrollmentDto']['status'];
export type TaskStatus = Schemas['TaskDto']['status'];
export type ReplyKind = Schemas['ReplyDto']['kind'];

export const SEQUENCE_STATUSES: readonly SequenceStatus[] = ['active', 'paused'];
export const ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'active',
  'paused',
  'finished',
  'replied',
  'bounced',
  'unsubscribed',
  'suppressed',
  'stopped',
];
export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'done', 'cancelled'];
export const REPLY_KINDS: readonly ReplyKind[] = [
  'reply',
  'auto_reply',
  'bounce',
  'delayed',
  'opt_out',
  'other',
];

export function useSequences(skip: number, status?: SequenceStatus, limit = PAGE_SIZE) {
  return useQuery({
    queryKey: ['sequences', { skip, status, limit }],
    queryFn: () => unwrap(api.GET('/sequences', { params: { query: { skip, limit, status } } })),
  });
}

export function useSequence(id: string) {
  return useQuery({
    queryKey: ['sequence', id],
    queryFn: () => unwrap(api.GET('/sequences/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

export function useEnrollments(sequenceId: string, skip: number, status?: EnrollmentStatus) {
  return useQuery({
    queryKey: ['sequence', sequenceId, 'enrollments', { skip, status }],
    queryFn: () =>
      unwrap(
        api.GET('/sequences/{id}/enrollments', {
          params: { path: { id: sequenceId }, query: { skip, limit: PAGE_SIZE, status } },
        }),
      ),
  });
}

export function useEnrollment(id: string) {
  return useQuery({
    queryKey: ['enrollment', id],
    queryFn: () => unwrap(api.GET('/enrollments/{id}', { params: { path: { id } } })),
  });
}

/** A prospect's name for a link; cached a while (names rarely change). */
export function useProspect(id: string | null | undefined) {
  return useQuery({
    queryKey: ['prospect', id],
    queryFn: () => unwrap(api.GET('/prospects/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export interface ReplyFilters {
  skip: number;
  kind?: ReplyKind;
  intent?: string;
  sequence_id?: string;
  enrollment_id?: string;
}

export function useReplies(filters: ReplyFilters) {
  return useQuery({
    queryKey: ['replies', filters],
    queryFn: () =>
      unwrap(api.GET('/replies', { params: { query: { ...filters, limit: PAGE_SIZE } } })),
  });
}

export function useTasks(skip: number, status?: TaskStatus) {
  return useQuery({
    queryKey: ['tasks', { skip, status }],
    queryFn: () =>
      unwrap(api.GET('/tasks', { params: { query: { skip, limit: PAGE_SIZE, status } } })),
  });
}

export function useAgents() {
  return useQuery({ queryKey: ['agents'], queryFn: () => unwrap(api.GET('/agents')) });
}

export interface SeqHealth {
  ready: boolean;
  /** Which checks are down, in the service's words (when not ready). */
  message?: string;
  details: Record<string, HealthCheck>;
}

/** GET /health: ready (200) or not (503, `details` has each check). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<SeqHealth> => {
      const { data, error, response } = await api.GET('/health');
      if (data) return { ready: true, details: data.details };
      const details = error?.details;
      if (response.status === 503 && details && !Array.isArray(details)) {
        return {
          ready: false,
          message: error.message,
          details: details as Record<string, HealthCheck>,
        };
      }
      throw new ApiError(response.status, error);
    },
    refetchInterval: 30_000,
  });
}

/** A POST that changes something, then refreshes the queries whose keys start with `refresh`. */
export function useSeqAction<T, V = void>(
  call: (variables: V) => Promise<T>,
  refresh: readonly unknown[][],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => Promise.all(refresh.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

/** GET /status: version, database engine, planner, the caller's label and each feature. */
export function useServiceStatus() {
  return useQuery({ queryKey: ['status'], queryFn: () => unwrap(api.GET('/status')) });
}
