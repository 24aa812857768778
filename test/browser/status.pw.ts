import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, screenshotBoth, test } from './fixtures';

const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

test.describe('the status page with SMTP configured', () => {
  test('shows sending available, the health checks and every action', async ({ openApp }) => {
    const page = await openApp('status');
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    const sending = page.getByTestId('capability').filter({ hasText: 'Sending email' });
    await expect(sending).toContainText('Available');
    await expect(sending).not.toContainText('Not available');
    await expect(page.getByText('Ready: every check is up.')).toBeVisible();
    const facts = page.getByTestId('service-facts');
    await expect(facts).toContainText(VERSION);
    await expect(facts.getByText('sqlite', { exact: true })).toBeVisible();
    await expect(facts.getByText('offline', { exact: true })).toBeVisible();
    await expect(facts).toContainText('OPENAI_API_KEY');
    await expect(facts).toContainText('anonymous');
    const mailbox = page.getByTestId('capability').filter({ hasText: 'Reading replies' });
    await expect(mailbox).toContainText('IMAP_URL');
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
