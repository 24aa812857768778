import { importTags } from '../utils/import-batch.util';
import { readCsvMapping } from './columns/csv-column-mapping.util';
import type { ImportCsvParams } from './import-csv.params';
import type { CsvImportOptions } from './prospect-csv-import.service';

/**
 * The import a `prospects.import_csv` step makes from its (validated) parameters, or the problem
 * of its column mapping. The action and a plan's preview (a dry run) both go through it.
 */
export function csvImportOptions(
  params: ImportCsvParams,
): { ok: true; options: CsvImportOptions } | { ok: false; problem: string } {
  const mapping = params.mapping === undefined ? undefined : readCsvMapping(params.mapping);
  if (mapping && 'problem' in mapping) return { ok: false, problem: mapping.problem };
  return {
    ok: true,
    options: {
      source: params.source ?? 'csv',
      tags: importTags(params.tags, params.batch),
      collectIds: true,
      mapping: mapping?.mapping,
    },
  };
}
