import type { Browser, Page } from '@playwright/test';
import { emailJobWaiting, reviewJobWaiting } from './appr-setup';
import { expect, expectAccessible, screenshotBoth, test } from './fixtures';
import type { Zigral } from './zigral';

test.use({ zigralOptions: { sampleData: true } });

const detail = (page: Page) => page.locator('#appr-detail');
const draft = (page: Page, name: RegExp) => detail(page).getByRole('article', { name });

test('edit a draft, remove one, approve the rest: they arrive at the SMTP server', async ({
  page,
  zigral,
  openApp,
}) => {
  await emailJobWaiting(zigral);
  await openApp('approvals');
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
  await expect(page.getByText('Keys:')).toBeVisible();
  await expect(draft(page, /Email to Rita Kundin/)).toBeVisible();
  await expect(draft(page, /Email to Uta Bestand/)).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, 'approvals');

  const rita = draft(page, /Email to Rita Kundin/);
  await rita.getByRole('button', { name: 'Edit email' }).click();
  await rita.getByLabel('Subject').fill('Edited: a pilot for Kundenfirma');
  await rita.getByLabel('Body (plain text)').fill('Hi Rita,\n\n<b>Plain text only</b>\n\nAna');
  await expectAccessible(page);
  await rita.getByRole('button', { name: 'Save email' }).click();
  await expect(rita).toContainText('Edited: a pilot for Kundenfirma');
  await expect(rita).toContainText('<b>Plain text only</b>');
  await expect(rita.locator('b')).toHaveCount(0);

  const tom = draft(page, /Email to Tom Abnehmer/);
  await tom.getByRole('button', { name: 'Remove email' }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Remove email' });
  await expect(removeDialog).toContainText('tom@abnehmer.test');
  await removeDialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(tom).toHaveCount(0);

  await detail(page).getByRole('button', { name: 'Approve and send 2 emails' }).click();
  const approveDialog = page.getByRole('dialog', { name: 'Approve and send 2 emails' });
  await expect(approveDialog).toContainText('Send 2 emails now?');
  await expectAccessible(page);
  await approveDialog.getByRole('button', { name: 'Send 2 emails' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toContainText(
    '2 emails will be sent now.',
  );
  await expect(page.getByText('No job is waiting for approval.')).toBeVisible();

  await expect.poll(() => zigral.smtp.received.length, { timeout: 30_000 }).toBe(2);
  expect(zigral.smtp.received.map((mail) => mail.envelopeTo[0]).sort()).toEqual([
    'rita@kundenfirma.test',
    'uta@bestandskunde.test',
  ]);
  const [toRita] = zigral.smtp.to('rita@kundenfirma.test');
  expect(toRita.mail.subject).toBe('Edited: a pilot for Kundenfirma');
  expect(toRita.mail.text).toContain('<b>Plain text only</b>');
  await screenshotBoth(page, 'approvals-done');
});

/**
 * Two people approve the same job at once (each enters `keys[i]` when the app asks); `check`
 * then reads the loser's page.
 */
async function approvalRace(
  browser: Browser,
  zigral: Zigral,
  keys: readonly (string | undefined)[],
  check: (loser: Page, jobId: string) => Promise<void>,
): Promise<void> {
  const jobId = await emailJobWaiting(zigral);
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    for (const [i, page] of [first, second].entries()) {
      await page.goto(`${zigral.baseUrl}/app/approvals`);
      const key = keys[i];
      if (key) {
        await page.getByLabel('API key').fill(key);
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await expect(
        detail(page).getByRole('button', { name: 'Approve and send 3 emails' }),
      ).toBeEnabled();
    }
    for (const page of [first, second]) {
      await detail(page).getByRole('button', { name: 'Approve and send 3 emails' }).click();
      await page
        .getByRole('dialog', { name: 'Approve and send 3 emails' })
        .getByRole('button', { name: 'Send 3 emails' })
        .click();
    }
    await expect(first.getByRole('status').filter({ hasText: 'Approved' })).toBeVisible();
    const alert = second.getByRole('alert');
    await expect(alert).toContainText('Someone else decided first');
    await expect(alert).toContainText('The job is already approved');
    await expect(second.getByText('No job is waiting for approval.')).toBeVisible();
    await expect.poll(() => zigral.smtp.received.length, { timeout: 30_000 }).toBe(3);
    await check(second, jobId);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

test('an approval race: the second approver is told why it failed', async ({ browser, zigral }) => {
  await approvalRace(browser, zigral, [], async (loser) => {
    await expect(loser.getByRole('alert')).toContainText('Approved by anonymous at');
    await expectAccessible(loser);
    await screenshotBoth(loser, 'approvals-conflict');
  });
});

test.describe('an approval race between two API keys', () => {
  test.use({
    zigralOptions: {
      sampleData: true,
      env: { API_KEYS: 'ana:ana-key-0123456789abcdef,ben:ben-key-0123456789abcdef' },
    },
  });

  test('the loser sees who approved first, by label, and when', async ({ browser, zigral }) => {
    const keys = ['ana-key-0123456789abcdef', 'ben-key-0123456789abcdef'];
    await approvalRace(browser, zigral, keys, async (loser, jobId) => {
      const alert = loser.getByRole('alert');
      await expect(alert).toContainText('Approved by ana at');
      await expect(alert.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      // The job page says who approved the step, and when.
      await loser.goto(`${zigral.baseUrl}/app/jobs/${jobId}`);
      await expect(loser.locator('.cmd-approval').first()).toContainText(/Approved\s+by ana on /);
    });
  });
});

test('the queue by keyboard only: move, edit while typing, approve', async ({
  page,
  zigral,
  openApp,
}) => {
  const emailJob = await emailJobWaiting(zigral);
  await reviewJobWaiting(zigral, 'Check the list before the export');
  await openApp('approvals');
  const rows = page.locator('table.appr-queue tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText(
    'Check the list before the export',
  );

  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#appr-item-${emailJob}`)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(draft(page, /Email to Rita Kundin/)).toBeVisible();
  // Enter opens the selected item: focus moves to its heading.
  await page.keyboard.press('Enter');
  await expect(detail(page).getByRole('heading', { level: 2 })).toBeFocused();

  // e edits the first email; letters typed there are text, not shortcuts.
  await page.keyboard.press('e');
  const subject = detail(page).getByLabel('Subject');
  await expect(subject).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' (reviewed and approved)');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(detail(page).getByRole('button', { name: 'Save email' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail(page)).toContainText('(reviewed and approved)');

  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve and send 3 emails' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Send 3 emails' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toContainText(
    '3 emails will be sent now.',
  );
  await expect(rows).toHaveCount(1);
  await expect.poll(() => zigral.smtp.received.length, { timeout: 30_000 }).toBe(3);
  expect(zigral.smtp.received.map((mail) => mail.mail.subject)).toContainEqual(
    expect.stringMatching(/\(reviewed and approved\)$/),
  );

  // r rejects the other job, after asking.
  await page.keyboard.press('r');
  const reject = page.getByRole('dialog', { name: 'Reject' });
  // The dialog opens on its first field: the reason.
  await expect(reject.getByLabel('Reason (optional)')).toBeFocused();
  await page.keyboard.type('Not now');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(reject.getByRole('button', { name: 'Reject job' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rejected' })).toBeVisible();
  await expect(page.getByText('No job is waiting for approval.')).toBeVisible();
});
