import { ArgumentMetadata, Type, ValidationPipe } from '@nestjs/common';
import { VALIDATION_OPTIONS } from '../../bootstrap/create-app';
import { FastPathValidationPipe } from '../../common/validation/fast-path-validation.pipe';
import { CreateContextDto, createContextFastPath } from './create-context.dto';
import { ReplaceContextDto, replaceContextFastPath } from './replace-context.dto';

const classValidator = new ValidationPipe(VALIDATION_OPTIONS);
const body = (metatype: Type<unknown>): ArgumentMetadata => ({ type: 'body', metatype });
const data = { command: 'Find VPs', toString: 'kept', nested: { list: [1, null, 'x'] } };

/** Bodies the fast paths may see: valid, invalid, and valid but unusual. */
const BODIES: unknown[] = [
  { job_type: 'prospecting', context_data: data },
  { job_id: 'job-1:a_b.c', job_type: 'p', context_data: {} },
  { job_id: 'x'.repeat(128), job_type: 't'.repeat(64), context_data: { a: 1 } },
  { job_id: 'x'.repeat(129), job_type: 't', context_data: {} },
  { job_id: 'bad id', job_type: 't', context_data: {} },
  { job_id: '', job_type: 't', context_data: {} },
  { job_id: 7, job_type: 't', context_data: {} },
  { job_id: null, job_type: 't', context_data: {} },
  { job_type: '', context_data: {} },
  { job_type: 't'.repeat(65), context_data: {} },
  { job_type: '😀'.repeat(40), context_data: {} },
  { job_type: '\uFE0F', context_data: {} },
  { job_type: 5, context_data: {} },
  { job_type: null, context_data: {} },
  { job_type: 't', context_data: [] },
  { job_type: 't', context_data: null },
  { job_type: 't', context_data: 'text' },
  { job_type: 't' },
  { context_data: {} },
  { context_data: { a: 1 }, job_type: 't', extra: 1 },
  { job_type: 't', context_data: {}, job_id: 'ok', version: 2 },
  {},
  [],
  'text',
  null,
  undefined,
];

async function full(value: unknown, metatype: Type<unknown>): Promise<unknown> {
  return classValidator.transform(structuredClone(value), body(metatype)).then(
    (dto) => dto,
    () => 'refused',
  );
}

describe.each([
  ['CreateContextDto', CreateContextDto, createContextFastPath, 2],
  ['ReplaceContextDto', ReplaceContextDto, replaceContextFastPath, 2],
] as const)('the %s fast path', (_name, metatype, fastPath, minimumAccepted) => {
  it('accepts only bodies class-validator accepts, and builds the same DTO', async () => {
    let accepted = 0;
    for (const value of BODIES) {
      const fast = fastPath(structuredClone(value));
      if (fast === undefined) continue;
      accepted++;
      const slow = await full(value, metatype);
      expect({ value, dto: slow }).toEqual({ value, dto: fast });
      expect(fast).toBeInstanceOf(metatype);
    }
    // The fast path must fire on ordinary bodies, or it is dead code.
    expect(accepted).toBeGreaterThanOrEqual(minimumAccepted);
  });

  it('leaves everything else to class-validator, errors included', async () => {
    const pipe = new FastPathValidationPipe(VALIDATION_OPTIONS);
    for (const value of BODIES) {
      const viaPipe = await pipe.transform(structuredClone(value), body(metatype)).then(
        (dto) => dto,
        (error: { getResponse(): unknown }) => error.getResponse(),
      );
      const viaClassValidator = await classValidator
        .transform(structuredClone(value), body(metatype))
        .then(
          (dto) => dto,
          (error: { getResponse(): unknown }) => error.getResponse(),
        );
      expect({ value, result: viaPipe }).toEqual({ value, result: viaClassValidator });
    }
  });
});
