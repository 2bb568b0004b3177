/**
 * One constructed stylesheet adopted by the document, for the `::highlight()` rules of
 * our randomly named highlights (page-names.ts): a static stylesheet cannot name them.
 * Each feature sets its own section. A page can read adopted sheets, so the rules hold
 * only random names and colours, never a product name or anything the user saved (saved
 * highlights are drawn in a closed shadow root, not here).
 */
export interface PageSheet {
  /** Replaces one section's rules ('' removes it); the sheet is adopted while any section has rules. */
  set(section: string, css: string): void;
  dispose(): void;
}

export function createPageSheet(doc: Document): PageSheet {
  const view = doc.defaultView;
  const sections = new Map<string, string>();
  let sheet: CSSStyleSheet | undefined;
  const adopted = () => sheet !== undefined && doc.adoptedStyleSheets.includes(sheet);
  const drop = () => {
    if (sheet && adopted()) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  return {
    set(section, css) {
      if (css === '') sections.delete(section);
      else sections.set(section, css);
      const all = [...sections.values()].join('\n');
      if (all === '') return drop();
      if (!view || typeof view.CSSStyleSheet !== 'function') return;
      sheet ??= new view.CSSStyleSheet();
      sheet.replaceSync(all);
      if (!adopted()) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    dispose() {
      sections.clear();
      drop();
    },
  };
}

/** The sheet every feature of this page load writes into. */
let shared: PageSheet | undefined;
export function pageSheet(doc: Document): PageSheet {
  shared ??= createPageSheet(doc);
  return shared;
}
