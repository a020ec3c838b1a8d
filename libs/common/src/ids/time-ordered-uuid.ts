import { randomFillSync } from 'node:crypto';

/** Random bytes for 256 ids, refilled when used up: one call into the CSPRNG per 256 ids instead of per id. */
const randomPool = Buffer.alloc(16 * 256);
let poolOffset = randomPool.length;
const scratch = Buffer.alloc(16);

/**
 * A UUID version 7 (RFC 9562): the Unix time in milliseconds (48 bits), then 74 random bits.
 * For rows inserted on hot paths (orders, their lines and payments, events, reservations): their
 * primary-key and foreign-key indexes then grow at the right edge, in pages that stay cached,
 * instead of touching a random page of an index that outgrew memory long ago (measured: the POS
 * sale needed ~60 % more CPU at 1,000,000 prior orders than at 10,000 with random version-4 ids).
 * As unique and unguessable for our purposes as a v4: ids are never secrets here.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (poolOffset === randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const bytes = scratch;
  randomPool.copy(bytes, 0, poolOffset, poolOffset + 16);
  poolOffset += 16;
  bytes.writeUIntBE(Math.max(0, Math.floor(now)), 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
