import { registerDecorator, ValidationOptions } from 'class-validator';

let cachedZones: Set<string> | null = null;

export function isValidTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64) {
    return false;
  }
  cachedZones ??= new Set(Intl.supportedValuesOf('timeZone').concat(['UTC']));
  return cachedZones.has(value);
}

/** An IANA time zone name such as Europe/Berlin. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/Berlin`, ...options },
      validator: { validate: isValidTimeZone },
    });
}
