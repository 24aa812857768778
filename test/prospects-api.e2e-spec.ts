import request from 'supertest';
import type { ProspectInput } from '../src/agents/prospects/upsert/prospect-input.types';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { createTestApp, TestApp } from './helpers/create-test-app';

const nordlicht = {
  name: 'Nordlicht Software GmbH',
  domain: 'nordlicht.example',
  industry: 'Software',
  employeeCount: 120,
  city: 'Berlin',
  country: 'Germany',
};
const alpenglanz = {
  name: 'Alpenglanz Fintech AG',
  websiteUrl: 'https://www.alpenglanz.example/',
  industry: 'Fintech',
  employeeCount: 800,
  city: 'Vienna',
  country: 'Austria',
};
const brightfjord = {
  name: 'Brightfjord AB',
  domain: 'brightfjord.example',
  industry: 'Software Development',
  employeeCount: 40,
  city: 'Stockholm',
  country: 'Sweden',
};
const quillon = {
  name: 'Quillon Ltd',
  domain: 'quillon.example',
  industry: 'IT Services and IT Consulting',
  employeeCount: 3000,
  city: 'London',
  country: 'United Kingdom',
};
const harborix = {
  name: 'Harborix SAS',
  domain: 'harborix.example',
  industry: 'Hospitality',
  employeeCount: 250,
  city: 'Paris',
  country: 'France',
};

/**
 * Ten fictional prospects whose first names run A to J in name order, chosen so that every
 * search filter keeps some and drops others.
 */
export const FIXTURE_PROSPECTS: ProspectInput[] = [
  {
    name: 'Anna Beispielmann',
    email: 'anna@nordlicht.example',
    title: 'VP of Sales',
    tags: ['webinar'],
    company: nordlicht,
  },
  { name: 'Ben Mustermann', title: 'Vice President, Sales', company: alpenglanz },
  {
    name: 'Clara Exempelsson',
    title: 'SVP Sales',
    tags: ['VIP'],
    linkedinUrl: 'https://www.linkedin.com/in/clara-exempelsson',
    company: brightfjord,
  },
  { name: 'David Examplewood', title: 'Sales Manager', company: quillon },
  { name: 'Eva Probehofer', title: 'Director of Engineering', city: 'Munich', company: nordlicht },
  { name: 'Felix Demoberg', title: 'CTO', company: alpenglanz },
  {
    name: 'Gina Exempleau',
    title: 'Head of Marketing',
    tags: ['webinar', 'event-lead'],
    company: harborix,
  },
  { name: 'Hugo Samplefield', title: 'Founder & CEO', optedOut: true, company: brightfjord },
  {
    name: 'Iris Placeholder',
    email: 'iris@quillon.example',
    title: 'Account Executive',
    city: 'Manchester',
    company: quillon,
  },
  { name: 'Jonas Beispieler', title: 'VP of Marketing', company: nordlicht },
];

/** GET/PATCH/DELETE /prospects and opt-out, over ten known prospects (no sample data). */
let testApp: TestApp;
let ids: Record<string, string>;

beforeAll(async () => {
  testApp = await createTestApp({
    env: { SEED_SAMPLE_DATA: 'false' },
  });
  const outcomes = await testApp.app.get(ProspectUpsertService).upsertMany(FIXTURE_PROSPECTS);
  ids = Object.fromEntries(
    outcomes.map((outcome, index) => [
      FIXTURE_PROSPECTS[index].name!.split(' ')[0],
      (outcome as { id: string }).id,
    ]),
  );
});
afterAll(() => testApp.destroy());

type Page = { items: { name: string }[]; total: number; skip: number; limit: number };

/** First names of the prospects GET /prospects finds for a query string. */
async function find(query: string): Promise<string[]> {
  const response = await request(testApp.server).get(`/prospects?${query}`).expect(200);
  const page = response.body as Page;
  expect(page.total).toBe(page.items.length);
  return page.items.map((item) => item.name.split(' ')[0]);
}

async function badRequest(query: string): Promise<string> {
  const response = await request(testApp.server).get(`/prospects?${query}`).expect(400);
  return response.body.message as string;
}

describe('GET /prospects', () => {
  it('lists every prospect by name with its company when unfiltered', async () => {
    const response = await request(testApp.server).get('/prospects?limit=100').expect(200);
    expect(response.body.total).toBe(10);
    expect(response.body.items.map((item: { name: string }) => item.name[0]).join('')).toBe(
      'ABCDEFGHIJ',
    );
    expect(response.body.items[0]).toMatchObject({
      id: ids.Anna,
      name: 'Anna Beispielmann',
      email: 'anna@nordlicht.example',
      title: 'VP of Sales',
      seniority: 'vp',
      department: 'Sales',
      city: 'Berlin',
      country: 'Germany',
      tags: ['webinar'],
      opted_out: false,
      company: {
        name: 'Nordlicht Software GmbH',
        domain: 'nordlicht.example',
        website_url: 'https://nordlicht.example',
        industry: 'Software',
        employee_count: 120,
      },
    });
    expect(response.body.items[0]).not.toHaveProperty('title_words');
  });

  it('filters by title: the words of any title, at the start of title words', async () => {
    expect(await find('title=VP%20Sales')).toEqual(['Anna', 'Ben', 'Clara']);
    expect(await find('title=vice%20president%20of%20sales')).toEqual(['Anna', 'Ben', 'Clara']);
    expect(await find('title=CTO')).toEqual(['Felix']);
    expect(await find('title=VP%20Sales,CTO')).toEqual(['Anna', 'Ben', 'Clara', 'Felix']);
    expect(await find('title=VP%20Sales&title=head')).toEqual(['Anna', 'Ben', 'Clara', 'Gina']);
    expect(await find('title=engineer')).toEqual(['Eva']);
    expect(await find('title=ales')).toEqual([]);
  });

  it('filters by seniority, derived from the title', async () => {
    expect(await find('seniority=vp')).toEqual(['Anna', 'Ben', 'Clara', 'Jonas']);
    expect(await find('seniority=director,founder')).toEqual(['Eva', 'Gina', 'Hugo']);
  });

  it('takes a title OR a seniority when both are given', async () => {
    expect(await find('title=Sales%20Manager&seniority=founder')).toEqual(['David', 'Hugo']);
  });

  it('filters by department, case-insensitively', async () => {
    expect(await find('department=sales')).toEqual(['Anna', 'Ben', 'Clara', 'David', 'Iris']);
    expect(await find('department=Engineering,MARKETING')).toEqual([
      'Eva',
      'Felix',
      'Gina',
      'Jonas',
    ]);
  });

  it('filters by industry as whole words, SaaS meaning Software', async () => {
    const software = ['Anna', 'Clara', 'Eva', 'Hugo', 'Jonas'];
    expect(await find('industry=software')).toEqual(software);
    expect(await find('industry=SaaS')).toEqual(software);
    expect(await find('industry=IT')).toEqual(['David', 'Iris']);
    expect(await find('industry=fintech,hospitality')).toEqual(['Ben', 'Felix', 'Gina']);
  });

  it('filters by country and city, the prospect’s own or else the company’s', async () => {
    expect(await find('country=germany,Austria')).toEqual(['Anna', 'Ben', 'Eva', 'Felix', 'Jonas']);
    expect(await find('country=United%20Kingdom')).toEqual(['David', 'Iris']);
    expect(await find('city=Berlin')).toEqual(['Anna', 'Jonas']);
    expect(await find('city=munich,MANCHESTER')).toEqual(['Eva', 'Iris']);
  });

  it('filters by company size, bounds included', async () => {
    expect(await find('employees_min=120&employees_max=800')).toEqual([
      'Anna',
      'Ben',
      'Eva',
      'Felix',
      'Gina',
      'Jonas',
    ]);
    expect(await find('employees_min=801')).toEqual(['David', 'Iris']);
    expect(await find('employees_max=40')).toEqual(['Clara', 'Hugo']);
  });

  it('searches free text in name, email, title and company, every word', async () => {
    expect(await find('q=nordlicht')).toEqual(['Anna', 'Eva', 'Jonas']);
    expect(await find('q=ANNA')).toEqual(['Anna']);
    expect(await find('q=iris%40quillon')).toEqual(['Iris']);
    expect(await find('q=engineering')).toEqual(['Eva']);
    expect(await find('q=eva%20nordlicht')).toEqual(['Eva']);
    expect(await find('q=eva%20alpenglanz')).toEqual([]);
    expect(await find('q=100%25')).toEqual([]);
    // Control characters separate words; a NUL (which Postgres cannot take) is refused, naming q.
    expect(await find('q=nordlicht%01eva')).toEqual(['Eva']);
    expect(await find('q=%1Fanna')).toEqual(['Anna']);
    const nul = await request(testApp.server).get('/prospects?q=%00anna').expect(400);
    expect(nul.body.message).toBe('q must not contain a NUL character (\\u0000)');
  });

  it('finds free-text words anywhere in a field, short words too, never across two fields', async () => {
    // Inside a word (the trigram index on SQLite), and words of one or two letters (by scan).
    expect(await find('q=ispielm')).toEqual(['Anna']);
    expect(await find('q=glanz%20ct')).toEqual(['Felix']);
    expect(await find('q=ag%20ben')).toEqual(['Ben']);
    // "placeholder" ends Iris's name and "account" starts her title: no word spans both.
    expect(await find('q=holderaccount')).toEqual([]);
    expect(await find('q=%22anna%22')).toEqual([]);
  });

  it('filters by tag, whole tags, case-insensitively', async () => {
    expect(await find('tag=webinar')).toEqual(['Anna', 'Gina']);
    expect(await find('tag=vip,event-lead')).toEqual(['Clara', 'Gina']);
    expect(await find('tag=event')).toEqual([]);
  });

  it('filters by opt-out', async () => {
    expect(await find('opted_out=true')).toEqual(['Hugo']);
    expect(await find('opted_out=false')).toHaveLength(9);
  });

  it('applies different filters together', async () => {
    expect(await find('title=VP%20Sales&country=Germany')).toEqual(['Anna']);
    expect(await find('seniority=vp&industry=software&employees_max=100')).toEqual(['Clara']);
  });

  it('pages through the matches with the total', async () => {
    const first = await request(testApp.server).get('/prospects?limit=3').expect(200);
    expect(first.body).toMatchObject({ total: 10, skip: 0, limit: 3 });
    expect(first.body.items.map((item: { name: string }) => item.name[0])).toEqual(['A', 'B', 'C']);
    const second = await request(testApp.server).get('/prospects?skip=3&limit=3').expect(200);
    expect(second.body.items.map((item: { name: string }) => item.name[0])).toEqual([
      'D',
      'E',
      'F',
    ]);
    const last = await request(testApp.server).get('/prospects?skip=9').expect(200);
    expect(last.body).toMatchObject({ total: 10, skip: 9, limit: 20 });
    expect(last.body.items).toHaveLength(1);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    expect(await badRequest('limit=101')).toMatch(/limit must not be greater than 100/);
    expect(await badRequest('skip=-1')).toMatch(/skip/);
    expect(await badRequest('seniority=boss')).toMatch(/seniority must be one of founder, c_level/);
    expect(await badRequest('employees_min=abc')).toMatch(/employees_min must be a whole number/);
    expect(await badRequest('employees_min=500&employees_max=100')).toMatch(
      /employees_max must not be less than employees_min/,
    );
    expect(await badRequest('opted_out=maybe')).toMatch(/opted_out must be true or false/);
    expect(await badRequest('colour=red')).toMatch(/property colour should not exist/);
    expect(await badRequest(`title=${'x'.repeat(201)}`)).toMatch(/title must be at most 200/);
  });

  it('ignores empty list filters', async () => {
    expect(await find('country=&title=,')).toHaveLength(10);
  });
});

describe('GET /prospects/{id}', () => {
  it('returns one prospect', async () => {
    const response = await request(testApp.server).get(`/prospects/${ids.Clara}`).expect(200);
    expect(response.body).toMatchObject({
      name: 'Clara Exempelsson',
      linkedin_url: 'https://www.linkedin.com/in/clara-exempelsson',
      seniority: 'vp',
      company: { domain: 'brightfjord.example', industry: 'Software Development' },
    });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await request(testApp.server)
      .get('/prospects/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(missing.body.message).toMatch(/No prospect with id/);
    const bad = await request(testApp.server).get('/prospects/not-a-uuid').expect(400);
    expect(bad.body.message).toBe('id must be a UUID');
  });
});

describe('PATCH /prospects/{id}', () => {
  it('updates fields, re-derives the seniority of a new title and clears with null', async () => {
    const response = await request(testApp.server)
      .patch(`/prospects/${ids.David}`)
      .send({
        title: 'Head of Sales',
        tags: ['priority', 'Priority'],
        city: null,
        email: 'David@Quillon.EXAMPLE',
      })
      .expect(200);
    expect(response.body).toMatchObject({
      title: 'Head of Sales',
      seniority: 'director',
      tags: ['priority'],
      city: null,
      email: 'david@quillon.example',
    });
    expect(await find('title=head%20of%20sales')).toEqual(['David']);
    const explicit = await request(testApp.server)
      .patch(`/prospects/${ids.David}`)
      .send({ title: 'Sales Manager', seniority: 'manager', city: 'London' })
      .expect(200);
    expect(explicit.body).toMatchObject({ title: 'Sales Manager', seniority: 'manager' });
  });

  it('keeps free-text search in step with a changed name, email or title', async () => {
    expect(await find('q=examplewood')).toEqual(['David']);
    await request(testApp.server)
      .patch(`/prospects/${ids.David}`)
      .send({ name: 'David Renamedsson', email: 'dr@quillon.example' })
      .expect(200);
    expect(await find('q=examplewood')).toEqual([]);
    expect(await find('q=renamedsson')).toEqual(['David']);
    expect(await find('q=dr%40quillon')).toEqual(['David']);
    // The company's name still counts after the change.
    expect(await find('q=renamedsson%20quillon')).toEqual(['David']);
    await request(testApp.server)
      .patch(`/prospects/${ids.David}`)
      .send({ name: 'David Examplewood', email: null })
      .expect(200);
    expect(await find('q=examplewood')).toEqual(['David']);
    expect(await find('q=renamedsson')).toEqual([]);
  });

  it('refuses invalid changes with 400 naming the field', async () => {
    const patch = (body: object) =>
      request(testApp.server).patch(`/prospects/${ids.Eva}`).send(body).expect(400);
    expect((await patch({ email: 'nope' })).body.message).toMatch(/email must be an email address/);
    expect((await patch({ seniority: 'boss' })).body.message).toMatch(/seniority must be one of/);
    expect((await patch({ name: null })).body.message).toMatch(/name must be a string/);
    expect((await patch({ name: '  ' })).body.message).toMatch(/name must not be blank/);
    expect((await patch({ opted_out: false })).body.message).toMatch(
      /property opted_out should not exist/,
    );
    expect((await patch({ tags: 'vip' })).body.message).toMatch(/tags must be an array/);
    expect((await patch({ linkedin_url: 'javascript:alert(1)' })).body.message).toMatch(
      /linkedin_url must be an http\(s\) URL/,
    );
  });

  it('answers 409 when the email or LinkedIn URL belongs to another prospect', async () => {
    const email = await request(testApp.server)
      .patch(`/prospects/${ids.Eva}`)
      .send({ email: 'ANNA@nordlicht.example' })
      .expect(409);
    expect(email.body.message).toBe(`email already belongs to prospect "${ids.Anna}"`);
    await request(testApp.server)
      .patch(`/prospects/${ids.Eva}`)
      .send({ linkedin_url: 'https://linkedin.com/in/Clara-Exempelsson/' })
      .expect(409);
    // Its own email again is no conflict.
    await request(testApp.server)
      .patch(`/prospects/${ids.Anna}`)
      .send({ email: 'anna@nordlicht.example' })
      .expect(200);
  });

  it('answers 404 for an unknown id', async () => {
    await request(testApp.server)
      .patch('/prospects/00000000-0000-4000-8000-000000000000')
      .send({ title: 'CEO' })
      .expect(404);
  });
});

describe('POST /prospects/{id}/opt-out', () => {
  it('opts a prospect out once and for all', async () => {
    const first = await request(testApp.server).post(`/prospects/${ids.Gina}/opt-out`).expect(200);
    expect(first.body.opted_out).toBe(true);
    expect(Date.parse(first.body.opted_out_at)).not.toBeNaN();
    const again = await request(testApp.server).post(`/prospects/${ids.Gina}/opt-out`).expect(200);
    expect(again.body.opted_out_at).toBe(first.body.opted_out_at);
    expect(await find('opted_out=true')).toEqual(['Gina', 'Hugo']);
    await request(testApp.server)
      .post('/prospects/00000000-0000-4000-8000-000000000000/opt-out')
      .expect(404);
  });
});

describe('DELETE /prospects/{id}', () => {
  it('deletes, then answers 404', async () => {
    await request(testApp.server).delete(`/prospects/${ids.Jonas}`).expect(204);
    await request(testApp.server).get(`/prospects/${ids.Jonas}`).expect(404);
    await request(testApp.server).delete(`/prospects/${ids.Jonas}`).expect(404);
    expect(await find('q=nordlicht')).toEqual(['Anna', 'Eva']);
    // Its free-text entry went with it: a prospect stored next cannot be found by its words.
    const [added] = await testApp.app
      .get(ProspectUpsertService)
      .upsertMany([{ name: 'Karl Neuling', company: harborix }]);
    expect(await find('q=beispieler')).toEqual([]);
    expect(await find('q=neuling')).toEqual(['Karl']);
    await request(testApp.server)
      .delete(`/prospects/${(added as { id: string }).id}`)
      .expect(204);
    expect(await find('q=neuling')).toEqual([]);
  });
});
