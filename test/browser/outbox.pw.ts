import { readFileSync } from 'node:fs';
import { emailJobWaiting, waitForJob } from './appr-setup';
import { expect, expectAccessible, screenshotBoth, test } from './fixtures';

test.use({ zigralOptions: { sampleData: true } });

test('the outbox by status, one message opened, and the export downloaded in both formats', async ({
  page,
  zigral,
  openApp,
}) => {
  const jobId = await emailJobWaiting(zigral);
  const approved = await zigral.api(`/jobs/${jobId}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(approved.status).toBe(200);
  await waitForJob(zigral, jobId, ['succeeded']);

  await openApp('outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().getByText('Sent', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, 'outbox');

  await page.getByLabel('Status').selectOption('draft');
  await expect(page.getByText('No messages in status Draft.')).toBeVisible();
  await expect(page).toHaveURL(/status=draft/);
  await page.getByLabel('Status').selectOption('sent');
  await expect(rows).toHaveCount(3);
  const rita = rows.filter({ hasText: 'rita@kundenfirma.test' });
  await rita.getByRole('button').click();
  const message = page.getByRole('region', { name: 'Message to Rita Kundin' });
  await expect(message).toContainText('Hi Rita,');
  await expect(message).toContainText('Message-ID');
  await expect(page.getByRole('heading', { name: 'Message to Rita Kundin' })).toBeFocused();
  await expectAccessible(page);
  await screenshotBoth(page, 'outbox-message');

  // The job's spreadsheet, downloaded through fetch with the key in a header.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Exports' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download CSV/ }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^zigral-.+\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain('Rita Kundin');
  expect(csvText).toContain('uta@bestandskunde.test');

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download XLSX/ }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^zigral-.+\.xlsx$/);
  const bytes = readFileSync((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(requests.filter((url) => url.includes('/download')).length).toBe(2);
  await expectAccessible(page);
  await screenshotBoth(page, 'exports');
});
