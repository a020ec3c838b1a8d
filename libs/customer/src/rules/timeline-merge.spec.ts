import { CustomerChannel, TimelineEntryKind } from '../entities/customer.enums';
import { TimelineEntry } from '../registries/customer-timeline.registry';
import { mergeTimelinePage } from './timeline-merge';

function entry(minute: number, summary: string): TimelineEntry {
  return {
    occurredAt: new Date(Date.UTC(2025, 0, 1, 12, minute)),
    kind: TimelineEntryKind.CONSENT_CHANGED,
    channel: CustomerChannel.ONLINE,
    storeId: null,
    summary,
    referenceId: null,
  };
}

describe('mergeTimelinePage', () => {
  const consents = [entry(50, 'c50'), entry(20, 'c20'), entry(5, 'c5')];
  const coupons = [entry(40, 'k40'), entry(20, 'k20'), entry(10, 'k10')];

  it('interleaves sources newest first, ties by source order', () => {
    expect(mergeTimelinePage([consents, coupons], 0, 10).map((e) => e.summary)).toEqual(['c50', 'k40', 'c20', 'k20', 'k10', 'c5']);
  });

  it('pages through the merged list', () => {
    expect(mergeTimelinePage([consents, coupons], 2, 2).map((e) => e.summary)).toEqual(['c20', 'k20']);
    expect(mergeTimelinePage([consents, coupons], 6, 2)).toEqual([]);
  });

  it('handles no sources and empty sources', () => {
    expect(mergeTimelinePage([], 0, 10)).toEqual([]);
    expect(mergeTimelinePage([[], coupons], 0, 1).map((e) => e.summary)).toEqual(['k40']);
  });
});
