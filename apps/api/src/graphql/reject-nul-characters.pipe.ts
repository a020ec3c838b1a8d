import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { BadInputException } from '@omnitill/common';

const MAX_DEPTH = 20;

/** The path of the first string holding a NUL character, or null. Walks plain data only (arguments). */
export function firstNulCharacterPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || value instanceof Date) {
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const found = firstNulCharacterPath(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) {
      return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL character in any argument would otherwise reach the
 * database and fail there as an internal error. Refused up front as bad input, for every operation.
 */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Custom parameters (@Ctx: the request context with its entity manager) are not client input.
    if (metadata.type === 'custom') {
      return value;
    }
    const path = firstNulCharacterPath(value, metadata.data ?? '');
    if (path !== null) {
      throw new BadInputException('Text must not contain NUL characters', [{ field: path || 'input', messages: ['contains a NUL character'] }]);
    }
    return value;
  }
}
