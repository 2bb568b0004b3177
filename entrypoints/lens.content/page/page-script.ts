/** The language a hover card speaks: the page's Chinese script, else the interface's language. */
export type CardLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

// Everyday characters whose Simplified and Traditional forms differ, in pairs: enough to
// tell a page's script from a few hundred characters, without a conversion table.
const HANT = '們這來國時會為說對網發經與個關體開點還業頭問學樣長現電萬讓從當動後實過進種將應';
const HANS = '们这来国时会为说对网发经与个关体开点还业头问学样长现电万让从当动后实过进种将应';
const SAMPLE_CHARS = 2_000;

/** 'zh-Hant' or 'zh-Hans' from a BCP 47 tag, or undefined when it names no Chinese script. */
export function chineseScriptOf(tag: string): CardLanguage | undefined {
  const t = tag.toLowerCase();
  if (!/^zh\b/.test(t)) return undefined;
  if (/hant|-tw\b|-hk\b|-mo\b/.test(t)) return 'zh-Hant';
  if (/hans|-cn\b|-sg\b|-my\b/.test(t)) return 'zh-Hans';
  return undefined;
}

/** Which script a text is mostly written in, by its telling characters; undefined when it has none. */
export function scriptOfText(text: string): CardLanguage | undefined {
  let hant = 0;
  let hans = 0;
  for (const ch of text) {
    if (HANT.includes(ch)) hant++;
    else if (HANS.includes(ch)) hans++;
  }
  if (hant === 0 && hans === 0) return undefined;
  return hant > hans ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The hover cards' language on this page: a Chinese page gets its own script (its `lang`
 * when that names one, else what its text is written in: a `zh` page in Traditional
 * characters gets Traditional); any other page gets the interface language.
 */
export function cardLanguage(doc: Document, interfaceLanguage: string): CardLanguage {
  const lang = doc.documentElement.lang || '';
  const declared = chineseScriptOf(lang);
  if (declared) return declared;
  if (/^zh\b/i.test(lang) || lang === '') {
    const found = doc.body ? scriptOfText(textSample(doc.body)) : undefined;
    if (found) return found;
  }
  return chineseScriptOf(interfaceLanguage) ?? (/^zh\b/i.test(interfaceLanguage) ? 'zh-Hans' : 'en');
}

/** The first SAMPLE_CHARS characters of a body's text, without building the whole of it. */
function textSample(body: HTMLElement): string {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < SAMPLE_CHARS; n = walker.nextNode()) {
    const parent = n.parentElement?.localName;
    if (parent === 'script' || parent === 'style') continue;
    text += (n as Text).data;
  }
  return text;
}
