// Rendering helpers for the component tests (happy-dom): render into a fresh div,
// find controls by their accessible name, as a keyboard or screen-reader user would.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  root: HTMLDivElement;
  show(node: ComponentChild): void;
  button(name: string | RegExp): HTMLButtonElement;
  unmount(): void;
}

function accessibleName(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

export function mount(): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  return {
    root,
    show(node) {
      act(() => render(node, root));
    },
    button(name) {
      const all = [...root.querySelectorAll('button')];
      const found = all.find((b) => (typeof name === 'string' ? accessibleName(b) === name : name.test(accessibleName(b))));
      if (!found) throw new Error(`no button ${String(name)}; there are: ${all.map(accessibleName).join(' | ')}`);
      return found;
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}
