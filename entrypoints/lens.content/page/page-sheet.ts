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
  /**
   * Adopts the sheet into an open shadow root too: `::highlight()` rules apply only to
   * ranges in their own style scope, so mentions inside a shadow tree need the rules
   * there. The same sheet object (its names as random as in the document), kept in
   * step by `set`; adopted again if the page replaced the root's sheets since.
   */
  adoptInto(root: ShadowRoot): void;
  dispose(): void;
}

export function createPageSheet(doc: Document): PageSheet {
  const view = doc.defaultView;
  const sections = new Map<string, string>();
  const roots = new Set<ShadowRoot>();
  let sheet: CSSStyleSheet | undefined;
  let active = false;
  const adopted = (scope: Document | ShadowRoot) => sheet !== undefined && scope.adoptedStyleSheets.includes(sheet);
  const adopt = (scope: Document | ShadowRoot) => {
    if (sheet && !adopted(scope)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  };
  const drop = () => {
    active = false;
    for (const scope of [doc, ...roots]) {
      if (sheet && adopted(scope)) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
    }
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
      active = true;
      adopt(doc);
      for (const root of roots) {
        if (root.host.isConnected) adopt(root);
        else roots.delete(root);
      }
    },
    adoptInto(root) {
      roots.add(root);
      if (active) adopt(root);
    },
    dispose() {
      sections.clear();
      drop();
      roots.clear();
    },
  };
}

/** The sheet every feature of this page load writes into. */
let shared: PageSheet | undefined;
export function pageSheet(doc: Document): PageSheet {
  shared ??= createPageSheet(doc);
  return shared;
}
