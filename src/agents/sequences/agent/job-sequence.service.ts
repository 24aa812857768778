import { Injectable } from '@nestjs/common';
import { MAX_ENROLLMENTS_PER_CALL } from '../api/dto/create-enrollments.dto';
import { EnrollmentsService } from '../enrollments.service';
import type { SequenceEntity } from '../sequence.entity';
import { SequencesService, type NewSequence } from '../sequences.service';
import type { EnrollmentSkipReason } from '../utils/enrollment-plan.util';

/**
 * What `sequences.create` writes to the job state (`sequence`): the sequence, how many of the
 * job's prospects hold a place in it, and each one skipped with its reason.
 */
export interface SequenceInState {
  id: string;
  name: string;
  enrolled: number;
  skipped: { prospect_id: string; reason: EnrollmentSkipReason }[];
}

/**
 * A plan step's sequence: created under the id the step derives from its idempotency key, and
 * the job's prospects enrolled in it (source `job`). A re-run of the step (after a crash) finds
 * the sequence it made and its own enrollments, and answers the same.
 */
@Injectable()
export class JobSequenceService {
  constructor(
    private readonly sequences: SequencesService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async create(input: {
    id: string;
    definition: NewSequence;
    prospectIds: string[];
  }): Promise<SequenceInState> {
    const sequence = await this.findOrCreate({ ...input.definition, id: input.id });
    let enrolled = 0;
    const skipped: SequenceInState['skipped'] = [];
    const ids = [...new Set(input.prospectIds)];
    for (let start = 0; start < ids.length; start += MAX_ENROLLMENTS_PER_CALL) {
      const outcome = await this.enrollments.enrol(
        sequence.id,
        { prospectIds: ids.slice(start, start + MAX_ENROLLMENTS_PER_CALL), source: 'job' },
        MAX_ENROLLMENTS_PER_CALL,
      );
      enrolled += outcome.enrolled.length;
      for (const skip of outcome.skipped) {
        // Only this step enrols into its new sequence: a place held already is a re-run's own.
        if (skip.reason === 'already_enrolled') enrolled++;
        else skipped.push({ prospect_id: skip.prospectId, reason: skip.reason });
      }
    }
    return { id: sequence.id, name: sequence.name, enrolled, skipped };
  }

  private async findOrCreate(definition: NewSequence & { id: string }): Promise<SequenceEntity> {
    const found = await this.sequences.find(definition.id);
    if (found) return found;
    try {
      return await this.sequences.create(definition);
    } catch (error) {
      // Another attempt of the same step inserted it first.
      const raced = await this.sequences.find(definition.id);
      if (raced) return raced;
      throw error;
    }
  }
}
