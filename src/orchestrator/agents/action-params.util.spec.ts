import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { paramsJsonSchema, validateParams } from './action-params.util';

class Range {
  @IsInt() @Min(0) min: number;
  @IsOptional() @IsInt() max?: number;
}

class SearchParams {
  @JSONSchema({ description: 'Job titles' })
  @IsArray()
  @IsString({ each: true })
  titles: string[];

  @IsOptional() @ValidateNested() @Type(() => Range) size?: Range;

  @IsOptional() @ValidateNested({ each: true }) @Type(() => Range) ranges?: Range[];

  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
}

describe('paramsJsonSchema', () => {
  it('inlines nested classes and refuses unknown properties', () => {
    const rangeSchema = {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer' } },
      required: ['min'],
      additionalProperties: false,
    };
    expect(paramsJsonSchema(SearchParams)).toEqual({
      type: 'object',
      properties: {
        titles: { type: 'array', items: { type: 'string' }, description: 'Job titles' },
        size: rangeSchema,
        ranges: { type: 'array', items: rangeSchema },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
      },
      required: ['titles'],
      additionalProperties: false,
    });
  });
});

describe('validateParams', () => {
  it('returns an instance of the class for valid input', () => {
    const result = validateParams(SearchParams, { titles: ['CTO'], size: { min: 10 } });
    expect(result.ok && result.value).toBeInstanceOf(SearchParams);
    expect(result.ok && result.value.size).toBeInstanceOf(Range);
  });

  it('names each bad field by its path', () => {
    const result = validateParams(SearchParams, {
      titles: ['CTO', 7],
      size: { min: -1 },
      limit: 500,
      color: 'blue',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual(
      expect.arrayContaining([
        { path: 'params.titles', message: 'each value in titles must be a string' },
        { path: 'params.size.min', message: 'must not be less than 0' },
        { path: 'params.limit', message: 'must not be greater than 100' },
        { path: 'params.color', message: 'property color should not exist' },
      ]),
    );
  });

  it('refuses a NUL character anywhere, naming where', () => {
    expect(validateParams(SearchParams, { titles: ['CTO', 'V\u0000P'] })).toEqual({
      ok: false,
      issues: [{ path: 'params.titles[1]', message: 'must not contain a NUL character' }],
    });
  });

  it('treats missing params as {} and refuses a non-object', () => {
    expect(validateParams(Range, undefined)).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        { path: 'params.min', message: 'must be an integer number' },
      ]),
    });
    expect(validateParams(Range, [1])).toEqual({
      ok: false,
      issues: [{ path: 'params', message: 'must be an object' }],
    });
  });
});
