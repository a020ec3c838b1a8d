import { DUMMY_CUSTOMER_PASSWORD_HASH, hashCustomerPassword, verifyCustomerPassword } from './customer-password';

describe('customer passwords', () => {
  it('hashes with a salt in the scrypt$N$r$p$salt$hash format and verifies', async () => {
    const a = await hashCustomerPassword('correct horse');
    const b = await hashCustomerPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyCustomerPassword('correct horse', a)).resolves.toBe(true);
    await expect(verifyCustomerPassword('correct horsE', a)).resolves.toBe(false);
  });

  it('never matches the dummy hash or a malformed one', async () => {
    await expect(verifyCustomerPassword('', DUMMY_CUSTOMER_PASSWORD_HASH)).resolves.toBe(false);
    for (const junk of ['', 'scrypt$1$2', 'bcrypt$1$2$3$4$5', 'scrypt$1099511627776$8$1$AAAA$AAAA']) {
      await expect(verifyCustomerPassword('x', junk)).resolves.toBe(false);
    }
  });
});
