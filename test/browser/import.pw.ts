import { dropCsv, expect, expectAccessible, screenshotBoth, test } from './fixtures';

const CSV = [
  'First Name,Last Name,Email,Title,Company,Website,Country,Notes',
  'Anna,Beispiel,anna@nordlicht.example,VP Sales,Nordlicht GmbH,nordlicht.example,Germany,met at the webinar',
  'Ben,Muster,ben@alpen.example,Head of Sales,Alpen AG,alpen.example,Austria,',
  ',,not-an-email,CTO,Nowhere Ltd,nowhere.example,France,no name and no usable email',
  'Clara,Fischer,clara@wave.example,CEO,Wave BV,wave.example,Netherlands,',
].join('\n');

test.describe('CSV import', () => {
  test('a dropped CSV shows its columns first, then uploads with progress and reports each bad row', async ({
    openApp,
    zigral,
  }) => {
    const page = await openApp('prospects/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import prospects' })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'import');

    await dropCsv(page, 'webinar.csv', CSV);
    await expect(page.getByRole('heading', { name: /webinar\.csv/ })).toBeVisible();
    // The mapping before import: the service's preview when it has one, else the file's columns.
    const mapping = page.locator('table.pros-mapping');
    await expect(mapping).toContainText('First Name');
    await expect(mapping).toContainText('Notes');
    await expectAccessible(page);
    await screenshotBoth(page, 'import-mapping');

    await page.getByRole('button', { name: 'Import webinar.csv' }).click();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toContainText(
      '4 rows read: 3 new, 0 merged, 1 skipped',
    );
    // The mapping used, and the per-row report with the bad row.
    const finished = page.getByRole('region', { name: 'Import finished' });
    const used = finished.locator('table.pros-mapping');
    await expect(used.getByRole('row', { name: /^First Name/ })).toContainText('First name');
    await expect(used.getByRole('row', { name: /^Notes/ })).toContainText('Not imported');
    const report = finished.locator('table.pros-errors');
    await expect(report.getByRole('row').filter({ hasText: 'Skipped row' })).toContainText('3');
    await expectAccessible(page);
    await screenshotBoth(page, 'import-report');

    const found = (await (await zigral.api('/prospects?q=anna')).json()) as { total: number };
    expect(found.total).toBe(1);
  });

  test('shows upload progress while a larger file is sent', async ({ openApp }) => {
    const page = await openApp('prospects/import');
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `Person${i},Test,person${i}@bulk${i % 50}.example,Manager,Bulk ${i % 50},Germany`,
    );
    await dropCsv(
      page,
      'bulk.csv',
      ['First Name,Last Name,Email,Title,Company,Country', ...rows].join('\n'),
    );
    await expect(page.locator('table.pros-mapping')).toContainText('Email');
    // Slow the upload so the progress bar is seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.getByRole('button', { name: 'Import bulk.csv' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Importing' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toContainText(
      '20,000 rows read',
    );
  });
});
