import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectImportEntity } from '../src/agents/prospects/import/progress/prospect-import.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { PEOPLE_HEADER, peopleRows, streamUpload } from './helpers/streamed-upload';

/** POST /prospects/import/preview: the mapping and the first rows, nothing written. */
let testApp: TestApp;
let dataSource: DataSource;
let baseUrl: string;

beforeAll(async () => {
  testApp = await createTestApp({ env: { IMPORT_MAX_BYTES: '1mb' } });
  dataSource = testApp.app.get(DataSource);
  await testApp.app.listen(0, '127.0.0.1');
  baseUrl = (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1');
});
afterAll(() => testApp.destroy());

const preview = (csv: string, query: Record<string, string> = {}) =>
  request(testApp.server)
    .post('/prospects/import/preview')
    .query(query)
    .set('content-type', 'text/csv')
    .send(csv);

const EUROPEAN = [
  '\uFEFFFirst Name;Last Name;Email;Title;Company;Website;Notizen',
  'Anna;Beispiel;Anna@Nordlicht.example;VP Sales;Nordlicht GmbH;https://www.nordlicht.example;met at the fair',
  ';;not-an-email;CTO;Suedwind AG;;',
  'Ben;Muster;ben@suedwind.example;=HYPERLINK("x","CTO");Suedwind AG;suedwind.example;',
  'Clara;Fischer;clara@wave.example;Head of Growth;Wave Labs;;',
].join('\r\n');

describe('POST /prospects/import/preview', () => {
  it('answers the delimiter, the mapping and the first rows as they would be imported', async () => {
    const response = await preview(EUROPEAN, {
      rows: '3',
      tags: 'fair',
      mapping: '{"Notizen":null}',
    }).expect(200);
    expect(response.body).toMatchObject({
      delimiter: ';',
      encoding: 'utf-8',
      has_bom: true,
      columns: ['First Name', 'Last Name', 'Email', 'Title', 'Company', 'Website', 'Notizen'],
      mapping: {
        'First Name': 'first_name',
        'Last Name': 'last_name',
        Email: 'email',
        Company: 'company_name',
        Notizen: null,
      },
      unmapped_columns: ['Notizen'],
      complete: false,
    });
    const [anna, nobody, ben] = response.body.rows;
    expect(response.body.rows).toHaveLength(3);
    expect(anna).toMatchObject({
      row: 1,
      status: 'ok',
      problems: [],
      prospect: {
        name: 'Anna Beispiel',
        email: 'anna@nordlicht.example',
        seniority: 'vp',
        department: 'Sales',
        tags: ['fair'],
        company: { name: 'Nordlicht GmbH', domain: 'nordlicht.example' },
      },
    });
    expect(nobody).toMatchObject({ row: 2, status: 'skipped', prospect: null });
    expect(nobody.problems[0]).toMatchObject({ row: 2, severity: 'error' });
    expect(ben).toMatchObject({ row: 3, status: 'ok', prospect: { title: 'CTO' } });
    expect(ben.problems[0]).toMatchObject({ field: 'Title', severity: 'warning' });

    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(0);
    expect(await dataSource.getRepository(CompanyEntity).count()).toBe(0);
    expect(await dataSource.getRepository(ProspectImportEntity).count()).toBe(0);
  });

  it('answers every row of a short file, 10 by default', async () => {
    const all = await preview(EUROPEAN).expect(200);
    expect(all.body).toMatchObject({ complete: true });
    expect(all.body.rows).toHaveLength(4);
    const many = await preview(PEOPLE_HEADER + peopleRows(0, 30)).expect(200);
    expect(many.body.rows).toHaveLength(10);
    expect(many.body).toMatchObject({ delimiter: ',', has_bom: false, complete: false });
  });

  it('answers without waiting for the rest of a long upload', async () => {
    const upload = streamUpload(baseUrl, '/prospects/import/preview?rows=5');
    await upload.write(PEOPLE_HEADER + peopleRows(0, 20));
    // The body never ends: the answer must come from its first rows alone.
    const answer = await upload.answer;
    upload.end();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ complete: false });
    expect(answer.body.rows).toHaveLength(5);
    expect(await dataSource.getRepository(ProspectEntity).count()).toBe(0);
  });

  it('refuses bad options and files that cannot be imported, naming the problem', async () => {
    expect((await preview(EUROPEAN, { rows: '51' }).expect(400)).body.message).toContain(
      'rows must be at most 50',
    );
    expect(
      (await preview(EUROPEAN, { mapping: '{"Nope":"email"}' }).expect(400)).body.message,
    ).toContain('Nope');
    expect((await preview('').expect(400)).body.message).toBe('The CSV is empty');
    await request(testApp.server)
      .post('/prospects/import/preview')
      .send({ csv: 'name\nAnna' })
      .expect(415);
  });
});
