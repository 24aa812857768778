import type { Zigral } from './zigral';

/** Three of the team's own leads (sample prospects are never enrolled). */
export const SEQ_LEADS =
  'Name,Email,Title,Company,Website,Industry,Employees,Country\n' +
  'Rita Kundin,rita@kundenfirma.test,VP Sales,Kundenfirma GmbH,kundenfirma.test,SaaS,120,Germany\n' +
  'Tom Abnehmer,tom@abnehmer.test,Vice President of Sales,Abnehmer Software AG,abnehmer.test,Software,300,Germany\n' +
  'Uta Bestand,uta@bestandskunde.test,VP of Sales,Bestandskunde SE,bestandskunde.test,SaaS,450,Germany\n';

/** A window open all day, every day: a launched touch goes out at once. */
const ALWAYS = {
  time_zone: 'UTC',
  window: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' },
};

export interface SeqFixture {
  sequenceId: string;
  sequenceName: string;
  /** Enrollment ids by prospect name. */
  enrollments: Record<string, string>;
  prospects: Record<string, string>;
  launchJobId?: string;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const post = (zigral: Zigral, path: string, body: unknown = {}) =>
  zigral.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * Imports three leads, defines a sequence (an email, then a call task) and enrols them; with
 * `launch`, launches it, approves the launch and waits until the emails went out and the tasks
 * are open.
 */
export async function setUpSequence(
  zigral: Zigral,
  options: { launch?: boolean } = {},
): Promise<SeqFixture> {
  await json(
    await zigral.api('/prospects/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: SEQ_LEADS,
    }),
    'import',
  );
  const found = await json<{ items: { id: string; name: string }[] }>(
    await zigral.api('/prospects?limit=100&sort=name'),
    'prospects',
  );
  const prospects = Object.fromEntries(found.items.map((prospect) => [prospect.name, prospect.id]));
  const sequenceName = 'Germany VP Sales, Q1';
  const sequence = await json<{ id: string }>(
    await post(zigral, '/sequences', {
      name: sequenceName,
      steps: [
        {
          type: 'email',
          subject: '{{first_name}}, a quick idea for {{company}}',
          body: 'Hi {{first_name}},\n\nwould a pilot help {{company}}?\n\nBest, Ana',
        },
        { type: 'task', kind: 'call', instructions: 'Call and refer to the email' },
      ],
      settings: ALWAYS,
    }),
    'sequence',
  );
  const enrolled = await json<{ enrolled: { id: string; prospect_id: string }[] }>(
    await post(zigral, `/sequences/${sequence.id}/enrollments`, {
      prospect_ids: Object.values(prospects),
    }),
    'enrol',
  );
  const byId = Object.fromEntries(Object.entries(prospects).map(([name, id]) => [id, name]));
  const enrollments = Object.fromEntries(
    enrolled.enrolled.map((enrollment) => [byId[enrollment.prospect_id], enrollment.id]),
  );
  const fixture: SeqFixture = { sequenceId: sequence.id, sequenceName, enrollments, prospects };
  if (!options.launch) return fixture;

  const launched = await json<{ job_id: string }>(
    await post(zigral, `/sequences/${sequence.id}/launch`),
    'launch',
  );
  fixture.launchJobId = launched.job_id;
  const jobStatus = async () =>
    (await json<{ status: string }>(await zigral.api(`/jobs/${launched.job_id}`), 'job')).status;
  await until('the launch to wait for approval', async () =>
    (await jobStatus()) === 'waiting_approval' ? true : undefined,
  );
  await json(await post(zigral, `/jobs/${launched.job_id}/approve`), 'approve');
  await until('three open tasks', async () => {
    const tasks = await json<{ total: number }>(
      await zigral.api(`/tasks?status=open&sequence_id=${sequence.id}`),
      'tasks',
    );
    return tasks.total === 3 ? true : undefined;
  });
  return fixture;
}

/** Enrols one more lead and launches again: the launch job waits for approval (a draft in the outbox). */
export async function launchPending(zigral: Zigral, sequenceId: string): Promise<string> {
  await json(
    await zigral.api('/prospects/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'Name,Email,Title,Company\nVera Neu,vera@neukunde.test,VP Sales,Neukunde AG\n',
    }),
    'import',
  );
  const found = await json<{ items: { id: string }[] }>(
    await zigral.api('/prospects?q=Vera%20Neu'),
    'prospects',
  );
  await json(
    await post(zigral, `/sequences/${sequenceId}/enrollments`, {
      prospect_ids: [found.items[0].id],
    }),
    'enrol',
  );
  const launched = await json<{ job_id: string }>(
    await post(zigral, `/sequences/${sequenceId}/launch`),
    'launch',
  );
  await until('the second launch to wait for approval', async () => {
    const job = await json<{ status: string }>(await zigral.api(`/jobs/${launched.job_id}`), 'job');
    return job.status === 'waiting_approval' ? true : undefined;
  });
  return launched.job_id;
}
