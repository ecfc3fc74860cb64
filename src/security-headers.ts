/**
 * The headers every response of Lull carries, for the preview server and any static host
 * (see README): a strict CSP with no inline script, no eval and no other origin. WebAssembly may
 * be compiled (`'wasm-unsafe-eval'`, which allows nothing for JavaScript): the voice on the device
 * is Flite in WebAssembly, run in a worker of our own origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Permissions-Policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Per-path caching for a static host: hashed assets forever, the service worker never from a stale copy. */
export const cacheRules: Readonly<Record<string, string>> = {
  '/assets/*': 'public, max-age=31536000, immutable',
  '/sw.js': 'no-cache',
};

/**
 * The same headers as a `_headers` file (Netlify and Cloudflare Pages read it from the site's
 * root): `public/_headers` is this text, and a unit test keeps the two identical.
 */
export function headersFile(): string {
  const block = (path: string, headers: Readonly<Record<string, string>>): string =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    '# Generated from src/security-headers.ts; `npx tsx test/tools/write-headers.ts` rewrites it.',
    block('/*', securityHeaders),
    ...Object.entries(cacheRules).map(([path, value]) => block(path, { 'Cache-Control': value })),
  ].join('\n\n')}\n`;
}
