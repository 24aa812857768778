import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Playwright Test driving Debian's chromium (never a downloaded browser) against
 * the built service (dist/main.js + dist/web) on a temporary SQLite database, an SMTP server on
 * loopback and the offline planner. `npm run test:browser` (after `npm run build`).
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.pw\.ts$/,
  outputDir: '../../test-results/playwright',
  globalSetup: './global-setup.ts',
  // Each test starts its own service: one worker keeps the 2-core machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium' },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
  },
});
