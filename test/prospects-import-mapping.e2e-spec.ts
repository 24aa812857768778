import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { MAPPING_FIELD_NAMES } from '../src/agents/prospects/import/columns/csv-column-mapping.util';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * POST /prospects/import with an explicit column mapping: in the query (any body) or as a
 * multipart form field before the file; the answer's mapping and unmapped columns; refusals.
 */
let testApp: TestApp;
let dataSource: DataSource;

beforeAll(async () => {
  testApp = await createTestApp();
  dataSource = testApp.app.get(DataSource);
});
afterAll(() => testApp.destroy());
beforeEach(async () => {
  await dataSource.createQueryBuilder().delete().from(ProspectEntity).execute();
  await dataSource.createQueryBuilder().delete().from(CompanyEntity).execute();
});

/** A LinkedIn connections export: "URL" is the profile, which no guess can know. */
const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Anna,Beispiel,https://www.linkedin.com/in/anna-beispiel,anna@nordlicht.example,Nordlicht GmbH,VP Sales,01 Mar 2026',
].join('\n');
const MAPPING = { URL: 'linkedin_url', 'connected on': null };

const importCsv = (csv: string, query: Record<string, string> = {}) =>
  request(testApp.server)
    .post('/prospects/import')
    .query(query)
    .set('content-type', 'text/csv')
    .send(csv);

const stored = () =>
  dataSource
    .getRepository(ProspectEntity)
    .find({ order: { name: 'ASC' }, relations: { company: true } });

const FIELD_LIST = `the fields: ${MAPPING_FIELD_NAMES.join(', ')}`;

describe('an explicit mapping', () => {
  it('in the query, overrides the guess and is answered with the columns not imported', async () => {
    const response = await importCsv(CONNECTIONS, { mapping: JSON.stringify(MAPPING) }).expect(200);
    expect(response.body).toMatchObject({
      rows: 1,
      inserted: 1,
      skipped: 0,
      unmapped_columns: ['Connected On'],
      unknown_columns: [],
      mapping: {
        'First Name': 'first_name',
        'Last Name': 'last_name',
        URL: 'linkedin_url',
        'Email Address': 'email',
        Company: 'company_name',
        Position: 'title',
        'Connected On': null,
      },
    });
    const [anna] = await stored();
    expect(anna).toMatchObject({
      name: 'Anna Beispiel',
      linkedinUrl: 'https://www.linkedin.com/in/anna-beispiel',
      title: 'VP Sales',
    });
  });

  it('without one, the columns no guess reads are reported, and their values are not stored', async () => {
    const response = await importCsv(CONNECTIONS).expect(200);
    expect(response.body).toMatchObject({
      unmapped_columns: ['URL', 'Connected On'],
      unknown_columns: ['URL', 'Connected On'],
      mapping: { URL: null, 'Connected On': null, Position: 'title' },
    });
    expect((await stored())[0].linkedinUrl).toBeNull();
  });

  it('as a multipart form field before the file', async () => {
    const response = await request(testApp.server)
      .post('/prospects/import')
      .field('mapping', JSON.stringify(MAPPING))
      .attach('file', Buffer.from(CONNECTIONS), {
        filename: 'Connections.csv',
        contentType: 'text/csv',
      })
      .expect(200);
    expect(response.body).toMatchObject({
      inserted: 1,
      unmapped_columns: ['Connected On'],
      mapping: { URL: 'linkedin_url' },
    });
    expect((await stored())[0].linkedinUrl).toBe('https://www.linkedin.com/in/anna-beispiel');
  });

  it('can ignore a column the guess would import, and send a company column to the company', async () => {
    const csv = ['Name,Title,Org Unit', 'Ben Muster,CTO,Suedwind AG'].join('\n');
    const response = await importCsv(csv, {
      mapping: JSON.stringify({ Title: null, 'Org Unit': 'company_name' }),
    }).expect(200);
    expect(response.body.unmapped_columns).toEqual(['Title']);
    const [ben] = await stored();
    expect(ben.title).toBeNull();
    expect(ben.company).toMatchObject({ name: 'Suedwind AG' });
  });
});

describe('a mapping that is not valid is a 400 naming the problem, and nothing is stored', () => {
  const expect400 = async (response: request.Response, message: string | RegExp) => {
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, request_id: expect.any(String) });
    if (typeof message === 'string') expect(response.body.message).toBe(message);
    else expect(response.body.message).toMatch(message);
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(0);
  };

  it('an unknown field, listing the fields', async () => {
    await expect400(
      await importCsv(CONNECTIONS, { mapping: '{"URL":"linkedin","Position":"ignore"}' }),
      `mapping is not valid: "URL" → "linkedin" is not a field; "Position" → "ignore" is not a field (null ignores a column); ${FIELD_LIST}`,
    );
  });

  it('a column the file does not have, listing the file`s columns', async () => {
    await expect400(
      await importCsv(CONNECTIONS, { mapping: '{"Profile":"linkedin_url"}' }),
      'mapping names a column the file does not have: "Profile"; the file\'s columns: "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"',
    );
  });

  it.each([
    ['text that is not JSON', 'URL=linkedin_url'],
    ['a JSON array', '["URL"]'],
    ['a parameter given twice', ['{}', '{}']],
  ])('%s', async (_case, mapping) => {
    await expect400(
      await importCsv(CONNECTIONS, {}).query({ mapping }),
      /^mapping must be a JSON object of CSV column → field name, or null to ignore the column \(e\.g\. .*\); the fields: name, first_name/,
    );
  });

  it('a form field that is not valid, or a mapping in both the query and the form', async () => {
    const upload = () =>
      request(testApp.server)
        .post('/prospects/import')
        .query({ mapping: '{}' })
        .field('mapping', '{"URL":"linkedin_url"}')
        .attach('file', Buffer.from(CONNECTIONS), 'Connections.csv');
    await expect400(await upload(), /^mapping is given more than once/);
    await expect400(
      await request(testApp.server)
        .post('/prospects/import')
        .field('mapping', '{"URL":"profile"}')
        .attach('file', Buffer.from(CONNECTIONS), 'Connections.csv'),
      /^mapping is not valid: "URL" → "profile" is not a field; the fields: /,
    );
  });
});
