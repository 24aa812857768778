import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshotBoth, seriousAxeViolations, test } from './fixtures';
import { launchPending, setUpSequence, type SeqFixture } from './seq-setup';

test.use({ zigralOptions: { sampleData: true } });

/** The client routes of web/src/App.tsx, as written there (`''` is the index route). */
function appRoutes(): string[] {
  const source = readFileSync(join(__dirname, '..', '..', 'web', 'src', 'App.tsx'), 'utf8');
  const paths = [...source.matchAll(/path: '([^']*)'/g)].map((match) => match[1]);
  return /index: true/.test(source) ? ['', ...paths] : paths;
}

/**
 * Each route → the address visited (parameters filled with records made in set-up) and the name
 * of its screenshots. A route added to App.tsx must be added here: the first test says which.
 */
function visits(f: SeqFixture): Record<string, { path: string; name: string }> {
  const rita = f.prospects['Rita Kundin'];
  return {
    '': { path: '', name: 'command' },
    jobs: { path: 'jobs', name: 'jobs' },
    'jobs/:jobId': { path: `jobs/${f.launchJobId}`, name: 'job' },
    approvals: { path: 'approvals', name: 'approvals' },
    prospects: { path: 'prospects', name: 'prospects' },
    'prospects/import': { path: 'prospects/import', name: 'import' },
    'prospects/:id': { path: `prospects/${rita}`, name: 'prospect' },
    sequences: { path: 'sequences', name: 'sequences' },
    'sequences/:id': { path: `sequences/${f.sequenceId}`, name: 'sequence' },
    'enrollments/:id': { path: `enrollments/${f.enrollments['Rita Kundin']}`, name: 'enrollment' },
    replies: { path: 'replies', name: 'replies' },
    tasks: { path: 'tasks', name: 'tasks' },
    outbox: { path: 'outbox', name: 'outbox' },
    suppressions: { path: 'suppressions', name: 'suppressions' },
    exports: { path: 'exports', name: 'exports' },
    status: { path: 'status', name: 'status' },
    '*': { path: 'no/such/page', name: 'not-found' },
  };
}

test.describe('accessibility sweep', () => {
  test('every route of the app has a visit in this sweep', () => {
    const none: SeqFixture = { sequenceId: '', sequenceName: '', enrollments: {}, prospects: {} };
    const known = Object.keys(visits(none));
    expect(appRoutes().filter((route) => !known.includes(route))).toEqual([]);
  });

  test('every route passes axe (serious and critical) and is photographed', async ({
    zigral,
    page,
    openApp,
  }) => {
    test.setTimeout(240_000);
    const fixture = await setUpSequence(zigral, { launch: true });
    // A second launch waits for approval, so the approvals queue and the outbox have content.
    await launchPending(zigral, fixture.sequenceId);
    const byRoute = visits(fixture);
    for (const route of appRoutes()) {
      const visit = byRoute[route];
      expect(visit, `a visit for the route '${route}' in a11y-sweep.pw.ts`).toBeDefined();
      await test.step(`/app/${visit.path}`, async () => {
        await openApp(visit.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.getByRole('status').filter({ hasText: /Loading|Checking/ })).toHaveCount(
          0,
        );
        // A page that follows a live job keeps its event stream open: never "network idle".
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        const violations = await seriousAxeViolations(page);
        expect
          .soft(
            violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes)}`),
            `axe on /app/${visit.path}`,
          )
          .toEqual([]);
        await screenshotBoth(page, `sweep-${visit.name}`);
      });
    }
  });
});
