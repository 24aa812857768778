import { BadRequestException, PipeTransform } from '@nestjs/common';

export const JOB_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
export const JOB_ID_RULE = 'job_id must be 1-128 characters of A-Z, a-z, 0-9, _ . : -';

/** Validates a job_id path parameter. */
export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!JOB_ID_PATTERN.test(value)) throw new BadRequestException(JOB_ID_RULE);
    return value;
  }
}
