'use strict';

const fs = require('node:fs');
const { WIDE_COUNTRIES, WIDE_INDUSTRIES, WIDE_TAGS, WIDE_TITLES } = require('./prospects-wide');

/**
 * A fictional Apollo-style export for the import benchmark: people at companies on reserved
 * `.example` domains only, so nothing in it can reach a real person. Deterministic (seeded), with
 * one row in 50 repeating an earlier person (another spelling of the email) so merging is
 * exercised too.
 */
const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Eva',
  'Felix',
  'Greta',
  'Hugo',
  'Ida',
  'Jonas',
  'Klara',
  'Lukas',
  'Mia',
  'Noah',
  'Olivia',
  'Paul',
  'Rosa',
  'Samuel',
  'Tilda',
  'Viktor',
];
const LAST = [
  'Beispiel',
  'Muster',
  'Fischer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Keller',
  'Lang',
  'Frei',
  'Dorf',
  'Brandt',
  'Vogel',
  'Roth',
  'Berger',
  'Wolf',
  'Schuster',
  'Krause',
  'Ernst',
];
const TITLES = [
  'VP of Sales',
  'Head of Sales',
  'Sales Director',
  'Account Executive',
  'CTO',
  'Chief Executive Officer',
  'Founder & CEO',
  'Marketing Manager',
  'VP Marketing',
  'Head of Growth',
  'Senior Software Engineer',
  'Engineering Manager',
  'CFO',
  'Head of People',
  'Customer Success Manager',
  'Business Development Representative',
  'Director of Operations',
  'Product Manager',
  'Chief Revenue Officer',
  'Data Analyst',
];
const INDUSTRIES = [
  'Computer Software',
  'Information Technology & Services',
  'Financial Services',
  'Hospital & Health Care',
  'Logistics & Supply Chain',
  'Marketing & Advertising',
  'Retail',
  'Renewables & Environment',
  'Machinery',
  'E-Learning',
];
const PLACES = [
  ['Berlin', 'Germany'],
  ['Munich', 'Germany'],
  ['Hamburg', 'Germany'],
  ['Vienna', 'Austria'],
  ['Zurich', 'Switzerland'],
  ['London', 'United Kingdom'],
  ['Paris', 'France'],
  ['Amsterdam', 'Netherlands'],
  ['Stockholm', 'Sweden'],
  ['Madrid', 'Spain'],
  ['Milan', 'Italy'],
  ['Copenhagen', 'Denmark'],
  ['Dublin', 'Ireland'],
];
const WORDS = [
  'Nord',
  'Sued',
  'Alpen',
  'Blue',
  'Bright',
  'Core',
  'Data',
  'Flow',
  'Green',
  'Iron',
  'Lumen',
  'Nova',
  'Peak',
  'Quant',
  'River',
  'Solar',
  'Terra',
  'Vertex',
  'Wave',
  'Zen',
];
const SUFFIXES = ['GmbH', 'AG', 'Ltd', 'SAS', 'BV', 'AB', 'Labs', 'Systems'];

/** The vocabulary of a file: `narrow` (the default, the prospects part's) or `wide`. */
function vocabulary(variety) {
  if (variety !== 'wide') {
    return { titles: TITLES, industries: INDUSTRIES, places: PLACES, tags: () => 'saas, b2b' };
  }
  return {
    titles: [...TITLES, ...WIDE_TITLES],
    industries: [...INDUSTRIES, ...WIDE_INDUSTRIES],
    places: WIDE_COUNTRIES.flatMap(([country, ...cities]) => cities.map((city) => [city, country])),
    // Company sizes spread over orders of magnitude, as in a real database.
    employees: (next) => Math.round(Math.exp(next() * Math.log(50_000))),
    tags: (next) =>
      Array.from(
        { length: 1 + Math.floor(next() * 3) },
        () => WIDE_TAGS[Math.floor(next() * WIDE_TAGS.length)],
      ).join(', '),
  };
}

const HEADER =
  'First Name,Last Name,Email,Title,Company,Website,Industry,# Employees,City,Country,Person Linkedin Url,Keywords';

/** A small seeded PRNG (mulberry32), so every run imports the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function company(index, next, words) {
  const name = `${WORDS[index % WORDS.length]}${WORDS[Math.floor(index / WORDS.length) % WORDS.length].toLowerCase()} ${index} ${SUFFIXES[index % SUFFIXES.length]}`;
  return {
    name,
    domain: `company${index}.example`,
    industry: words.industries[index % words.industries.length],
    employees: words.employees ? words.employees(next) : 5 + Math.floor(next() * 5000),
    place: words.places[index % words.places.length],
  };
}

/** One data row for person `n` (quoted where a field may hold a comma or an ampersand). */
function row(n, next, companies, words) {
  const first = FIRST[n % FIRST.length];
  const last = `${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n}`;
  const c = companies[Math.floor(next() * companies.length)];
  const title = words.titles[Math.floor(next() * words.titles.length)];
  return [
    first,
    last,
    `${first}.${last}@${c.domain}`.toLowerCase(),
    `"${title}"`,
    `"${c.name}"`,
    `https://www.${c.domain}`,
    `"${c.industry}"`,
    String(c.employees),
    c.place[0],
    c.place[1],
    `https://www.linkedin.com/in/${first}-${last}`.toLowerCase(),
    `"${words.tags(next)}"`,
  ].join(',');
}

/**
 * Writes `rows` data rows to `file`; resolves { rows, bytes, duplicates }. `variety`: `narrow` (the
 * default) or `wide` (see prospects-wide.js). `firstPerson` numbers the people from there, so that
 * files of one run hold different people.
 */
async function writeProspectsCsv(
  file,
  rows,
  seed = 42,
  { variety = 'narrow', firstPerson = 0 } = {},
) {
  const next = random(seed);
  const words = vocabulary(variety);
  const companies = Array.from({ length: Math.max(1, Math.round(rows / 10)) }, (_, i) =>
    company(i, next, words),
  );
  const out = fs.createWriteStream(file);
  const write = (text) =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve));
  await write(`${HEADER}\n`);
  let chunk = [];
  let duplicates = 0;
  for (let i = 0; i < rows; i++) {
    // One row in 50 is an earlier person again (upper-case email: the same after normalising).
    const isDuplicate = i > 0 && i % 50 === 0;
    if (isDuplicate) duplicates++;
    const person = firstPerson + (isDuplicate ? Math.floor(next() * i) : i);
    let line = row(person, random(seed + person * 7919), companies, words);
    if (isDuplicate)
      line = line.replace(/^([^,]*,[^,]*,)([^,]*)/, (_, a, b) => a + b.toUpperCase());
    chunk.push(line);
    if (chunk.length === 1000) {
      await write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${chunk.join('\n')}\n`);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { rows, bytes: fs.statSync(file).size, duplicates };
}

module.exports = { writeProspectsCsv };
