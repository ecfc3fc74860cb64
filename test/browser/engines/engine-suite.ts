import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Engine, EngineName, EnginePage } from '../harness/engines/driver';
import { startEngine } from '../harness/engines/engines';
import { copyOfBuild, startStaticServer, type StaticServer } from '../harness/static-server';

/** One engine for a whole test file, and a fresh profile on a fresh origin for each test. */
export interface EngineSuite {
  readonly name: EngineName;
  /** Serves a private copy of the build on a new origin and opens `path` there in a fresh profile. */
  open(path: string): Promise<{ readonly page: EnginePage; readonly server: StaticServer }>;
}

/**
 * Starts `name` once before the file's tests (with the display and sound server it needs) and
 * stops it after them; every page and server a test opened is closed after that test.
 */
export function engineSuite(name: EngineName): EngineSuite {
  let engine: Engine | undefined;
  let build: ReturnType<typeof copyOfBuild> | undefined;
  const pages: EnginePage[] = [];
  const servers: StaticServer[] = [];
  beforeAll(async () => {
    build = copyOfBuild();
    engine = await startEngine(name);
  }, 120_000);
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    for (const server of servers.splice(0)) await server.close();
  });
  afterAll(async () => {
    await engine?.stop();
    build?.remove();
  });
  return {
    name,
    open: async (path) => {
      if (!engine || !build) throw new Error(`${name} did not start.`);
      const server = await startStaticServer(build.root);
      servers.push(server);
      const page = await engine.open(new URL(path, server.origin).href);
      pages.push(page);
      return { page, server };
    },
  };
}
