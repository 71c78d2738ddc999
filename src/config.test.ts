import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicOrigin } from './config.ts';

describe('PUBLIC_URL', () => {
  it('when set, then it is kept without its trailing slash and every absolute link starts with it', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://timeline.example.org/' });
    expect(c.publicUrl).toBe('https://timeline.example.org');
    expect(publicOrigin(c)).toBe('https://timeline.example.org');
  });

  it('when it is not an http(s) address, then the start is refused naming it', () => {
    for (const bad of ['timeline.example.org', 'ftp://timeline.example.org', 'https://timeline.example.org/?x=1', 'javascript:alert(1)']) {
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it('when unset on a plain production start, then links go to http://localhost:PORT (the quick start keeps working)', () => {
    const c = loadConfig({ NODE_ENV: 'production', PORT: '3123' });
    expect(publicOrigin(c)).toBe('http://localhost:3123');
  });

  it('when unset in production behind a proxy (TRUST_PROXY), then the start is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TRUST_PROXY: 'loopback' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', TRUST_PROXY: 'loopback' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ NODE_ENV: 'production', TRUST_PROXY: 'loopback', PUBLIC_URL: 'https://t.example' }).publicUrl).toBe('https://t.example');
  });
});
