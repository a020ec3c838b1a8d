import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const sut = loadConfig({});
    expect(sut.PORT).toBe(3000);
    expect(sut.usesEmbeddedDatabase).toBe(true);
    expect(sut.seedDemo).toBe(true);
    expect(sut.AUTH_TOKEN_SECRET?.length).toBeGreaterThanOrEqual(32);
  });

  it('reads and converts values', () => {
    const sut = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', MIGRATIONS_RUN: 'false' });
    expect(sut.PORT).toBe(8080);
    expect(sut.MIGRATIONS_RUN).toBe(false);
    expect(sut.usesEmbeddedDatabase).toBe(false);
    expect(sut.seedDemo).toBe(false);
  });

  it('lists every bad value', () => {
    const call = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL|PORT/);
    try {
      call();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('requires a token secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' })).toThrow(/AUTH_TOKEN_SECRET/);
  });
});
