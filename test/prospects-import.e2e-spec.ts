import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import {
  BAD_VALUES_COUNTS,
  BAD_VALUES_CSV,
  BAD_VALUES_PROBLEMS,
} from './fixtures/bad-values-csv.fixture';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** POST /prospects/import over HTTP: both body types, limits, refusals, merging, bad rows. */
const MAX_BYTES = 64 * 1024;
const BODY_LIMIT = 16 * 1024;
let testApp: TestApp;
let dataSource: DataSource;

beforeAll(async () => {
  testApp = await createTestApp({
    env: { IMPORT_MAX_BYTES: String(MAX_BYTES), BODY_LIMIT: String(BODY_LIMIT) },
  });
  dataSource = testApp.app.get(DataSource);
});
afterAll(() => testApp.destroy());
beforeEach(async () => {
  await dataSource.createQueryBuilder().delete().from(ProspectEntity).execute();
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
      import_id: response.headers['import-id'],
      rows: 2,
      inserted: 2,
      updated: 0,
      skipped: 0,
      warnings: 0,
      errors: [],
      errors_truncated: false,
      unmapped_columns: [],
      mapping: {
        name: 'name',
        email: 'email',
        title: 'title',
        company: 'company_name',
        website: 'website',
        country: 'country',
        city: 'city',
        employees: 'employees',
        tags: 'tags',
      },
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

describe('POST /prospects/import: duplicates', () => {
  it('merges rows of the file and stored prospects by email, LinkedIn URL, then name + company', async () => {
    await importCsv(
      [
        'Name,Email,LinkedIn URL,Title,Company,Website',
        'Anna Beispiel,anna@nordlicht.example,,Sales Manager,Nordlicht GmbH,nordlicht.example',
        'Carl Dorf,,https://www.linkedin.com/in/carl-dorf,,Dorf KG,dorf.example',
      ].join('\n'),
      { tags: 'first' },
    ).expect(200);
    const csv = [
      'Name,Email,LinkedIn URL,Title,Company,Website,Tags',
      // Same email as stored: updated, the new title wins.
      'Anna B.,ANNA@nordlicht.example,,VP Sales,Nordlicht GmbH,,fair',
      // Same LinkedIn profile (another URL form): updated, the email is added.
      'Carl Dorf,carl@dorf.example,linkedin.com/in/Carl-Dorf/?locale=de,,,,',
      // New, then the same person by name + company domain later in the file.
      'Eva Frei,,,CTO,Frei AG,https://frei.example,',
      'eva frei,eva@frei.example,,,Frei AG,frei.example,',
    ].join('\n');
    const response = await importCsv(csv).expect(200);
    expect(response.body).toMatchObject({ rows: 4, inserted: 1, updated: 3, skipped: 0 });
    const people = await stored();
    expect(people.map((person) => person.name)).toEqual(['Anna B.', 'Carl Dorf', 'Eva Frei']);
    const [anna, carl, eva] = people;
    expect(anna).toMatchObject({ title: 'VP Sales', seniority: 'vp', tags: ['first', 'fair'] });
    expect(carl).toMatchObject({
      email: 'carl@dorf.example',
      linkedinUrl: 'https://www.linkedin.com/in/carl-dorf',
    });
    expect(eva).toMatchObject({ email: 'eva@frei.example', title: 'CTO' });
    expect(await dataSource.getRepository(CompanyEntity).count()).toBe(3);
  });

  it('merges duplicates that fall in different batches of a large file', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `Person ${i % 1200},p${i % 1200}@x.example`,
    );
    const response = await importCsv(['name,email', ...rows].join('\n')).expect(200);
    expect(response.body).toMatchObject({ rows: 2500, inserted: 1200, updated: 1300 });
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(1200);
  });
});

describe('POST /prospects/import: bad rows and bad values', () => {
  it('keeps each person with a bad optional value, with a warning; skips only rows with no identity', async () => {
    const response = await importCsv(BAD_VALUES_CSV).expect(200);
    expect(response.body).toMatchObject({
      ...BAD_VALUES_COUNTS,
      errors: BAD_VALUES_PROBLEMS,
      errors_truncated: false,
    });
    const [gina, hugo, ines] = await stored();
    expect(gina).toMatchObject({ name: 'Gina Probe', title: 'CEO', linkedinUrl: null });
    expect(gina.company).toMatchObject({ name: 'Probehaus GmbH', employeeCount: null });
    expect(hugo.company).toMatchObject({ name: 'Versuchswerk AG', employeeCount: 80 });
    expect(ines).toMatchObject({
      name: 'Ines Beleg',
      email: null,
      linkedinUrl: 'https://www.linkedin.com/in/ines-beleg',
    });
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(3);
  });

  it('skips a row with no name and no usable email, naming the column and reason', async () => {
    const csv = [
      'First Name,Last Name,Email,# Employees,Person Linkedin Url,Website,Mobile Phone',
      ',,,10,,,',
      'Dora,Eck,dora@eck.example,51-200,,eck.example,',
    ].join('\n');
    const response = await importCsv(csv).expect(200);
    expect(response.body).toMatchObject({
      rows: 2,
      inserted: 1,
      skipped: 1,
      warnings: 0,
      unknown_columns: ['Mobile Phone'],
      errors: [
        {
          row: 1,
          field: 'First Name',
          message: 'a name (or first and last name) or an email is required',
          severity: 'error',
        },
      ],
    });
    const [dora] = await stored();
    expect(dora.company).toMatchObject({ employeeCount: 51, domain: 'eck.example' });
  });

  it('caps the listed problems at 1,000', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `,not-an-email-${i}`);
    const response = await importCsv(['name,email', ...rows].join('\n')).expect(200);
    expect(response.body).toMatchObject({ rows: 1100, skipped: 1100, errors_truncated: true });
    expect(response.body.errors).toHaveLength(1000);
  });
});

describe('POST /prospects/import: refusals', () => {
  const expectError = (body: Record<string, unknown>, status: number, message: RegExp) => {
    expect(body).toMatchObject({ statusCode: status, request_id: expect.any(String) });
    expect(body.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  };

  it.each([
    ['an empty file', '', /The CSV is empty/],
    ['blank lines only', '\n\r\n\n', /The CSV is empty/],
    ['a header without rows', 'name,email\n', /header but no data rows/],
    ['no header', 'Anna Beispiel,anna@x.example\n', /first row must be a header.*"Anna Beispiel"/],
    ['no person column', 'Company,Website\nAcme,acme.example\n', /no column for the person/],
  ])('400 for %s', async (_label, csv, message) => {
    const response = await importCsv(csv).expect(400);
    expectError(response.body, 400, message);
  });

  it('400 naming the encoding for a UTF-16 file, sent as text or as a multipart file', async () => {
    const utf16 = Buffer.from('\uFEFFName,Email\nAnna Beispiel,anna@x.example\n', 'utf16le');
    const text = await importCsv(utf16).expect(400);
    expectError(text.body, 400, /UTF-16 encoded; save it as UTF-8/);
    const file = await request(testApp.server)
      .post('/prospects/import')
      .attach('file', utf16, { filename: 'contacts.csv', contentType: 'text/csv' })
      .expect(400);
    expectError(file.body, 400, /UTF-16 encoded/);
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(0);
  });

  it('400 malformed_csv with the line and what was imported before it', async () => {
    const response = await importCsv('name,email\nAnna,anna@x.example\n"Ben,ben@x.example\n');
    expect(response.status).toBe(400);
    expectError(response.body, 400, /malformed at line \d+: Quote Not Closed/);
    expect(response.body).toMatchObject({
      error: 'malformed_csv',
      details: { rows: 1, inserted: 1 },
    });
  });

  it('413 for a body over IMPORT_MAX_BYTES, text or multipart', async () => {
    const big = `name,email\n${'Anna Beispiel,anna@x.example\n'.repeat(3000)}`;
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const text = await importCsv(big).expect(413);
    expectError(text.body, 413, /larger than 65536 bytes \(IMPORT_MAX_BYTES\)/);
    // Its Content-Length says so: refused before a byte is read.
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(0);
    // A multipart file is measured as it streams, and cut off once past the limit.
    const file = await request(testApp.server)
      .post('/prospects/import')
      .attach('file', Buffer.from(big), { filename: 'big.csv', contentType: 'text/csv' })
      .expect(413);
    expectError(file.body, 413, /IMPORT_MAX_BYTES/);
  });

  it('is not held to BODY_LIMIT, which still applies to the JSON routes', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `P ${i},p${i}@x.example`);
    const csv = ['name,email', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(BODY_LIMIT);
    await importCsv(csv).expect(200);
    const json = { job_type: 't', context_data: { csv } };
    await request(testApp.server).post('/context').send(json).expect(413);
  });

  it.each([
    ['application/json', '{"name":"Anna"}'],
    ['text/plain', 'name\nAnna'],
  ])('415 for a %s body', async (type, body) => {
    const response = await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', type)
      .send(body)
      .expect(415);
    expectError(response.body, 415, /text\/csv body or as a multipart\/form-data file/);
  });

  it.each([
    ['without a boundary', 'multipart/form-data', '--x\r\n\r\n'],
    ['whose parts use another boundary', 'multipart/form-data; boundary=zzz', '--other\r\n\r\n'],
  ])('400 for a multipart body %s', async (_case, type, body) => {
    const response = await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', type)
      .send(body)
      .expect(400);
    expectError(response.body, 400, /multipart body is malformed/);
  });

  it('415 for no body at all', async () => {
    const response = await request(testApp.server).post('/prospects/import').expect(415);
    expectError(response.body, 415, /text\/csv/);
  });

  it('415 for a CSV or multipart body sent to another route', async () => {
    await request(testApp.server)
      .post('/context')
      .set('content-type', 'text/csv')
      .send('a,b\n1,2')
      .expect(415);
    await request(testApp.server)
      .post('/context')
      .attach('file', Buffer.from('a'), 'a.csv')
      .expect(415);
  });

  it('400 for a multipart body without the file field', async () => {
    const other = await request(testApp.server)
      .post('/prospects/import')
      .attach('upload', Buffer.from(PLAIN), 'leads.csv')
      .expect(400);
    expectError(other.body, 400, /must be in the field "file", not "upload"/);
    const none = await request(testApp.server)
      .post('/prospects/import')
      .field('note', 'no file')
      .expect(400);
    expectError(none.body, 400, /has no file/);
  });

  it('400 for bad query parameters', async () => {
    const response = await importCsv(PLAIN, { source: 'bad source!' }).expect(400);
    expectError(response.body, 400, /source must be/);
  });
});
