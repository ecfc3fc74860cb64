import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, securityHeaders } from '../src/security-headers';

const directives = new Map(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('security headers', () => {
  it('allow only our own origin: no inline script, no eval, no framing, workers and the manifest from ourselves', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('manifest-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|https?:|\*/u);
  });

  it('let WebAssembly compile, for the voice on the device, and still no JavaScript eval', () => {
    expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('keep the microphone to our own origin, send no referrer and forbid MIME sniffing', () => {
    expect(securityHeaders['Permissions-Policy']).toMatch(/(?:^|, )microphone=\(self\)(?:,|$)/u);
    expect(securityHeaders['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it('are the same in public/_headers, which static hosts read (rewrite it with test/tools/write-headers.ts)', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
    expect(headersFile()).toContain(`/*\n  Content-Security-Policy: ${contentSecurityPolicy}\n`);
  });
});
