import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { COMMAND, OWN_LEADS } from './appr-setup';
import { dropCsv, expect, test } from './fixtures';

/**
 * The whole sales flow through the UI only: a CSV dropped on the import page, a command typed and
 * its plan checked, the job run and followed live, drafts edited and approved in the queue, the
 * emails at the SMTP server, and the export downloaded.
 */
const nav = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Sections' })
    // The Approvals link's name gains ", 1 waiting" once the polled count sees the job.
    .getByRole('link', { name: new RegExp(`^${name}(\\s*,\\s*\\d+ waiting)?$`) });

test('import, command, plan, run, approve, send and export — through the UI only', async ({
  page,
  zigral,
  openApp,
}) => {
  // 1. Import the team's leads by drag and drop; the mapping shows before anything is written.
  await openApp('prospects/import');
  await dropCsv(page, 'leads.csv', OWN_LEADS);
  await expect(page.locator('table.pros-mapping')).toContainText('Email');
  await page.getByRole('button', { name: 'Import leads.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toContainText(
    '3 rows read: 3 new',
  );

  // 2. Type the command and check the plan before it runs.
  await nav(page, 'Command').click();
  await page.getByLabel('What should Zigral do?').fill(`${COMMAND}, then send them`);
  await page.getByText('Context (optional)').click();
  await page.getByLabel('Sender').fill('Ana from Acme');
  await page.getByLabel('Offer').fill('A 14-day pilot of our lead scoring');
  await page.getByRole('button', { name: 'Preview plan' }).click();
  const plan = page.getByRole('region', { name: /^Plan: / });
  await expect(plan).toBeVisible();
  await expect(plan.getByText('3 prospects', { exact: true }).first()).toBeVisible();
  await expect(plan.getByText(/Waits for your approval/).first()).toBeVisible();
  expect(zigral.smtp.received).toHaveLength(0);

  // 3. Run it (it sends, so it asks first) and watch it reach the approval live.
  await plan.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run' }).click();
  await expect(page).toHaveURL(/\/app\/jobs\/[0-9a-f-]{36}$/);
  const jobUrl = page.url();
  await expect(page.locator('.cmd-job-status')).toContainText('Waiting approval', {
    timeout: 60_000,
  });

  // 4. The approval queue: edit one draft, then approve the send.
  await nav(page, 'Approvals').click();
  const rita = page.locator('#appr-detail').getByRole('article', { name: /Email to Rita Kundin/ });
  await rita.getByRole('button', { name: 'Edit email' }).click();
  await rita.getByLabel('Subject').fill('A pilot for Kundenfirma, Rita');
  await rita.getByRole('button', { name: 'Save email' }).click();
  await expect(rita).toContainText('A pilot for Kundenfirma, Rita');
  await page
    .locator('#appr-detail')
    .getByRole('button', { name: 'Approve and send 3 emails' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send 3 emails' }).click();

  // 5. The messages arrive at the SMTP server; the job page shows the end without a reload.
  await expect.poll(() => zigral.smtp.received.length, { timeout: 30_000 }).toBe(3);
  expect(zigral.smtp.to('rita@kundenfirma.test')[0].mail.subject).toBe(
    'A pilot for Kundenfirma, Rita',
  );
  await page.goto(jobUrl);
  await expect(page.locator('.cmd-job-status')).toContainText('Succeeded', { timeout: 30_000 });

  // 6. Download the export.
  await nav(page, 'Exports').click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /^Download CSV/ })
    .first()
    .click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('Rita Kundin');
  expect(csv).toContain('tom@abnehmer.test');
});
