import { expect, expectAccessible, screenshotBoth, test } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ zigralOptions: { sampleData: true } });

const COMMAND = 'What should Zigral do?';

async function fillContext(page: Page) {
  await page.getByText('Context (optional)').click();
  await page.getByLabel('Sender').fill('Ana from Acme');
  await page.getByLabel('Offer').fill('A 14-day pilot of our forecasting tool');
}

test.describe('the command page', () => {
  test('previews a command in words, runs it and follows the job to its end', async ({
    openApp,
  }) => {
    const page = await openApp('');
    await expect(page.getByRole('heading', { level: 1, name: 'Command' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recent commands' })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'command-empty');

    await page.getByLabel(COMMAND).fill('Find VPs of Sales in Germany and draft intro emails');
    await fillContext(page);
    await page.getByLabel(COMMAND).press('Control+Enter');

    const plan = page.getByRole('region', { name: /^Plan: Find VPs of Sales in Germany/ });
    await expect(plan).toBeVisible();
    await expect(plan.getByText(/^\d+ prospects$/).first()).toBeVisible();
    await expect(plan.locator('.cmd-steps > li')).toHaveCount(2);
    await expect(
      plan.getByText('Find prospects: title VP of Sales; country Germany'),
    ).toBeVisible();
    await expect(plan.getByText(/Works on: \d+ emails to \d+ prospects/)).toBeVisible();
    await expect(plan.getByText('No step needs approval')).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'command-plan');

    await plan.getByRole('button', { name: 'Run' }).click();
    await expect(page).toHaveURL(/\/app\/jobs\/[0-9a-f-]{36}$/);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Find VPs of Sales in Germany and draft intro emails',
      }),
    ).toBeVisible();
    await expect(page.locator('.cmd-job-status')).toContainText('Succeeded');
    await expect(page.getByText(/Step 2 done: Drafted \d+ of \d+/)).toBeVisible();
    await expect(page.getByText('The job has finished: no more live updates.')).toBeVisible();

    await page.getByRole('link', { name: 'Command', exact: true }).click();
    const recent = page.getByRole('region', { name: 'Recent commands' });
    await expect(
      recent.getByRole('link', { name: 'Find VPs of Sales in Germany and draft intro emails' }),
    ).toBeVisible();
  });

  test('names the inputs a command lacks and keeps its text to rephrase', async ({ openApp }) => {
    const page = await openApp('');
    await page.getByLabel(COMMAND).fill('Find VPs of Sales in Germany and draft intro emails');
    await page.getByRole('button', { name: 'Preview plan' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The command needs more information');
    await expect(alert).toContainText('Step 2: email.draft needs a sender');
    await alert.getByRole('button', { name: 'Rephrase' }).click();
    await expect(page.getByLabel(COMMAND)).toBeFocused();
    await expect(page.getByLabel(COMMAND)).toHaveValue(
      'Find VPs of Sales in Germany and draft intro emails',
    );
    await fillContext(page);
    await page.getByRole('button', { name: 'Preview plan' }).click();
    await expect(page.getByRole('region', { name: /^Plan: / })).toBeVisible();
  });

  test('a partly understood command names the words, and Rephrase keeps the text', async ({
    openApp,
  }) => {
    const page = await openApp('');
    const command = 'Find CTOs in Germny from our mailing list and draft intro emails';
    await page.getByLabel(COMMAND).fill(command);
    await fillContext(page);
    await page.getByLabel(COMMAND).press('Control+Enter');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Part of the command was not understood');
    await expect(alert).toContainText('“Germny”');
    await expect(alert).toContainText('Did you mean Germany?');
    await expect(alert).toContainText('“from our mailing list”');
    await expectAccessible(page);
    await screenshotBoth(page, 'command-refused');

    await alert.getByRole('button', { name: 'Rephrase' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByLabel(COMMAND)).toHaveValue(command);
    await expect(page.getByLabel(COMMAND)).toBeFocused();
    await page.getByLabel(COMMAND).fill('Find CTOs in Germany and draft intro emails');
    await page.getByLabel(COMMAND).press('Control+Enter');
    await expect(
      page.getByRole('region', { name: 'Plan: Find CTOs in Germany and draft intro emails' }),
    ).toBeVisible();

    // Or preview without the words it did not understand: the plan says what it leaves out.
    await page.getByRole('button', { name: 'Rephrase' }).click();
    await page.getByLabel(COMMAND).fill(command);
    await page.getByLabel(COMMAND).press('Control+Enter');
    await page.getByRole('button', { name: 'Preview without those words' }).click();
    const plan = page.getByRole('region', { name: /^Plan: / });
    await expect(plan.getByText('Not part of this plan:')).toBeVisible();
    await expect(plan).toContainText('“from our mailing list”');
  });

  test('edits a plan’s values, previews the edited plan, then runs it', async ({ openApp }) => {
    const page = await openApp('');
    await page.getByLabel(COMMAND).fill('Find VPs of Sales in Germany');
    await page.getByLabel(COMMAND).press('Control+Enter');
    const plan = page.getByRole('region', { name: /^Plan: / });
    await expect(
      plan.getByText('Find prospects: title VP of Sales; country Germany'),
    ).toBeVisible();
    await plan.getByRole('button', { name: 'Edit values' }).click();

    const form = page.getByRole('form', { name: 'Edit the plan’s values' });
    await expect(form.getByLabel('Titles')).toHaveValue('VP of Sales');
    await form.getByLabel('Titles').fill('CTO');
    await expectAccessible(page);
    await screenshotBoth(page, 'command-edit');
    await form.getByRole('button', { name: 'Preview the edited plan' }).click();

    const edited = page.getByRole('region', { name: /^Plan: / });
    await expect(edited.getByText(/^Edited plan/)).toBeVisible();
    await expect(edited.getByText(/Titles/).first()).toBeVisible();
    await expect(edited.locator('dd').filter({ hasText: /^CTO$/ })).toBeVisible();
    await edited.getByRole('button', { name: 'Run' }).click();
    await expect(page).toHaveURL(/\/app\/jobs\/[0-9a-f-]{36}$/);
    await expect(page.locator('.cmd-job-status')).toContainText('Succeeded');
    await expect(page.getByText(/^Found \d+ prospects?$/)).toBeVisible();
  });
});
