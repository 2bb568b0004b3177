/**
 * No code of ours writes markup into the DOM: page text is never rendered as HTML. This is
 * also what makes the one `innerHTML` warning of `web-ext lint` harmless: it sits in Preact's
 * `dangerouslySetInnerHTML` branch, which only that prop reaches (scripts/lint-firefox.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SINKS = /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\b|insertAdjacentHTML|createContextualFragment|document\.write(?:ln)?\s*\(|srcdoc/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(tsx?|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('HTML sinks in the extension’s code', () => {
  it('finds none in entrypoints/, components/ or lib/', () => {
    const files = ['entrypoints', 'components', 'lib'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => SINKS.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('recognises each sink it forbids', () => {
    for (const line of ['el.innerHTML = x', 'el.outerHTML=x', 'el.insertAdjacentHTML("beforeend", x)', '<div dangerouslySetInnerHTML={x} />', 'document.write(x)', 'range.createContextualFragment(x)', 'frame.srcdoc = x']) {
      expect(SINKS.test(line), line).toBe(true);
    }
    expect(SINKS.test('el.textContent = x')).toBe(false);
  });
});
