/**
 * One end-to-end test file's session: the built server started and Chromium launched before its
 * tests, and both — with every visitor opened — closed after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newVisitor, type Visitor } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface E2eSession {
  server(): RunningServer;
  /** A new visitor (own cookies, network guard), closed at the end of the file. */
  visitor(): Promise<Visitor>;
}

export function e2eSession(): E2eSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const visitors: Visitor[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const v of visitors) await v.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => {
      if (!server) throw new Error('the e2e server is not started yet');
      return server;
    },
    async visitor() {
      if (!browser || !server) throw new Error('the e2e session is not started yet');
      const v = await newVisitor(browser, server.baseUrl);
      visitors.push(v);
      return v;
    },
  };
}
