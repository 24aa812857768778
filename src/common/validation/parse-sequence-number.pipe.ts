import { BadRequestException, PipeTransform } from '@nestjs/common';

/** The largest value of a 32-bit integer column (Postgres refuses to compare one with more). */
export const MAX_INT32 = 2_147_483_647;

/**
 * A path parameter that numbers rows from 1 (a checkpoint's `seq`): plain digits up to MAX_INT32,
 * else a 400 naming the parameter. Larger numbers name no row on any engine; SQLite would answer
 * 404 and Postgres fail on them, so both refuse them first.
 */
export class ParseSequenceNumberPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(number >= 1 && number <= MAX_INT32)) {
      throw new BadRequestException(`${this.name} must be a whole number from 1 to ${MAX_INT32}`);
    }
    return number;
  }
}
