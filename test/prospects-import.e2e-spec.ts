import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** POST /prospects/import over HTTP: both body types, limits, refusals, merging, bad rows. */
const MAX_BYTES = 64 * 1024;
let testApp: TestApp;
let dataSource: DataSource;

beforeAll(async () => {
  testApp = await createTestApp({ env: { IMPORT_MAX_BYTES: String(MAX_BYTES) } });
  dataSource = testApp.app.get(DataSource);
});
afterAll(() => testApp.destroy());
beforeEach(async () => {
  await dataSource.getRepository(ProspectEntity).clear();
  await dataSource.createQueryBuilder().delete().from(CompanyEntity).execute();
});

const importCsv = (csv: string | Buffer, query: Record<string, string> = {}) =>
  request(testApp.server)
    .post('/prospects/import')
    .query(query)
    .set('content-type', 'text/csv')
    .send(csv);

const stored = () =>
  dataSource
    .getRepository(ProspectEntity)
    .find({ order: { name: 'ASC' }, relations: { company: true } });

const PLAIN = [
  'name,email,title,company,website,country,city,employees,tags',
  'Anna Beispiel,Anna@Nordlicht.example,VP Sales,Nordlicht GmbH,https://www.nordlicht.example,Germany,Berlin,120,webinar',
  'Ben Muster,ben@suedwind.example,CTO,Suedwind AG,,Austria,Vienna,"1,200",',
].join('\n');

describe('POST /prospects/import', () => {
  it('imports a text/csv body', async () => {
    const response = await importCsv(PLAIN, { source: 'fair-2026', tags: 'q4, dach' }).expect(200);
    expect(response.body).toEqual({
      rows: 2,
      inserted: 2,
      updated: 0,
      skipped: 0,
      errors: [],
      errors_truncated: false,
      unknown_columns: [],
      source: 'fair-2026',
    });
    const [anna, ben] = await stored();
    expect(anna).toMatchObject({
      name: 'Anna Beispiel',
      email: 'anna@nordlicht.example',
      title: 'VP Sales',
      seniority: 'vp',
      department: 'Sales',
      city: 'Berlin',
      country: 'Germany',
      source: 'fair-2026',
      tags: ['q4', 'dach', 'webinar'],
    });
    expect(anna.company).toMatchObject({
      name: 'Nordlicht GmbH',
      domain: 'nordlicht.example',
      websiteUrl: 'https://www.nordlicht.example',
      employeeCount: 120,
    });
    // No website: the domain comes from the work email, the website from the domain.
    expect(ben.company).toMatchObject({
      domain: 'suedwind.example',
      websiteUrl: 'https://suedwind.example',
      employeeCount: 1200,
    });
  });

  it('imports a multipart file', async () => {
    const response = await request(testApp.server)
      .post('/prospects/import')
      .attach('file', Buffer.from(PLAIN), { filename: 'leads.csv', contentType: 'text/csv' })
      .expect(200);
    expect(response.body).toMatchObject({ rows: 2, inserted: 2, source: 'csv' });
    expect((await stored()).map((prospect) => prospect.source)).toEqual(['csv', 'csv']);
  });

  it('reads quoted fields with commas, quotes and newlines, and a UTF-8 BOM', async () => {
    const csv =
      '\uFEFFName,Title,Company\r\n' +
      '"Müller, Jörg","Head of Sales, ""DACH""\nand Nordics","Grün & Co, KG"\r\n';
    const response = await importCsv(csv).expect(200);
    expect(response.body).toMatchObject({ rows: 1, inserted: 1, unknown_columns: [] });
    const [jorg] = await stored();
    expect(jorg.name).toBe('Müller, Jörg');
    expect(jorg.title).toBe('Head of Sales, "DACH" and Nordics');
    expect(jorg.company?.name).toBe('Grün & Co, KG');
  });
});
