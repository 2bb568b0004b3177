import { describe, expect, it } from 'vitest';
import {
  addTerm,
  defaultSettings,
  entityColor,
  loadSettings,
  mayStore,
  newTermId,
  parseSiteList,
  parseVariants,
  readStoredSettings,
  replaceTerm,
  saveSettings,
  spottingRunsOn,
  storageKeyOf,
  termProblems,
  watchSettings,
  type SettingsArea,
  type StorageChangeListener,
  type UserTerm,
} from '../../lib/settings';

/** A storage area in memory that announces changes the way browser.storage does. */
function memoryArea() {
  const data = new Map<string, unknown>();
  const listeners = new Set<StorageChangeListener>();
  const area: SettingsArea & { fail?: Error } = {
    async get(keys) {
      if (area.fail) throw area.fail;
      const out: Record<string, unknown> = {};
      for (const k of keys) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      if (area.fail) throw area.fail;
      const changes: Record<string, { newValue?: unknown; oldValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: v };
        data.set(k, structuredClone(v));
      }
      for (const l of listeners) l(changes, 'local');
    },
  };
  const event = { addListener: (l: StorageChangeListener) => listeners.add(l), removeListener: (l: StorageChangeListener) => listeners.delete(l) };
  return { area, event, data, listeners };
}

const npc: UserTerm = { id: 'user-npc', label: 'NPC', terms: ['NPC', '全国人大', "National People's Congress"], color: '#12a594' };

describe('variants the user types', () => {
  it('splits on lines, commas of either width, 顿号 and semicolons, trimming and keeping each once', () => {
    expect(parseVariants(' SAMR,市场监管总局，市场监管总局\n国家市场监督管理总局 ; State  Administration for Market Regulation、SAMR ')).toEqual([
      'SAMR',
      '市场监管总局',
      '国家市场监督管理总局',
      'State Administration for Market Regulation',
    ]);
  });
});

describe('checking a term before it is watched', () => {
  const draft = (label: string, variants: string, color = '#6e56cf') => ({ label, variants, color });
  const codes = (label: string, variants: string, others: UserTerm[] = [], color?: string) =>
    termProblems(draft(label, variants, color), others).map((p) => p.code);

  it('accepts a named term with variants in both scripts and a colour', () => {
    expect(codes('Market regulator', 'SAMR\n市场监管总局\n市場監管總局')).toEqual([]);
  });
  it('refuses a single character, which would be marked all over every page', () => {
    expect(codes('Net', '网')).toEqual(['variant_too_short']);
    expect(codes('Letter', 'x')).toEqual(['variant_too_short']);
  });
  it('refuses variants without any letter, such as a year', () => {
    expect(codes('Year', '2023')).toEqual(['variant_no_letters']);
  });
  it('needs a name and at least one variant', () => {
    expect(codes('  ', '')).toEqual(['label_missing', 'no_variants']);
  });
  it('says which of the user’s terms already has a variant or a name', () => {
    const found = termProblems(draft('npc', 'national people’s congress\n全国人大'), [npc]);
    expect(found.map((p) => p.code)).toEqual(['label_taken', 'variant_taken']);
    expect(found[1]!.params).toEqual(['全国人大', 'NPC']);
  });
  it('tells the user when a variant is already found as a built-in entity', () => {
    const [p] = termProblems(draft('Weibo again', '微博'), []);
    expect(p?.code).toBe('variant_builtin');
    expect(p?.params).toEqual(['微博', 'Weibo']);
  });
  it('refuses a colour that is not #rrggbb', () => {
    expect(codes('Regulator', 'SAMR', [], 'red')).toEqual(['bad_color']);
  });
});

describe('the watch-list', () => {
  it('adds a term under a new user- id that never takes a built-in id', () => {
    const added = addTerm([npc], { label: 'Weibo', variants: 'Sina microblog', color: '#7D8FA3' });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const term = added.terms[1]!;
    expect(term).toEqual({ id: 'user-weibo', label: 'Weibo', terms: ['Sina microblog'], color: '#7d8fa3' });
  });
  it('numbers ids of terms whose names give the same id, and names Chinese-only terms user-term', () => {
    expect(newTermId('N.P.C.', ['user-n-p-c'])).toBe('user-n-p-c-2');
    expect(newTermId('人大', [])).toBe('user-term');
    expect(newTermId('人大', ['user-term', 'user-term-2'])).toBe('user-term-3');
  });
  it('changes a term in place, keeping its id, so highlights that mention it stay linked', () => {
    const changed = replaceTerm([npc], 'user-npc', { label: 'NPC', variants: 'NPC\n全国人大\n全國人大', color: '#12a594' });
    expect(changed.ok && changed.terms).toEqual([{ ...npc, terms: ['NPC', '全国人大', '全國人大'] }]);
  });
  it('does not count the term being edited as a clash with itself', () => {
    expect(replaceTerm([npc], 'user-npc', { label: 'npc', variants: 'NPC', color: '#12a594' }).ok).toBe(true);
  });
});

describe('where spotting runs', () => {
  it('reads hosts from addresses, bare names and wildcards, and lists what it cannot read', () => {
    expect(parseSiteList('https://www.SCMP.com/news/china\n*.caixin.com, thepaper.cn  not/a host  news')).toEqual({
      hosts: ['scmp.com', 'caixin.com', 'thepaper.cn'],
      invalid: ['not/a', 'host', 'news'],
    });
  });
  it('runs on a listed site and its subdomains only', () => {
    const policy = { mode: 'list' as const, hosts: ['caixin.com'] };
    expect(spottingRunsOn(policy, 'https://international.caixin.com/2023-05-22/1.html')).toBe(true);
    expect(spottingRunsOn(policy, 'https://notcaixin.com/')).toBe(false);
    expect(spottingRunsOn(policy, 'file:///home/me/caixin.com.html')).toBe(false);
    expect(spottingRunsOn({ mode: 'all' }, 'https://example.org/')).toBe(true);
  });
});

describe('reading stored settings', () => {
  it('gives the defaults, storing nothing from private windows, when nothing was stored', () => {
    const { settings, dropped } = readStoredSettings({});
    expect(settings).toEqual(defaultSettings());
    expect(settings.privateWindows).toBe('never-store');
    expect(dropped).toEqual([]);
  });
  it('keeps the good parts of a damaged value and names what it dropped', () => {
    const stored = JSON.parse(
      '{"disabledEntities":["weibo",7,"Not An Id"],"colors":{"__proto__":"#ffffff","cac":"#AA0000","douyin":"pink"},"privateWindows":"yes","userTerms":[{"id":"user-npc","label":"NPC","terms":["NPC","x"],"color":"#12a594"},{"id":"user-bad"}],"sites":{"mode":"list","hosts":["caixin.com","javascript:alert(1)"]}}',
    );
    const { settings, dropped } = readStoredSettings(stored);
    expect(settings.disabledEntities).toEqual(['weibo']);
    expect(settings.colors).toEqual({ cac: '#aa0000' });
    expect(Object.getPrototypeOf(settings.colors)).toBe(Object.prototype);
    expect(settings.privateWindows).toBe('never-store');
    expect(settings.userTerms).toEqual([{ id: 'user-npc', label: 'NPC', terms: ['NPC'], color: '#12a594' }]);
    expect(settings.sites).toEqual({ mode: 'list', hosts: ['caixin.com'] });
    expect(dropped).toHaveLength(5);
  });
});

describe('settings in browser storage', () => {
  it('stores each setting under its own key and reads back what was written', async () => {
    const { area, data } = memoryArea();
    const saved = await saveSettings(area, { disabledEntities: ['kuaishou'], privateWindows: 'allow' });
    expect(saved.ok && saved.value.disabledEntities).toEqual(['kuaishou']);
    expect([...data.keys()].sort()).toEqual([storageKeyOf('disabledEntities'), storageKeyOf('privateWindows')].sort());
    const loaded = await loadSettings(area);
    expect(loaded.ok && loaded.value.settings.privateWindows).toBe('allow');
  });
  it('does not undo a setting written by another page when saving a different one', async () => {
    const { area } = memoryArea();
    await saveSettings(area, { userTerms: [npc] });
    await saveSettings(area, { disabledEntities: ['qinglang'] });
    const loaded = await loadSettings(area);
    expect(loaded.ok && loaded.value.settings.userTerms).toEqual([npc]);
  });
  it('refuses a value that would not read back as written, and changes nothing', async () => {
    const { area, data } = memoryArea();
    const saved = await saveSettings(area, { colors: { cac: 'crimson' } });
    expect(saved.ok).toBe(false);
    expect(data.size).toBe(0);
  });
  it('turns a storage failure into a message instead of throwing', async () => {
    const { area } = memoryArea();
    area.fail = new Error('QUOTA_BYTES quota exceeded');
    const saved = await saveSettings(area, { privateWindows: 'allow' });
    expect(saved).toEqual({ ok: false, message: expect.stringContaining('QUOTA_BYTES') });
    expect((await loadSettings(area)).ok).toBe(false);
  });
  it('tells a watcher the whole settings after another page changed one, and stops when asked', async () => {
    const { area, event, listeners } = memoryArea();
    const seen: string[][] = [];
    const stop = watchSettings(event, area, (r) => r.ok && seen.push(r.value.settings.disabledEntities));
    await saveSettings(area, { disabledEntities: ['cac'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([['cac']]);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('policies', () => {
  it('stores nothing from a private window unless the user allowed it', () => {
    expect(mayStore({ privateWindows: 'never-store' }, true)).toBe(false);
    expect(mayStore({ privateWindows: 'never-store' }, false)).toBe(true);
    expect(mayStore({ privateWindows: 'allow' }, true)).toBe(true);
  });
  it('paints an entity in the user’s colour, else its term’s, else the lexicon’s', () => {
    const settings = { colors: { weibo: '#000000' }, userTerms: [npc] };
    expect(entityColor(settings, 'weibo')).toBe('#000000');
    expect(entityColor(settings, 'user-npc')).toBe('#12a594');
    expect(entityColor(settings, 'cac')).toMatch(/^#[0-9a-f]{6}$/i);
    expect(entityColor(settings, 'unknown')).toBeUndefined();
  });
});
