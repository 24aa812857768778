import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * One small, realistic export per tool, imported as is: the columns land in the right fields.
 * Headers are those the tools write (Sales Navigator through the usual lead exporters).
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

async function importAndRead(csv: string) {
  const response = await request(testApp.server)
    .post('/prospects/import')
    .set('content-type', 'text/csv; charset=utf-8')
    .send(csv)
    .expect(200);
  const prospects = await dataSource
    .getRepository(ProspectEntity)
    .find({ order: { name: 'ASC' }, relations: { company: true } });
  return { result: response.body, prospects };
}

it('LinkedIn Sales Navigator', async () => {
  const csv = [
    'First Name,Last Name,Job Title,Account Name,Company Website,Profile URL,Geography,Industry,Company Size,Company Location',
    'Anna,Beispiel,Vice President Sales,Nordlicht Software GmbH,https://nordlicht.example,https://www.linkedin.com/in/anna-beispiel-123/,"Berlin, Berlin, Germany",Software Development,51-200 employees,"Hamburg, Germany"',
    'Jonas,Kühn,Head of Revenue Operations,Alpen Data AG,alpendata.example,https://www.linkedin.com/sales/lead/ACwAAB1,Switzerland,IT Services and IT Consulting,"1,001-5,000",Zurich',
  ].join('\n');
  const { result, prospects } = await importAndRead(csv);
  expect(result).toMatchObject({ rows: 2, inserted: 2, skipped: 0, unknown_columns: [] });
  const [anna, jonas] = prospects;
  expect(anna).toMatchObject({
    name: 'Anna Beispiel',
    firstName: 'Anna',
    lastName: 'Beispiel',
    title: 'Vice President Sales',
    seniority: 'vp',
    department: 'Sales',
    city: 'Berlin',
    country: 'Germany',
    linkedinUrl: 'https://www.linkedin.com/in/anna-beispiel-123',
  });
  expect(anna.company).toMatchObject({
    name: 'Nordlicht Software GmbH',
    domain: 'nordlicht.example',
    websiteUrl: 'https://nordlicht.example',
    industry: 'Software Development',
    employeeCount: 51,
    city: 'Hamburg',
    country: 'Germany',
  });
  expect(jonas).toMatchObject({
    country: 'Switzerland',
    seniority: 'director',
    linkedinUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1',
  });
  expect(jonas.company).toMatchObject({
    employeeCount: 1001,
    websiteUrl: 'https://alpendata.example',
  });
});

it('Apollo', async () => {
  const csv = [
    'First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Seniority,Departments,Person Linkedin Url,Website,Company Linkedin Url,Industry,# Employees,City,State,Country,Company City,Company Country,Keywords',
    'Lena,Schulz,Chief Revenue Officer,Brightwave,Brightwave,lena@brightwave.example,Verified,c_suite,"master_sales, master_marketing",http://www.linkedin.com/in/lenaschulz,http://www.brightwave.example,http://www.linkedin.com/company/brightwave,computer software,240,Munich,Bavaria,Germany,Munich,Germany,"saas, b2b, sales automation"',
    'Tom,Reed,Account Executive,Corevia,Corevia,tom@corevia.example,Verified,senior,master_sales,,corevia.example,,information technology & services,"1,500",London,England,United Kingdom,London,United Kingdom,',
  ].join('\n');
  const { result, prospects } = await importAndRead(csv);
  expect(result).toMatchObject({ rows: 2, inserted: 2, skipped: 0 });
  expect(result.unknown_columns).toEqual(['Email Status', 'Company Linkedin Url', 'State']);
  const [lena, tom] = prospects;
  expect(lena).toMatchObject({
    name: 'Lena Schulz',
    email: 'lena@brightwave.example',
    title: 'Chief Revenue Officer',
    seniority: 'c_level',
    department: 'Sales',
    city: 'Munich',
    country: 'Germany',
    linkedinUrl: 'https://www.linkedin.com/in/lenaschulz',
    tags: ['saas', 'b2b', 'sales automation'],
  });
  expect(lena.company).toMatchObject({
    name: 'Brightwave',
    domain: 'brightwave.example',
    websiteUrl: 'http://www.brightwave.example',
    industry: 'computer software',
    employeeCount: 240,
    city: 'Munich',
    country: 'Germany',
  });
  expect(tom).toMatchObject({ seniority: 'senior', country: 'United Kingdom' });
  expect(tom.company).toMatchObject({ employeeCount: 1500, domain: 'corevia.example' });
});

it('HubSpot', async () => {
  const csv = [
    'Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Website URL,Industry,Number of Employees,City,State/Region,Country/Region,LinkedIn URL,Lifecycle Stage',
    '101,Sofia,García,sofia.garcia@solara.example,+34 600 000 000,Director of Marketing,Solara Energía,solara.example,Renewables & Environment,85,Madrid,Madrid,Spain,https://es.linkedin.com/in/sofiagarcia,lead',
    '102,,,info@kontor.example,,,Kontor Logistik,,Logistics,,,,Germany,,subscriber',
  ].join('\n');
  const { result, prospects } = await importAndRead(csv);
  expect(result).toMatchObject({ rows: 2, inserted: 2, skipped: 0 });
  expect(result.unknown_columns).toEqual([
    'Record ID',
    'Phone Number',
    'State/Region',
    'Lifecycle Stage',
  ]);
  // Names sort in binary order: upper case first.
  const [sofia, kontor] = prospects;
  expect(sofia).toMatchObject({
    name: 'Sofia García',
    email: 'sofia.garcia@solara.example',
    title: 'Director of Marketing',
    seniority: 'director',
    department: 'Marketing',
    city: 'Madrid',
    country: 'Spain',
    linkedinUrl: 'https://www.linkedin.com/in/sofiagarcia',
  });
  expect(sofia.company).toMatchObject({
    name: 'Solara Energía',
    domain: 'solara.example',
    websiteUrl: 'https://solara.example',
    industry: 'Renewables & Environment',
    employeeCount: 85,
  });
  // Only an email: the name is the address, the company's domain comes from it.
  expect(kontor).toMatchObject({ name: 'info@kontor.example', country: 'Germany' });
  expect(kontor.company).toMatchObject({ name: 'Kontor Logistik', domain: 'kontor.example' });
});

it('plain column names, in any case and punctuation', async () => {
  const csv = [
    'FULL_NAME;E-Mail;job-title;Company;Domain;Country;City;Employees;Tags;Notes',
    'Mia Wolf;mia.wolf@gmail.com;CTO;Wolf Robotics;wolfrobotics.example;Austria;Graz;12;robotics;met at fair',
  ].join('\n');
  const { result, prospects } = await importAndRead(csv);
  expect(result).toMatchObject({ rows: 1, inserted: 1, unknown_columns: ['Notes'] });
  const [mia] = prospects;
  expect(mia).toMatchObject({
    name: 'Mia Wolf',
    email: 'mia.wolf@gmail.com',
    seniority: 'c_level',
    department: 'Engineering',
    city: 'Graz',
    country: 'Austria',
    tags: ['robotics'],
  });
  // The domain column wins; a free-mail address never names the company.
  expect(mia.company).toMatchObject({
    domain: 'wolfrobotics.example',
    websiteUrl: 'https://wolfrobotics.example',
    employeeCount: 12,
  });
});

it('entity-prefixed headers: the company`s columns fill the company, never the person', async () => {
  const csv = [
    'Person Name,Contact Email,Person Title,Person Linkedin Url,Person Phone,Company Name,Company Industry,Company Headcount,Company Domain,Company Website,Company Location,Company LinkedIn Url,Company Phone',
    'Eva Nord,eva@fjord.example,Head of Sales,https://www.linkedin.com/in/eva-nord,+49 30 1,Fjord Analytics GmbH,Computer Software,51-200,fjord.example,https://www.fjord.example,"Hamburg, Germany",https://www.linkedin.com/company/fjord,+49 40 2',
  ].join('\n');
  const { result, prospects } = await importAndRead(csv);
  expect(result).toMatchObject({
    rows: 1,
    inserted: 1,
    skipped: 0,
    unknown_columns: ['Person Phone', 'Company LinkedIn Url', 'Company Phone'],
  });
  const [eva] = prospects;
  expect(eva).toMatchObject({
    name: 'Eva Nord',
    email: 'eva@fjord.example',
    title: 'Head of Sales',
    linkedinUrl: 'https://www.linkedin.com/in/eva-nord',
  });
  expect(eva.company).toMatchObject({
    name: 'Fjord Analytics GmbH',
    domain: 'fjord.example',
    websiteUrl: 'https://www.fjord.example',
    industry: 'Computer Software',
    employeeCount: 51,
    city: 'Hamburg',
    country: 'Germany',
  });
});
