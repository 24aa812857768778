import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { AppConfig } from './app-config';
import { validateEnv } from './env.schema';

/**
 * The one place that reads `process.env`: merges an optional `.env` file in the working directory
 * (process variables win) and validates the result. Throws ConfigValidationError on bad input.
 */
export function loadAppConfig(
  processEnv: Record<string, string | undefined> = process.env,
  envFile = resolve(process.cwd(), '.env'),
): AppConfig {
  const fileEnv = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return new AppConfig(validateEnv({ ...fileEnv, ...processEnv }));
}
