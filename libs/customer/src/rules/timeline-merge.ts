import { TimelineEntry } from '../registries/customer-timeline.registry';

/**
 * One page of the merged timeline, newest first. Each list must hold (at least) its source's newest
 * `skip + take` entries, newest first; ties in time are ordered by source position then list order,
 * so pages are stable.
 */
export function mergeTimelinePage(lists: readonly (readonly TimelineEntry[])[], skip: number, take: number): TimelineEntry[] {
  const tagged = lists.flatMap((list, source) => list.map((entry, position) => ({ entry, source, position })));
  tagged.sort(
    (a, b) => b.entry.occurredAt.getTime() - a.entry.occurredAt.getTime() || a.source - b.source || a.position - b.position,
  );
  return tagged.slice(skip, skip + take).map(({ entry }) => entry);
}
