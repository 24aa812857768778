import { registerDecorator, ValidationOptions } from 'class-validator';

/** The value, serialised as JSON, is at most `maxBytes` bytes (UTF-8). */
export function MaxJsonSize(maxBytes: number, options?: ValidationOptions) {
  return (target: object, propertyKey: string | symbol): void => {
    const propertyName = String(propertyKey);
    registerDecorator({
      name: 'maxJsonSize',
      target: target.constructor,
      propertyName,
      constraints: [maxBytes],
      options: {
        message: `${propertyName} must be at most ${maxBytes} bytes of JSON`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          value === undefined || Buffer.byteLength(JSON.stringify(value) ?? '') <= maxBytes,
      },
    });
  };
}
