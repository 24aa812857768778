import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../../config/app-config';
import { validateEnv } from '../../../config/env.schema';
import { googleSheetsSetup } from './google-sheets.provider';

const configWith = (env: Record<string, string>) => new AppConfig(validateEnv(env));

describe('googleSheetsSetup', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-gsheets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each missing variable', async () => {
    await expect(googleSheetsSetup(configWith({}))).resolves.toEqual({
      ok: false,
      reason:
        'Google Sheets is not configured: set GOOGLE_SERVICE_ACCOUNT_JSON and GOOGLE_SHEETS_SPREADSHEET_ID',
    });
    await expect(
      googleSheetsSetup(configWith({ GOOGLE_SERVICE_ACCOUNT_JSON: '{}' })),
    ).resolves.toMatchObject({
      reason: expect.stringMatching(/set GOOGLE_SHEETS_SPREADSHEET_ID$/),
    });
  });

  it('reads the key from a file path', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const path = join(dir, 'key.json');
    writeFileSync(
      path,
      JSON.stringify({
        type: 'service_account',
        client_email: 'bot@p.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    );
    const setup = await googleSheetsSetup(
      configWith({
        GOOGLE_SERVICE_ACCOUNT_JSON: path,
        GOOGLE_SHEETS_SPREADSHEET_ID: 'sheet_0123456789',
      }),
    );
    expect(setup).toMatchObject({
      ok: true,
      spreadsheetId: 'sheet_0123456789',
      serviceAccount: 'bot@p.iam.gserviceaccount.com',
    });
  });

  it('says when the key file cannot be read', async () => {
    const path = join(dir, 'missing.json');
    const setup = await googleSheetsSetup(
      configWith({
        GOOGLE_SERVICE_ACCOUNT_JSON: path,
        GOOGLE_SHEETS_SPREADSHEET_ID: 'sheet_0123456789',
      }),
    );
    expect(setup).toEqual({
      ok: false,
      reason: `GOOGLE_SERVICE_ACCOUNT_JSON: cannot read the key file ${path} (ENOENT)`,
    });
  });
});
