import { BUILTIN_ENTITIES } from '@/lib/lexicon';
import { isHexColor, type LensSettings } from '@/lib/settings';
import { fallbackMarkClass, mentionStyleName, revealStyleName } from './style';

/** `#e5484d` → `229 72 77`, for CSS `rgb()`. Only called with colours isHexColor accepted. */
function rgbOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

/**
 * One entity's mark rules: a translucent tint and an underline in the full colour, so a
 * saved highlight drawn over it (multiplied, highlights/highlight-painter.ts) leaves
 * the mention visible.
 */
function rulesFor(name: string, hex: string): string {
  const rgb = rgbOf(hex);
  return (
    `::highlight(${name}) { background-color: rgb(${rgb} / 0.16); text-decoration: underline 2px rgb(${rgb}); }\n` +
    `mark.${name} { background-color: rgb(${rgb} / 0.16); text-decoration-color: rgb(${rgb}); }\n`
  );
}

// A user term whose colour is unreadable: grey, dotted.
const PLAIN_TERM = (name: string) =>
  `::highlight(${name}) { background-color: rgb(85 85 85 / 0.12); text-decoration: underline 2px dotted rgb(85 85 85); }\n` +
  `mark.${name} { background-color: rgb(85 85 85 / 0.12); text-decoration: underline 2px dotted rgb(85 85 85); }\n`;

/**
 * Every rule the mentions need, under this page load's names: each built-in entity in
 * the user's colour for it or the lexicon's, each of the user's own terms in its colour,
 * the `<mark>` fallback and the reveal flash. Only well-formed #rrggbb values reach the CSS.
 */
export function mentionRules(settings: Pick<LensSettings, 'colors' | 'userTerms'>): string {
  const chosen = (id: string) => (Object.hasOwn(settings.colors, id) && isHexColor(settings.colors[id]) ? settings.colors[id] : undefined);
  let css = '';
  for (const entity of BUILTIN_ENTITIES) css += rulesFor(mentionStyleName(entity.id), chosen(entity.id) ?? entity.color);
  for (const term of settings.userTerms) {
    const name = mentionStyleName(term.id);
    const hex = chosen(term.id) ?? (isHexColor(term.color) ? term.color : undefined);
    css += hex ? rulesFor(name, hex) : PLAIN_TERM(name);
  }
  css += `mark.${fallbackMarkClass()} { color: inherit; background-color: transparent; text-decoration: underline 2px; }\n`;
  css += `::highlight(${revealStyleName()}) { background-color: rgb(255 200 0 / 0.85); color: #111; }\n`;
  return css;
}
