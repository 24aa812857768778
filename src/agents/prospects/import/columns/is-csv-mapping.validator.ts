import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { readCsvMapping, readCsvMappingText } from './csv-column-mapping.util';

/**
 * The value is a CSV column mapping (see readCsvMapping); with `json`, its JSON text (a query
 * parameter). The message names the problem and lists the field names.
 */
export function IsCsvMapping(options: { json?: boolean } = {}, validation?: ValidationOptions) {
  const read = (value: unknown) =>
    options.json && typeof value === 'string' ? readCsvMappingText(value) : readCsvMapping(value);
  return (target: object, propertyKey: string | symbol): void => {
    registerDecorator({
      name: 'isCsvMapping',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: validation,
      validator: {
        validate: (value: unknown) => !('problem' in read(value)),
        defaultMessage: ({ value }: ValidationArguments) => {
          const result = read(value);
          return 'problem' in result ? result.problem : 'mapping is not valid';
        },
      },
    });
  };
}
