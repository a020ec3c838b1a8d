/**
 * Sent by the relay in the transaction that publishes events, so every replica hears it at commit:
 * the payload lists the positions of published events that live subscriptions care about (comma
 * separated, possibly empty). It also tells every dispatcher that deliveries may be due.
 */
export const EVENTS_PUBLISHED_CHANNEL = 'omnitill_events_published';

/** NOTIFY payloads must stay under 8000 bytes; ids are chunked below this. */
export const MAX_NOTIFY_PAYLOAD = 7000;

export function chunkIds(ids: readonly string[], maxLength = MAX_NOTIFY_PAYLOAD): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const id of ids) {
    if (current.length > 0 && current.length + id.length + 1 > maxLength) {
      chunks.push(current);
      current = '';
    }
    current = current.length > 0 ? `${current},${id}` : id;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

export function parseIds(payload: string): string[] {
  return payload.split(',').filter((id) => /^\d{1,19}$/.test(id));
}
