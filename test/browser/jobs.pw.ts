import { expect, expectAccessible, screenshotBoth, test } from './fixtures';
import type { Zigral } from './zigral';

test.use({ zigralOptions: { sampleData: true } });

const CONTEXT = { sender: 'Ana from Acme', offer: 'A 14-day pilot of our forecasting tool' };
const SEND = 'Find VPs of Sales in Germany and send them intro emails';
const FIND = 'Find CTOs in Germany';

/** Starts a job from a command through the API; resolves with its id. */
async function startJob(zigral: Zigral, command: string): Promise<string> {
  const response = await zigral.api('/command', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ command, context: CONTEXT }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { job_id: string }).job_id;
}

/** Waits until the API reports the job in `status`. */
async function jobReaches(zigral: Zigral, jobId: string, status: string): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await (await zigral.api(`/jobs/${jobId}`)).json()) as { status: string }).status,
      { timeout: 20_000 },
    )
    .toBe(status);
}

test.describe('the jobs pages', () => {
  test('lists jobs newest first and filters them by status in the URL', async ({
    zigral,
    openApp,
    page,
  }) => {
    const found = await startJob(zigral, FIND);
    await jobReaches(zigral, found, 'succeeded');
    const waiting = await startJob(zigral, SEND);
    await jobReaches(zigral, waiting, 'waiting_approval');

    await openApp('jobs');
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(SEND);
    await expect(rows.nth(1)).toContainText(FIND);
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('1–2 of 2');
    await expectAccessible(page);
    await screenshotBoth(page, 'jobs');

    await page.getByLabel('Status').selectOption('waiting_approval');
    await expect(page).toHaveURL(/\/app\/jobs\?status=waiting_approval$/);
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText(SEND);
    await expect(rows.nth(0)).toContainText('Waiting approval');

    await page.reload();
    await expect(page.getByLabel('Status')).toHaveValue('waiting_approval');
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Status').selectOption('failed');
    await expect(page.getByText('No job is failed.')).toBeVisible();

    await page.getByLabel('Status').selectOption('');
    await expect(rows).toHaveCount(2);
    await rows.nth(1).getByRole('link', { name: FIND }).click();
    await expect(page.getByRole('heading', { level: 1, name: FIND })).toBeVisible();
  });

  test('cancels a job waiting for approval, after confirming', async ({ zigral, openApp }) => {
    const jobId = await startJob(zigral, SEND);
    await jobReaches(zigral, jobId, 'waiting_approval');
    const page = await openApp(`jobs/${jobId}`);
    await expect(page.locator('.cmd-job-status')).toContainText('Waiting approval');
    await expect(page.getByText('Step 3 waits for your approval.')).toBeVisible();
    await expect(page.getByText('Live: new progress appears here as it happens.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expectAccessible(page);
    await screenshotBoth(page, 'job-waiting');

    await page.getByRole('button', { name: 'Cancel job' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel job' });
    await expect(dialog).toContainText('Cancel this job?');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.locator('.cmd-job-status')).toContainText('Waiting approval');

    await page.getByRole('button', { name: 'Cancel job' }).click();
    await dialog.getByRole('button', { name: 'Cancel job' }).click();
    await expect(page.locator('.cmd-job-status')).toContainText('Cancelled');
    await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);
    await expect(page.getByText('Job finished: cancelled')).toBeVisible();
    await jobReaches(zigral, jobId, 'cancelled');
  });

  test('takes feedback on a finished job, and lists its checkpoints', async ({
    zigral,
    openApp,
  }) => {
    const jobId = await startJob(zigral, 'Find VPs of Sales in Germany and draft intro emails');
    await jobReaches(zigral, jobId, 'succeeded');
    const page = await openApp(`jobs/${jobId}`);
    await expect(page.locator('.cmd-job-status')).toContainText('Succeeded');
    await expect(page.getByText('Estimated cost')).toBeVisible();
    await page.getByRole('button', { name: 'Show checkpoints' }).click();
    const checkpoints = page.getByRole('table', { name: 'Checkpoints, oldest first' });
    await expect(checkpoints.locator('tbody tr')).toHaveCount(2);
    await expect(checkpoints.locator('tbody tr').nth(1)).toContainText('Step 2');
    await expectAccessible(page);
    await screenshotBoth(page, 'job');

    await page.getByLabel('5 – Great').check();
    await page.getByLabel('Comment (optional)').fill('Exactly the right people');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.getByText('Thank you: your rating was recorded.')).toBeVisible();
    await expect(page.getByText('5 of 5: “Exactly the right people”')).toBeVisible();
  });

  test('the SSE view survives the service restarting mid-job', async ({ zigral, openApp }) => {
    const jobId = await startJob(zigral, SEND);
    await jobReaches(zigral, jobId, 'waiting_approval');
    const page = await openApp(`jobs/${jobId}`);
    const activity = page.locator('.cmd-activity > li');
    await expect(page.getByText('Live: new progress appears here as it happens.')).toBeVisible();
    await expect(activity.filter({ hasText: 'Step 3 waits for approval' })).toHaveCount(1);
    const before = await activity.count();

    await zigral.restart();
    await expect(page.getByText('Live: new progress appears here as it happens.')).toBeVisible({
      timeout: 30_000,
    });
    const approved = await zigral.api(`/jobs/${jobId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(approved.ok).toBe(true);

    // The page shows the new state without a reload, each event once.
    await expect(page.locator('.cmd-job-status')).toContainText('Succeeded', { timeout: 20_000 });
    await expect(page.getByText(/Step 3 done: Sent 0 of \d+/)).toBeVisible();
    await expect(page.getByText('Job finished: succeeded')).toBeVisible();
    await expect(activity.filter({ hasText: 'Job created' })).toHaveCount(1);
    await expect(activity.filter({ hasText: 'Step 3 waits for approval' })).toHaveCount(1);
    await expect(activity.filter({ hasText: 'Step 3 approved' })).toHaveCount(1);
    const ids = await activity.evaluateAll((items) => items.map((li) => li.dataset.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(before);
    await expect(page.locator('.cmd-steps > li')).toHaveCount(3);
  });
});
