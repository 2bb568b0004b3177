/**
 * Records every request the browser context makes that is neither to our fixture
 * server nor inside the extension: the extension must make none.
 */
import type { BrowserContext, Request } from 'playwright-core';

export interface NetworkWatch {
  /** URLs requested outside 127.0.0.1 and chrome-extension://, in order. */
  readonly outside: readonly string[];
  /** Forgets what was seen so far (between phases of one test). */
  clear(): void;
}

const LOCAL = /^(chrome-extension:|data:|blob:|about:|devtools:)/;

export function isLocalRequest(url: string, origin: string): boolean {
  if (LOCAL.test(url)) return true;
  try {
    return new URL(url).hostname === new URL(origin).hostname;
  } catch {
    return false;
  }
}

export function watchNetwork(context: BrowserContext, origin: string): NetworkWatch {
  const outside: string[] = [];
  // Context-level events cover pages, their workers and (in Chromium) service workers.
  context.on('request', (request: Request) => {
    const url = request.url();
    if (!isLocalRequest(url, origin)) outside.push(url);
  });
  return {
    outside,
    clear() {
      outside.length = 0;
    },
  };
}
