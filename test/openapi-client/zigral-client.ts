// A typed client of the Zigral API: openapi-fetch over the types openapi-typescript generates from
// the OpenAPI document (generated/, not in git: `npm run check:client` or the e2e test writes it).
// It compiles under `tsc --strict` only while the document types these calls as they are used.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/zigral-api';

export type ZigralClient = ReturnType<typeof createClient<paths>>;
export type ContextEntry = components['schemas']['ContextEntryDto'];
export type JobPlan = components['schemas']['JobPlanResponseDto'];
export type ProspectPage = components['schemas']['ProspectPageDto'];
export type Sequence = components['schemas']['SequenceDto'];
export type EnrollResult = components['schemas']['EnrollResultDto'];
export type SequenceLaunch = components['schemas']['SequenceLaunchDto'];
export type SequenceDetail = components['schemas']['SequenceDetailDto'];
export type TaskPage = components['schemas']['TaskPageDto'];

/** A client of the service at `baseUrl`; `apiKey` when the service has API_KEYS set. */
export function createZigralClient(baseUrl: string, apiKey?: string): ZigralClient {
  return createClient<paths>({ baseUrl, headers: apiKey ? { 'X-API-Key': apiKey } : {} });
}

/** Stores a context entry for a job (POST /context). */
export async function createContext(
  client: ZigralClient,
  jobId: string,
  contextData: Record<string, unknown>,
): Promise<ContextEntry> {
  const { data, error, response } = await client.POST('/context', {
    body: { job_id: jobId, job_type: 'prospecting', context_data: contextData },
  });
  if (!data) throw new Error(`POST /context answered ${response.status}: ${error?.message}`);
  return data;
}

/**
 * Submits a command in plain words (POST /command): the job and its plan, or the LLM's refusal.
 * (With `run: false` the answer would be a preview instead: `plan_id`, no `job_id`.)
 */
export async function submitCommand(
  client: ZigralClient,
  command: string,
): Promise<JobPlan | { llmRateLimited: string }> {
  const { data, error, response } = await client.POST('/command', {
    body: { command, context: { sender: 'Ana from Acme', offer: 'A 14-day pilot' } },
  });
  if (!data) throw new Error(`POST /command answered ${response.status}: ${error?.message}`);
  // 201 is the job; 200 the LLM provider's rate limit, which the client handles itself (or a
  // preview, which this call never asks for).
  if ('job_id' in data) return data;
  if ('plan_id' in data) throw new Error('POST /command answered a preview');
  return { llmRateLimited: data.error };
}

/** Searches prospects by title and country, without paging parameters (GET /prospects). */
export async function findProspects(
  client: ZigralClient,
  filters: { title: string[]; country: string[]; seniority?: ('vp' | 'director')[] },
): Promise<ProspectPage> {
  const { data, error, response } = await client.GET('/prospects', {
    params: { query: filters },
  });
  if (!data) throw new Error(`GET /prospects answered ${response.status}: ${error?.message}`);
  return data;
}

/** Defines a sequence of two touches three business days apart (POST /sequences). */
export async function defineSequence(client: ZigralClient, name: string): Promise<Sequence> {
  const { data, error, response } = await client.POST('/sequences', {
    body: {
      name,
      steps: [
        { type: 'email', subject: 'Hi {{first_name}}', body: 'Would a pilot help {{company}}?' },
        { type: 'wait', business_days: 3 },
        { type: 'email', draft: 'llm', instructions: 'A short follow-up' },
      ],
      settings: {
        time_zone: 'Europe/Berlin',
        window: { days: ['mon'], start: '09:00', end: '12:00' },
      },
    },
  });
  if (!data) throw new Error(`POST /sequences answered ${response.status}: ${error?.message}`);
  return data;
}

/** Enrols every prospect a search finds in a sequence (POST /sequences/{id}/enrollments). */
export async function enrolBySearch(
  client: ZigralClient,
  sequenceId: string,
  filter: { title: string[]; country: string[]; include_sample?: boolean },
): Promise<EnrollResult> {
  const { data, error, response } = await client.POST('/sequences/{id}/enrollments', {
    params: { path: { id: sequenceId } },
    body: { filter },
  });
  if (!data)
    throw new Error(
      `POST /sequences/{id}/enrollments answered ${response.status}: ${error?.message}`,
    );
  return data;
}

/**
 * Launches a sequence (POST /sequences/{id}/launch); answers the launch, or the refusal's code
 * (`nothing_to_launch`, `launch_in_progress`, `sending_unavailable`).
 */
export async function launchSequence(
  client: ZigralClient,
  sequenceId: string,
  offer: string,
): Promise<{ launch?: SequenceLaunch; refused?: string }> {
  const { data, error, response } = await client.POST('/sequences/{id}/launch', {
    params: { path: { id: sequenceId } },
    body: { offer },
  });
  if (data) return { launch: data };
  if (response.status === 409 || response.status === 422) return { refused: error?.error };
  throw new Error(`POST /sequences/{id}/launch answered ${response.status}: ${error?.message}`);
}

/** How a sequence's steps are doing (GET /sequences/{id}: step_stats). */
export async function stepStats(
  client: ZigralClient,
  sequenceId: string,
): Promise<SequenceDetail['step_stats']> {
  const { data, error, response } = await client.GET('/sequences/{id}', {
    params: { path: { id: sequenceId } },
  });
  if (!data) throw new Error(`GET /sequences/{id} answered ${response.status}: ${error?.message}`);
  return data.step_stats;
}

/** The open manual tasks of a sequence, oldest first (GET /tasks). */
export async function openTasks(client: ZigralClient, sequenceId: string): Promise<TaskPage> {
  const { data, error, response } = await client.GET('/tasks', {
    params: { query: { status: 'open', sequence_id: sequenceId } },
  });
  if (!data) throw new Error(`GET /tasks answered ${response.status}: ${error?.message}`);
  return data;
}
