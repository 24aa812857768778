import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import type { ActionContext } from '../../orchestrator/agents/agent.types';
import type {
  CsvImportResult,
  ProspectCsvImportService,
} from './import/prospect-csv-import.service';
import { ProspectsAgent } from './prospects.agent';
import type { ProspectsService } from './prospects.service';
import type { ProspectSetsService } from './sets/prospect-sets.service';

const imported: CsvImportResult = {
  rows: 1,
  inserted: 1,
  updated: 0,
  skipped: 0,
  warnings: 0,
  errors: [],
  errorsTruncated: false,
  unmappedColumns: ['Notes'],
  unknownColumns: [],
  mapping: { Kontakt: 'name', URL: 'linkedinUrl', Notes: null },
  source: 'csv',
  prospectIds: [],
};

function setup() {
  const importer = { import: jest.fn().mockResolvedValue(imported) };
  const prospects = { getMany: jest.fn().mockResolvedValue([]) };
  const agent = new ProspectsAgent(
    prospects as unknown as ProspectsService,
    importer as unknown as ProspectCsvImportService,
    {} as ProspectSetsService,
  );
  const context = { state: { csv: 'Kontakt,URL,Notes\nEva,,\n' } } as unknown as ActionContext;
  return { agent, importer, context };
}

describe('ProspectsAgent.importCsv', () => {
  it('hands the mapping to the importer in its own field names, and reports what it did', async () => {
    const { agent, importer, context } = setup();
    const result = await agent.importCsv(
      { mapping: { Kontakt: 'name', URL: 'LinkedIn URL', Notes: null } },
      context,
    );
    expect(importer.import).toHaveBeenCalledWith(context.state.csv, {
      source: 'csv',
      tags: undefined,
      collectIds: true,
      mapping: { Kontakt: 'name', URL: 'linkedinUrl', Notes: null },
    });
    expect(result.summary).toBe(
      'Imported 1 rows: 1 new, 0 merged, 0 skipped; columns not imported: Notes',
    );
    expect(result.writes?.csv_import).toMatchObject({
      unmapped_columns: ['Notes'],
      mapping: { Kontakt: 'name', URL: 'linkedin_url', Notes: null },
    });
  });

  it('fails for good, listing the fields, on a mapping that names no field', async () => {
    const { agent, importer, context } = setup();
    const error = await agent
      .importCsv({ mapping: { URL: 'profile' } }, context)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({
      retryable: false,
      message: expect.stringMatching(
        /^mapping is not valid: "URL" → "profile" is not a field; the fields: name, first_name, /,
      ),
    });
    expect(importer.import).not.toHaveBeenCalled();
  });
});
