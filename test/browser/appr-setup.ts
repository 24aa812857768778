import type { Zigral } from './zigral';

/** The team's own leads (the sample prospects are never emailed): three drafts come of them. */
export const OWN_LEADS =
  'Name,Email,Title,Company,Website,Industry,Employees,Country\n' +
  'Rita Kundin,rita@kundenfirma.test,VP Sales,Kundenfirma GmbH,kundenfirma.test,SaaS,120,Germany\n' +
  'Tom Abnehmer,tom@abnehmer.test,Vice President of Sales,Abnehmer Software AG,abnehmer.test,Software,300,Germany\n' +
  'Uta Bestand,uta@bestandskunde.test,VP of Sales,Bestandskunde SE,bestandskunde.test,SaaS,450,Germany\n';

export const COMMAND =
  'Find VPs of Sales at SaaS companies in Germany with 50–500 employees, score them against our ' +
  'ICP, draft intro emails and export them to a spreadsheet';
const CONTEXT = { sender: 'Ana from Acme', offer: 'A 14-day pilot of our lead scoring' };

async function ok(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export async function importOwnLeads(zigral: Zigral): Promise<void> {
  await ok(
    await zigral.api('/prospects/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: OWN_LEADS,
    }),
  );
}

/** Polls a job until it is in one of `statuses` (or fails the test after `timeoutMs`). */
export async function waitForJob(
  zigral: Zigral,
  jobId: string,
  statuses: string[],
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await ok(await zigral.api(`/jobs/${jobId}`));
    if (statuses.includes(job.status as string)) return job;
    if (Date.now() > deadline) throw new Error(`Job ${jobId} is ${String(job.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs a command and answers its job id once the job is in one of `statuses`. */
export async function runCommand(
  zigral: Zigral,
  command: string,
  statuses: string[],
): Promise<string> {
  const planned = await ok(
    await zigral.api('/command', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command, context: CONTEXT }),
    }),
  );
  const jobId = planned.job_id as string;
  const job = await waitForJob(zigral, jobId, [...statuses, 'failed']);
  if (job.status === 'failed') throw new Error(`Job failed: ${String(job.error)}`);
  return jobId;
}

/** A job parked before sending three drafts (Rita, Tom, Uta), waiting for approval. */
export async function emailJobWaiting(zigral: Zigral): Promise<string> {
  await importOwnLeads(zigral);
  return runCommand(zigral, `${COMMAND}, then send them`, ['waiting_approval']);
}

/** A job parked on a core.review step (nothing to send). */
export async function reviewJobWaiting(zigral: Zigral, objective: string): Promise<string> {
  const created = await ok(
    await zigral.api('/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        objective,
        steps: [{ agent: 'core', action: 'review', params: { message: 'List checked' } }],
      }),
    }),
  );
  const jobId = created.job_id as string;
  await waitForJob(zigral, jobId, ['waiting_approval']);
  return jobId;
}
