import { fromStrictOutput, toStrictSchema } from './strict-schema.util';

const schema = {
  type: 'object',
  properties: {
    titles: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 5 },
    tone: { type: 'string', enum: ['friendly', 'formal'] },
    values: { type: 'object', description: 'Any values' },
    size: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer' } },
      required: ['min'],
      additionalProperties: false,
    },
  },
  required: ['titles'],
  additionalProperties: false,
};

describe('toStrictSchema', () => {
  it('requires every property, makes optional ones nullable and closes every object', () => {
    expect(toStrictSchema(schema)).toEqual({
      type: 'object',
      properties: {
        titles: { type: 'array', items: { type: 'string' }, maxItems: 5 },
        tone: { type: ['string', 'null'], enum: ['friendly', 'formal', null] },
        values: {
          type: ['string', 'null'],
          description: 'Any values A JSON object, encoded as a string.',
        },
        size: {
          type: ['object', 'null'],
          properties: {
            min: { type: 'integer', minimum: 0 },
            max: { type: ['integer', 'null'] },
          },
          required: ['min', 'max'],
          additionalProperties: false,
        },
      },
      required: ['titles', 'tone', 'values', 'size'],
      additionalProperties: false,
    });
  });
});

describe('fromStrictOutput', () => {
  it('drops nulls of optional fields and decodes JSON-encoded objects', () => {
    const answer = {
      titles: ['VP of Sales'],
      tone: null,
      values: '{"icp":{"countries":["Germany"]}}',
      size: { min: 50, max: null },
    };
    expect(fromStrictOutput(schema, answer)).toEqual({
      titles: ['VP of Sales'],
      values: { icp: { countries: ['Germany'] } },
      size: { min: 50 },
    });
  });

  it('keeps a null the schema requires, and a string that is not JSON, for validation to report', () => {
    const strictRequired = {
      type: 'object',
      properties: { a: { type: 'object' } },
      required: ['a'],
    };
    expect(fromStrictOutput(strictRequired, { a: 'not json' })).toEqual({ a: 'not json' });
    expect(fromStrictOutput(schema, { titles: null })).toEqual({ titles: null });
  });

  it('drops the nulls of the variant of an anyOf that the value was written for', () => {
    const steps = {
      type: 'array',
      items: {
        anyOf: [
          {
            type: 'object',
            properties: { type: { enum: ['email'] }, subject: { type: 'string' } },
            required: ['type', 'subject'],
          },
          {
            type: 'object',
            properties: { type: { enum: ['email'] }, draft: { enum: ['llm'] }, note: {} },
            required: ['type', 'draft'],
          },
          {
            type: 'object',
            properties: { type: { enum: ['wait'] }, days: {}, business_days: {} },
            required: ['type'],
          },
        ],
      },
    };
    expect(
      fromStrictOutput(steps, [
        { type: 'email', subject: 'Hi' },
        { type: 'email', draft: 'llm', note: null },
        { type: 'wait', days: null, business_days: 3 },
        { type: 'call', days: null },
      ]),
    ).toEqual([
      { type: 'email', subject: 'Hi' },
      { type: 'email', draft: 'llm' },
      { type: 'wait', business_days: 3 },
      { type: 'call', days: null },
    ]);
  });
});
