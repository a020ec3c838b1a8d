import { BadInputException } from '@omnitill/common';
import { firstNulCharacterPath, RejectNulCharactersPipe } from './reject-nul-characters.pipe';

describe('RejectNulCharactersPipe', () => {
  const sut = new RejectNulCharactersPipe();

  it('names the first string holding a NUL character, however deep', () => {
    expect(firstNulCharacterPath({ lines: [{ sku: 'A' }, { sku: 'B\u0000' }] }, 'input')).toBe('input.lines.1.sku');
    expect(firstNulCharacterPath({ note: 'fine ✓ 😀', qty: 0, tags: null }, 'input')).toBeNull();
  });

  it('refuses such input as bad input and passes anything else through unchanged', () => {
    const input = { email: 'a@b.c', password: 'x' };

    expect(sut.transform(input, { type: 'body', data: 'input' })).toBe(input);
    expect(() => sut.transform({ email: '\u0000' }, { type: 'body', data: 'input' })).toThrow(BadInputException);
    // The request context (@Ctx) is not client input and is never walked.
    expect(sut.transform({ note: '\u0000' }, { type: 'custom' })).toEqual({ note: '\u0000' });
  });
});
