import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';
import { importBatchTag, importTags } from './import-batch.util';

describe('import batches', () => {
  it('tags the rows of a named import with import:<name>', () => {
    expect(importBatchTag('apollo-nov')).toBe('import:apollo-nov');
    expect(importTags(['webinar'], 'apollo-nov')).toEqual(['webinar', 'import:apollo-nov']);
  });

  it('adds nothing for an unnamed import', () => {
    expect(importTags(['webinar'])).toEqual(['webinar']);
    expect(importTags(undefined)).toBeUndefined();
    expect(importTags(undefined, 'x')).toEqual(['import:x']);
  });

  it('takes names as a source: letters, digits, _ . : -, at most 64', () => {
    expect(IMPORT_BATCH_NAME.test('apollo_2026.11:q4-a')).toBe(true);
    expect(IMPORT_BATCH_NAME.test('two words')).toBe(false);
    expect(IMPORT_BATCH_NAME.test('x'.repeat(65))).toBe(false);
  });
});
