import type { EnrollmentsService } from '../enrollments.service';
import { DEFAULT_SETTINGS } from '../sequence.types';
import type { SequencesService } from '../sequences.service';
import { JobSequenceService } from './job-sequence.service';

const definition = {
  name: 'VPs of Sales',
  steps: [{ type: 'email' as const, draft: 'llm' as const }],
  settings: DEFAULT_SETTINGS,
};

function setup(existing: { id: string; name: string } | null) {
  const sequences = {
    find: jest.fn().mockResolvedValue(existing),
    create: jest.fn().mockImplementation((input: { id: string; name: string }) => ({ ...input })),
  };
  const enrollments = {
    enrol: jest.fn().mockImplementation((_id: string, target: { prospectIds: string[] }) => ({
      enrolled: target.prospectIds.filter((id) => id.startsWith('new')).map((id) => ({ id })),
      skipped: target.prospectIds
        .filter((id) => !id.startsWith('new'))
        .map((prospectId) => ({
          prospectId,
          reason: prospectId.startsWith('mine') ? 'already_enrolled' : 'in_other_sequence',
          message: 'm',
        })),
    })),
  };
  const service = new JobSequenceService(
    sequences as unknown as SequencesService,
    enrollments as unknown as EnrollmentsService,
  );
  return { service, sequences, enrollments };
}

describe('JobSequenceService', () => {
  it('creates the sequence under the given id and enrols the prospects as a job’s', async () => {
    const { service, sequences, enrollments } = setup(null);
    const made = await service.create({
      id: 'seq-1',
      definition,
      prospectIds: ['new-1', 'new-2', 'other-1', 'new-1'],
    });
    expect(sequences.create).toHaveBeenCalledWith({ ...definition, id: 'seq-1' });
    expect(enrollments.enrol).toHaveBeenCalledWith(
      'seq-1',
      { prospectIds: ['new-1', 'new-2', 'other-1'], source: 'job' },
      1000,
    );
    expect(made).toEqual({
      id: 'seq-1',
      name: 'VPs of Sales',
      enrolled: 2,
      skipped: [{ prospect_id: 'other-1', reason: 'in_other_sequence' }],
    });
  });

  it('on a re-run, finds its sequence and counts the places it holds already as enrolled', async () => {
    const { service, sequences } = setup({ id: 'seq-1', name: 'VPs of Sales' });
    const made = await service.create({
      id: 'seq-1',
      definition,
      prospectIds: ['mine-1', 'mine-2', 'new-3'],
    });
    expect(sequences.create).not.toHaveBeenCalled();
    expect(made).toMatchObject({ enrolled: 3, skipped: [] });
  });

  it('enrols a long list 1,000 at a time', async () => {
    const { service, enrollments } = setup(null);
    const ids = Array.from({ length: 2500 }, (_, index) => `new-${index}`);
    const made = await service.create({ id: 'seq-1', definition, prospectIds: ids });
    expect(
      enrollments.enrol.mock.calls.map(
        ([, target]: [string, { prospectIds: string[] }]) => target.prospectIds.length,
      ),
    ).toEqual([1000, 1000, 500]);
    expect(made.enrolled).toBe(2500);
  });
});
