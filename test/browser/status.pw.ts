import { expect, expectAccessible, screenshotBoth, test } from './fixtures';

test.describe('the status page with SMTP configured', () => {
  test('shows sending available, the health checks and every action', async ({ openApp }) => {
    const page = await openApp('status');
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    const sending = page.getByTestId('capability').filter({ hasText: 'Sending email' });
    await expect(sending).toContainText('Available');
    await expect(sending).not.toContainText('Not available');
    await expect(page.getByText('Ready: every check is up.')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Database' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Mailbox' })).toBeVisible();
    const send = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'email.send' }) });
    await expect(send).toContainText('Available');
    await expectAccessible(page);
    await screenshotBoth(page, 'status');
  });
});

test.describe('the status page without SMTP', () => {
  test.use({ zigralOptions: { env: { SMTP_URL: '' } } });

  test('says sending is not available and names SMTP_URL', async ({ openApp }) => {
    const page = await openApp('status');
    const sending = page.getByTestId('capability').filter({ hasText: 'Sending email' });
    await expect(sending).toContainText('Not available');
    await expect(sending).toContainText('SMTP_URL');
    const send = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'email.send' }) });
    await expect(send).toContainText(/Not available.*SMTP_URL/);
    await expectAccessible(page);
    await screenshotBoth(page, 'status-no-smtp');
  });
});
