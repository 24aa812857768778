import { expect, expectAccessible, screenshotBoth, test } from './fixtures';

test('add, import and remove suppressions', async ({ page, zigral, openApp }) => {
  const imports: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/suppressions(\/import)?$/.test(request.url())) {
      imports.push(new URL(request.url()).pathname);
    }
  });
  await openApp('suppressions');
  await expect(page.getByRole('heading', { level: 1, name: 'Suppressions' })).toBeVisible();
  await expect(page.getByText('The list is empty.')).toBeVisible();

  await page.getByLabel('Email address or domain').fill('Blocked@Example.com');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.getByRole('status')).toContainText('Added blocked@example.com (email).');
  const table = page.getByRole('table', { name: 'Suppressed addresses and domains' });
  await expect(table.getByRole('rowheader', { name: 'blocked@example.com' })).toBeVisible();

  await page.getByLabel('Email address or domain').fill('blocked@example.com');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.getByRole('status')).toContainText(
    'blocked@example.com is already on the list',
  );

  await page
    .getByLabel('Addresses or domains, one per line (or separated by commas)')
    .fill('email\nana@partner.test, competitor.test\nblocked@example.com\n@@@');
  await page.getByRole('button', { name: 'Import 4 entries' }).click();
  const progress = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(progress).toContainText('Imported: 4 of 4');
  await expect(progress).toContainText('2 added, 1 already listed, 1 refused.');
  await expect(progress).toContainText('@@@');
  // One POST /suppressions/import; each row not added with its outcome and reason.
  await expect(progress).toContainText('Not added: 2 rows');
  await expect(progress).toContainText(
    'Row 3, blocked@example.com: already listed (already on the suppression list)',
  );
  await expect(progress).toContainText(/Row 4, @@@: refused \(.+\)/);
  await expect(table.getByRole('rowheader')).toHaveCount(3);
  expect(imports).toEqual(['/suppressions', '/suppressions', '/suppressions/import']);
  await expectAccessible(page);
  await screenshotBoth(page, 'suppressions');

  await table.getByRole('button', { name: 'Remove blocked@example.com' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove blocked@example.com' });
  await expect(dialog).toContainText('Zigral may then email it again');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(table.getByRole('rowheader', { name: 'blocked@example.com' })).toHaveCount(0);
  await expect(page.getByRole('status').first()).toContainText('Removed blocked@example.com');

  const listed = (await (await zigral.api('/suppressions')).json()) as {
    items: { value: string }[];
  };
  expect(listed.items.map((item) => item.value).sort()).toEqual([
    'ana@partner.test',
    'competitor.test',
  ]);
});
