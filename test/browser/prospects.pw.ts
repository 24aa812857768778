import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, expectAccessible, screenshotBoth, test } from './fixtures';
import type { Zigral } from './zigral';
import { emailJobWaiting } from './appr-setup';

interface ProspectPage {
  items: { id: string; name: string; country: string | null }[];
  total: number;
}

/** A fit score written as a scoring job would (the offline planner has none to run here). */
function scoreInDatabase(zigral: Zigral, id: string): void {
  const db = new Database(join(zigral.dir, 'zigral.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      'UPDATE prospects SET fit_score = ?, fit_reasons = ?, fit_scored_at = ? WHERE id = ?',
    ).run(
      87,
      JSON.stringify(['Seniority VP fits (+20)', 'Company size 120 is within 50-500 (+10)']),
      '2026-11-24 10:05:00.000',
      id,
    );
  } finally {
    db.close();
  }
}

test.describe('prospects', () => {
  test.use({ zigralOptions: { sampleData: true } });

  test('filters, sorts and pages on the service, keeping the view in the URL', async ({
    openApp,
    zigral,
  }) => {
    const page = await openApp('prospects');
    await expect(page.getByRole('heading', { level: 1, name: 'Prospects' })).toBeVisible();
    const rows = page.locator('table tbody tr');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('#pros-count')).toContainText('prospects found');
    await expectAccessible(page);
    await screenshotBoth(page, 'prospects');

    // Filter (debounced text): the URL and the API agree.
    await page.getByLabel('Country', { exact: true }).fill('Germany');
    await expect(page).toHaveURL(/country=Germany/);
    const germany = (await (
      await zigral.api('/prospects?country=Germany&limit=1')
    ).json()) as ProspectPage;
    await expect(page.locator('#pros-count')).toContainText(
      `${germany.total.toLocaleString('en-US')} prospects found`,
    );
    for (const location of await page.locator('table tbody tr td:nth-child(4)').allInnerTexts()) {
      expect(location).toContain('Germany');
    }

    // Sort by fit score from the column header, then back by name.
    await page.getByRole('button', { name: /^Fit score/ }).click();
    await expect(page).toHaveURL(/sort=-score/);
    await expect(page.getByRole('columnheader', { name: /Fit score/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(page.getByLabel('Sort by')).toHaveValue('-score');
    await page.getByLabel('Sort by').selectOption('name');
    await expect(page).not.toHaveURL(/sort=/);

    // Paging: the next page, and back through the browser's history.
    const firstName = await rows.first().locator('a').innerText();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/skip=50/);
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('51–100');
    await expect(rows.first().locator('a')).not.toHaveText(firstName);
    await page.goBack();
    await expect(rows.first().locator('a')).toHaveText(firstName);

    // A reload keeps the filters; clearing them shows everyone again.
    await page.reload();
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('Germany');
    await page.getByRole('button', { name: /^Clear/ }).click();
    await expect(page).not.toHaveURL(/country=/);
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('');

    // A row leads to its prospect.
    await expect(page.locator('#pros-count')).not.toContainText('Updating');
    const link = rows.nth(1).locator('a');
    const name = await link.innerText();
    await link.click();
    await expect(page).toHaveURL(/\/app\/prospects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });

  test('a prospect shows its company, fit score and reasons, and can be opted out', async ({
    openApp,
    zigral,
  }) => {
    const list = (await (
      await zigral.api('/prospects?opted_out=false&limit=1')
    ).json()) as ProspectPage;
    const prospect = list.items[0];
    scoreInDatabase(zigral, prospect.id);

    const page = await openApp(`prospects/${prospect.id}`);
    await expect(page.getByRole('heading', { level: 1, name: prospect.name })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Company/ })).toBeVisible();
    const fit = page.getByRole('region', { name: 'Fit score' });
    await expect(fit).toContainText('87 · strong');
    await expect(fit).toContainText('Seniority VP fits (+20)');
    // Sample prospects are never emailed.
    await expect(page.getByRole('region', { name: 'Messages sent' })).toContainText(
      'No message to this prospect yet.',
    );
    await expect(page.getByRole('region', { name: 'Replies' })).toContainText('No reply');
    await expectAccessible(page);
    await screenshotBoth(page, 'prospect');

    const consent = page.getByRole('region', { name: 'Email consent' });
    await expect(consent).toContainText('Can be emailed');
    await consent.getByRole('button', { name: 'Opt out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opt out' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(consent).toContainText('Can be emailed');
    await consent.getByRole('button', { name: 'Opt out' }).click();
    await dialog.getByRole('button', { name: 'Opt out for good' }).click();
    await expect(consent).toContainText('Opted out');
    const stored = (await (await zigral.api(`/prospects/${prospect.id}`)).json()) as {
      opted_out: boolean;
    };
    expect(stored.opted_out).toBe(true);
  });

  test("a prospect's page lists the emails drafted to it, and only those", async ({
    openApp,
    zigral,
  }) => {
    await emailJobWaiting(zigral);
    const found = (await (
      await zigral.api('/prospects?q=rita%40kundenfirma.test')
    ).json()) as ProspectPage;
    expect(found.items).toHaveLength(1);
    const rita = found.items[0];
    const drafts = (await (await zigral.api(`/outbox?prospect_id=${rita.id}`)).json()) as {
      items: { subject: string; to: string }[];
    };
    expect(drafts.items.map((message) => message.to)).toEqual(['rita@kundenfirma.test']);

    const page = await openApp(`prospects/${rita.id}`);
    await expect(page.getByRole('heading', { level: 1, name: rita.name })).toBeVisible();
    const messages = page.getByRole('region', { name: 'Messages sent' });
    await expect(messages.getByRole('row')).toHaveCount(2);
    await expect(messages).toContainText(drafts.items[0].subject);
    await expect(messages).toContainText('Draft');
    await expectAccessible(page);
  });

  test('an unknown prospect says so in plain words', async ({ openApp }) => {
    const page = await openApp('prospects/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('alert')).toContainText('The request was refused');
    await expect(page.getByRole('link', { name: 'Back to prospects' })).toBeVisible();
  });
});
