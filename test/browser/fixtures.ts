import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startZigral, type Zigral, type ZigralOptions } from './zigral';

const ROOT = resolve(__dirname, '..', '..');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** The two sizes every page is photographed at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * `zigral`: a service of its own for each test (options per file with `test.use({ zigralOptions })`).
 * `app`: a page opened on it, below /app/.
 */
export const test = base.extend<{
  zigralOptions: ZigralOptions;
  zigral: Zigral;
  openApp: (path?: string) => Promise<Page>;
}>({
  zigralOptions: [{}, { option: true }],
  zigral: async ({ zigralOptions }, use) => {
    const zigral = await startZigral(zigralOptions);
    try {
      await use(zigral);
    } finally {
      await zigral.stop();
    }
  },
  openApp: async ({ page, zigral }, use) => {
    await use(async (path = '') => {
      await page.goto(`${zigral.baseUrl}/app/${path.replace(/^\//, '')}`);
      return page;
    });
  },
});
export { expect };

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, which the page's CSP does
 * not apply to) and returns the serious and critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Expects no serious or critical axe violation, listing them when there are. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes)}`),
  ).toEqual([]);
}

/** Screenshots of the current page at both sizes, into test-results/screenshots/. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${size}.png`), fullPage: false });
  }
  if (original) await page.setViewportSize(original);
}

/** Drops a file created in the page onto the drop zone, as a user dragging it there. */
export async function dropCsv(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'text/csv' }));
      return data;
    },
    [name, text] as const,
  );
  const zone = page.getByTestId('pros-dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}
