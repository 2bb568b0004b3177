// Shared setup for the page tests (library, options, popup; happy-dom): each test renders
// its page into a fresh div in English, and finds controls by their accessible name.
import { afterEach, beforeEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setLocale } from '../../components/i18n';

export interface PageRoot {
  /** The div the page renders into, fresh for each test. */
  readonly root: HTMLDivElement;
  /** Lets the page's promises settle and Preact re-render, until `done` holds. */
  until(done: () => boolean, what: string): Promise<void>;
  button(name: string | RegExp): HTMLButtonElement;
}

export interface PageRootOptions {
  /** What a timeout names the page as (default: "page"). */
  name?: string;
  /** How much of the page's text a timeout shows (default: all of it). */
  shownChars?: number;
  /** Runs first, before each test (for example resetting the fake browser). */
  reset?: () => void;
}

const label = (b: Element) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();

/** Registers the before/after hooks of the current test file and hands back its root. */
export function pageRoot(options: PageRootOptions = {}): PageRoot {
  let root: HTMLDivElement | undefined;
  const current = (): HTMLDivElement => {
    if (!root) throw new Error('the page root exists only inside a test');
    return root;
  };
  beforeEach(() => {
    options.reset?.();
    setLocale('en');
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    const done = current();
    act(() => render(null, done));
    done.remove();
  });
  return {
    get root() {
      return current();
    },
    async until(done, what) {
      for (let i = 0; i < 100 && !done(); i++) {
        await act(async () => {
          await new Promise((r) => setTimeout(r, 5));
        });
      }
      if (!done()) {
        const text = current().textContent;
        const shown = options.shownChars === undefined ? text : text?.slice(0, options.shownChars);
        throw new Error(`timed out waiting for ${what}; the ${options.name ?? 'page'} shows: ${shown}`);
      }
    },
    button(name) {
      const all = [...current().querySelectorAll('button')];
      const found = all.find((b) => (typeof name === 'string' ? label(b) === name : name.test(label(b))));
      if (!found) throw new Error(`no button ${String(name)}: ${all.map(label).join(' | ')}`);
      return found;
    },
  };
}
