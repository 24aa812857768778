import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** The value must not be less than another numeric property of the same object, when both are set. */
export function IsNotLessThan(property: string, options?: ValidationOptions) {
  return (target: object, key: string) =>
    registerDecorator({
      name: 'isNotLessThan',
      target: target.constructor,
      propertyName: key,
      constraints: [property],
      options: { message: `${key} must not be less than ${property}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const other = (args.object as Record<string, unknown>)[property];
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
      },
    });
}
