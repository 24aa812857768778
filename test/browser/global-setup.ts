import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';

/** Checks the browser and builds the service and the app when either is missing. */
export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/debian-packages.sh chromium\``);
  }
  const isBuilt =
    existsSync(join(ROOT, 'dist', 'main.js')) &&
    existsSync(join(ROOT, 'dist', 'web', 'index.html'));
  if (!isBuilt) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
