import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isPlainObject } from '../utils/json-merge-patch.util';

/** A merge patch of context_data must itself be an object: anything else would replace the document with a non-object. */
export class MergePatchPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(value: unknown): Record<string, unknown> {
    if (!isPlainObject(value)) {
      throw new BadRequestException(
        'The request body must be a JSON object (a merge patch of context_data)',
      );
    }
    return value;
  }
}
