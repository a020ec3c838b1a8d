import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are, and empties null', () => {
    expect(csvCell('MITTE')).toBe('MITTE');
    expect(csvCell(1833)).toBe('1833');
    expect(csvCell(-500)).toBe('-500');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Runner, size 42')).toBe('"Runner, size 42"');
    expect(csvCell('The "best" shoe')).toBe('"The ""best"" shoe"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses a formula in text: %j', (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes a defused formula that also holds a comma', () => {
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv(['sku', 'units'], [['A-1', 2], ['=B', null]])).toBe("sku,units\r\nA-1,2\r\n'=B,\r\n");
  });
});
