import { cpSync, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { securityHeaders } from '../../../src/security-headers';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
};

export interface ServedRequest {
  readonly path: string;
  readonly range: string | undefined;
}

/**
 * A static host for one folder, as a CDN would serve `dist/`: the security headers, an SPA
 * fallback to index.html, and whole files only. A test can swap the folder (a new deploy), break
 * a file's transfer midway (a lost connection), answer with a cut copy of a file (a damaged one)
 * or stop it entirely (offline for the page and its service worker alike).
 */
export interface StaticServer {
  readonly origin: string;
  readonly requests: ServedRequest[];
  /** Serves another folder from now on, as a deploy would. */
  serve(root: string): void;
  /** The next request whose path ends with `suffix` sends `bytes` bytes of the file, then drops the connection. */
  breakNext(suffix: string, bytes: number): void;
  /** The next request whose path ends with `suffix` sends `bytes` bytes of the file, then stalls until closed. */
  stallNext(suffix: string, bytes: number): void;
  /**
   * The next request whose path ends with `suffix` is answered with only the first `bytes` bytes of
   * the file, as a complete response the browser's HTTP cache keeps for a year: a damaged copy, as a
   * broken proxy or an interrupted deploy could serve.
   */
  cutNext(suffix: string, bytes: number): void;
  /** Stops answering and cuts every open connection. */
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * Audio (`.webm`, `.mp3`) is sent with `Cache-Control: public, max-age=31536000, immutable`, as a
   * CDN may serve files whose names carry a content hash; otherwise everything is `no-cache`.
   */
  readonly cacheableAudio?: boolean;
}

/** What a CDN may send for a file named by its content hash: the browser keeps it a year without asking again. */
const cachedForAYear = 'public, max-age=31536000, immutable';

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  let folder = root;
  const requests: ServedRequest[] = [];
  const faults: { suffix: string; bytes: number; then: 'break' | 'stall' | 'cut' }[] = [];
  const cacheControl = (path: string): string => (options.cacheableAudio === true && /\.(?:webm|mp3)$/u.test(path) ? cachedForAYear : 'no-cache');

  const send = (response: ServerResponse, path: string, status = 200): void => {
    const size = statSync(path).size;
    response.writeHead(status, {
      ...securityHeaders,
      'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': cacheControl(path),
    });
    createReadStream(path).pipe(response);
  };

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    requests.push({ path, range: request.headers.range });
    const file = join(folder, normalize(path));
    const isFile = (candidate: string): boolean => {
      try {
        return statSync(candidate).isFile();
      } catch {
        return false;
      }
    };
    const fault = faults.find((entry) => path.endsWith(entry.suffix));
    if (fault && isFile(file)) {
      faults.splice(faults.indexOf(fault), 1);
      const { bytes, then } = fault;
      if (then === 'cut') {
        const type = contentTypes[extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { ...securityHeaders, 'Content-Type': type, 'Content-Length': String(bytes), 'Cache-Control': cachedForAYear });
        createReadStream(file, { start: 0, end: bytes - 1 }).pipe(response);
        return;
      }
      response.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(statSync(file).size) });
      createReadStream(file, { start: 0, end: bytes - 1 })
        .on('end', () => {
          if (then === 'break') response.destroy();
        })
        .pipe(response, { end: false });
      return;
    }
    if (isFile(file)) send(response, file);
    else if (extname(path) === '') send(response, join(folder, 'index.html'));
    else {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    requests,
    serve: (next) => {
      folder = next;
    },
    breakNext: (suffix, bytes) => {
      faults.push({ suffix, bytes, then: 'break' });
    },
    stallNext: (suffix, bytes) => {
      faults.push({ suffix, bytes, then: 'stall' });
    },
    cutNext: (suffix, bytes) => {
      faults.push({ suffix, bytes, then: 'cut' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/**
 * A private copy of `dist/`, so that a build run meanwhile (by `npm run build` in another
 * terminal) cannot change the app under a test. Returns the folder and how to delete it.
 */
export function copyOfBuild(): { readonly root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'lull-dist-'));
  cpSync('dist', root, { recursive: true });
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
