import { expect, expectAccessible, screenshotBoth, test } from './fixtures';

test.describe('the app shell', () => {
  test('/ redirects to /app/ and a client route reloads under /app/', async ({ page, zigral }) => {
    await page.goto(`${zigral.baseUrl}/`);
    await expect(page).toHaveURL(`${zigral.baseUrl}/app/`);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

    await page.getByRole('link', { name: 'Status' }).click();
    await expect(page).toHaveURL(`${zigral.baseUrl}/app/status`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
  });

  test('an unknown client route shows the not-found page', async ({ openApp }) => {
    const page = await openApp('no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'not-found');
  });

  test('runs under the CSP without a violation', async ({ page, openApp }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await openApp('');
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    const response = await page.request.get(page.url());
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(violations).toEqual([]);
  });
});

test.describe('with API_KEYS set', () => {
  test.use({ zigralOptions: { env: { API_KEYS: 'ana:ana-key-0123456789abcdef' } } });

  test('asks for the key once, then sends it as a header only', async ({ page, openApp }) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await openApp('status');
    await expect(page.getByRole('heading', { name: 'Zigral needs an API key' })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'api-key');
    await page.getByLabel('API key').fill('ana-key-0123456789abcdef');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    // The key's label, not the key, names who the app acts as.
    await expect(page.getByTestId('service-facts').getByText('ana', { exact: true })).toBeVisible();
    expect(urls.some((url) => url.includes('0123456789abcdef'))).toBe(false);
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('zigral.apiKey'),
      local: Object.keys(localStorage).length,
      cookie: document.cookie,
    }));
    expect(stored).toEqual({ session: 'ana-key-0123456789abcdef', local: 0, cookie: '' });
  });
});
