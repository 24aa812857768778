import { Matches, ValidationOptions } from 'class-validator';

/** At least one character that is not white space. */
export const NOT_BLANK = /\S/;

/**
 * A name, text or list entry that must say something: a string made only of white space is
 * refused with a message naming the field (`job_type must not be blank`). Pair it with
 * @IsString(), which reports a value of the wrong type.
 */
export function IsNotBlank(options: Pick<ValidationOptions, 'each'> = {}) {
  return Matches(NOT_BLANK, {
    ...options,
    message: ({ property }) =>
      options.each
        ? `each value of ${property} must not be blank`
        : `${property} must not be blank`,
  });
}
