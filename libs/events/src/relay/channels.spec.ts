import { chunkIds, parseIds } from './channels';

describe('NOTIFY payloads', () => {
  it('chunks ids under the payload limit and parses them back', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => String(1_000_000_000 + i));
    const chunks = chunkIds(ids, 1000);
    expect(chunks.every((chunk) => chunk.length <= 1000)).toBe(true);
    expect(chunks.flatMap(parseIds)).toEqual(ids);
  });

  it('ignores anything that is not an id', () => {
    expect(parseIds('')).toEqual([]);
    expect(parseIds('1,,x,2;drop,3')).toEqual(['1', '3']);
  });
});
