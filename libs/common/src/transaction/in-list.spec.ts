import { IN_LIST_MAX_PARAMETERS, inList, rowsList } from './in-list';

describe('inList', () => {
  it('writes one typed parameter per value, numbered from the first one given', () => {
    expect(inList('v.id', 'uuid', 2, ['a', 'b', 'c'])).toEqual({ sql: 'v.id IN ($2::uuid, $3::uuid, $4::uuid)', params: ['a', 'b', 'c'] });
  });

  it('takes one array parameter beyond the bound, so the number of statement texts stays bounded', () => {
    const values = Array.from({ length: IN_LIST_MAX_PARAMETERS + 1 }, (_, i) => `sku-${i}`);
    expect(inList('v.sku', 'varchar', 1, values)).toEqual({ sql: 'v.sku = ANY($1::varchar[])', params: [values] });
  });

  it('still writes out a list of exactly the bound', () => {
    const values = Array.from({ length: IN_LIST_MAX_PARAMETERS }, (_, i) => i);
    const condition = inList('x', 'int', 1, values);
    expect(condition.sql).toBe(`x IN (${values.map((i) => `$${i + 1}::int`).join(', ')})`);
    expect(condition.params).toEqual(values);
  });

  it('answers an empty list with an array parameter, since IN () is not SQL', () => {
    expect(inList('v.id', 'uuid', 1, [])).toEqual({ sql: 'v.id = ANY($1::uuid[])', params: [[]] });
  });
});

describe('rowsList', () => {
  const columns = [{ name: 'variant_id', sqlType: 'uuid' }, { name: 'quantity', sqlType: 'int' }];

  it('writes a VALUES table with one typed parameter per value, row by row', () => {
    expect(rowsList('w', columns, 5, [['a', 1], ['b', 2]])).toEqual({
      sql: '(VALUES ($5::uuid, $6::int), ($7::uuid, $8::int)) AS w(variant_id, quantity)',
      params: ['a', 1, 'b', 2],
    });
  });

  it('takes one array per column beyond the bound (and for no rows)', () => {
    const rows = Array.from({ length: IN_LIST_MAX_PARAMETERS + 1 }, (_, i) => [`v${i}`, i]);
    expect(rowsList('w', columns, 1, rows)).toEqual({
      sql: 'unnest($1::uuid[], $2::int[]) AS w(variant_id, quantity)',
      params: [rows.map((row) => row[0]), rows.map((row) => row[1])],
    });
    expect(rowsList('w', columns, 1, []).params).toEqual([[], []]);
  });
});
