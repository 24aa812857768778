import type { Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { AppConfig } from '../../../config/app-config';
import { createGoogleSheetsClient, GoogleSheetsClient } from './google-sheets.client';
import { isInlineServiceAccount, parseServiceAccount } from './service-account.util';

/** Injection token of the Google Sheets setup (`GoogleSheetsSetup`). */
export const GOOGLE_SHEETS = Symbol('GOOGLE_SHEETS');

/** A client and the sheet to append to, or why there is none. */
export type GoogleSheetsSetup =
  | { ok: true; client: GoogleSheetsClient; spreadsheetId: string; serviceAccount: string }
  | { ok: false; reason: string };

/**
 * Builds the setup from the configuration once, at start-up. Missing or unusable settings make
 * `export.google_sheets` unavailable with a reason naming the variables; the key itself is
 * never part of a reason.
 */
export async function googleSheetsSetup(config: AppConfig): Promise<GoogleSheetsSetup> {
  const { googleServiceAccountJson: source, googleSpreadsheetId: spreadsheetId } = config.exports;
  const missing = [
    source ? undefined : 'GOOGLE_SERVICE_ACCOUNT_JSON',
    spreadsheetId ? undefined : 'GOOGLE_SHEETS_SPREADSHEET_ID',
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0 || !source || !spreadsheetId) {
    return { ok: false, reason: `Google Sheets is not configured: set ${missing.join(' and ')}` };
  }
  let text = source;
  if (!isInlineServiceAccount(source)) {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return {
        ok: false,
        reason: `GOOGLE_SERVICE_ACCOUNT_JSON: cannot read the key file ${source} (${code})`,
      };
    }
  }
  const parsed = parseServiceAccount(text);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: `GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service account key: ${parsed.reason}`,
    };
  }
  const client = createGoogleSheetsClient({
    key: parsed.key,
    rootUrl: config.exports.googleSheetsRootUrl,
  });
  return { ok: true, client, spreadsheetId, serviceAccount: parsed.key.client_email };
}

export const googleSheetsProvider: Provider = {
  provide: GOOGLE_SHEETS,
  inject: [AppConfig],
  useFactory: googleSheetsSetup,
};
