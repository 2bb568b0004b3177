import { isHexColor, type LensSettings } from '@/lib/settings';
import { mentionStyleName } from './style';

/** `#e5484d` → `229 72 77`, for CSS `rgb()`. Only called with colours isHexColor accepted. */
function rgbOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

/** One entity's mark rules, the same shape as mentions.css. */
function rulesFor(name: string, hex: string): string {
  const rgb = rgbOf(hex);
  return (
    `::highlight(${name}) { background-color: rgb(${rgb} / 0.16); text-decoration: underline 2px rgb(${rgb}); }\n` +
    `mark.${name} { background-color: rgb(${rgb} / 0.16); text-decoration-color: rgb(${rgb}); }\n`
  );
}

/**
 * The rules that mentions.css cannot hold: colours the user chose for built-in
 * entities, and the colours of their own terms. Empty when there are none. Only
 * well-formed #rrggbb values ever reach the CSS.
 */
export function colorRules(settings: Pick<LensSettings, 'colors' | 'userTerms'>): string {
  let css = '';
  for (const [id, hex] of Object.entries(settings.colors)) {
    if (isHexColor(hex)) css += rulesFor(mentionStyleName(id), hex);
  }
  for (const term of settings.userTerms) {
    const name = mentionStyleName(term.id);
    if (name !== 'qinglang-mention-custom' && isHexColor(term.color) && !Object.hasOwn(settings.colors, term.id)) {
      css += rulesFor(name, term.color);
    }
  }
  return css;
}

export interface ColorSheet {
  /** Puts these rules in force (replacing the last ones); empty rules take our sheet away. */
  set(css: string): void;
  dispose(): void;
}

/**
 * A constructed stylesheet adopted by the document, for the rules above: no element
 * enters the page. It is adopted only while there is something in it, so a reader who
 * changed no colour leaves nothing of ours in `document.adoptedStyleSheets`.
 */
export function createColorSheet(doc: Document): ColorSheet {
  const view = doc.defaultView;
  let sheet: CSSStyleSheet | undefined;
  const adopted = () => sheet !== undefined && doc.adoptedStyleSheets.includes(sheet);
  const drop = () => {
    if (sheet && adopted()) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  return {
    set(css) {
      if (css === '') return drop();
      if (!view || typeof view.CSSStyleSheet !== 'function') return;
      sheet ??= new view.CSSStyleSheet();
      sheet.replaceSync(css);
      if (!adopted()) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    dispose: drop,
  };
}
