import { isUuid } from './uuid';
import { timeOrderedUuid } from './time-ordered-uuid';

describe('isUuid', () => {
  it('accepts canonical UUIDs of any version and case, and nothing else', () => {
    expect(isUuid(timeOrderedUuid())).toBe(true);
    expect(isUuid('6A1E3DE2-C3B7-4EE4-9ADB-F46BADE07BA2')).toBe(true);
    expect(isUuid('6a1e3de2c3b74ee49adbf46bade07ba2')).toBe(false);
    expect(isUuid('6a1e3de2-c3b7-4ee4-9adb-f46bade07ba2 ')).toBe(false);
    expect(isUuid(42)).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
