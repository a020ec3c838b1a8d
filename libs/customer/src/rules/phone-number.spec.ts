import { normalisePhone } from './phone-number';

describe('normalisePhone', () => {
  it.each([
    ['+49 170 1234567', '+491701234567'],
    ['+49 (0)170 123-45-67', '+491701234567'],
    ['0049 170 1234567', '+491701234567'],
    ['0170/1234567', '+491701234567'],
    ['(030) 123 4567', '+49301234567'],
    ['+1 (415) 555-2671', '+14155552671'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('uses the given calling code for a national number', () => {
    expect(normalisePhone('0664 1234567', '+43')).toBe('+436641234567');
    expect(normalisePhone('+49 170 1234567', '+43')).toBe('+491701234567');
  });

  it.each(['', 'abc', '+49 170 CALL ME', '491701234567', '+0170123456', '+12', '+1234567890123456', '00', '0', '+', '1'.repeat(50), '0170 12345678901234'])(
    'rejects %s',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
    },
  );

  it('rejects a malformed default calling code', () => {
    expect(normalisePhone('0170 1234567', '49')).toBeNull();
  });
});
