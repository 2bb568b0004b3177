import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FactGroupList } from '@/components/FactGroupList';
import { FilterBar } from '@/components/FilterBar';
import type { HighlightChanges } from '@/components/HighlightItem';
import { HighlightItem } from '@/components/HighlightItem';
import { useShare, type ShareApi } from '@/components/use-share';
import { TeamList } from '@/components/TeamList';
import type { TeamView } from '@/lib/sharing';
import { MatchReasons } from '@/components/MatchReasons';
import { VirtualList } from '@/components/VirtualList';
import { ImportExportPanel, type TransferResult } from '@/components/ImportExportPanel';
import { Notice } from '@/components/Notice';
import { SearchBox } from '@/components/SearchBox';
import { Timeline } from '@/components/Timeline';
import { getLocale, t } from '@/components/i18n';
import type { ExportFile, ExportFormat } from '@/lib/export';
import type { FactGroup } from '@/lib/facts';
import type { PageWrites } from '@/lib/library-service';
import type { ChangeChoice } from '@/lib/highlight-service/types';
import type { HandFactInput } from '@/lib/facts';
import { createHighlightIndex, entityNames, facetCounter, facetsOf, timelineOf, type EntityNames, type Facets, type HighlightFilter } from '@/lib/search';
import { entityColor, type LensSettings } from '@/lib/settings';
import type { FactEdit, StoreResult } from '@/lib/store';
import type { EntityId, Fact, Highlight } from '@/lib/types';
import { entityNamer } from '../popup/entity-names';
import { StatusBar, type Status } from '../popup/StatusBar';
import { EntityNav, type EntityNavItem } from './EntityNav';
import { CorrectFacts } from './FactEditor';
import { KeptText } from './KeptText';
import { ITEM_HEIGHT_AT_LEAST, keepUnchanged, loadInStages, type AskedFirstScreen, type LibraryQueries, type StagedLoad } from './load';
import {
  collect,
  entityCounter,
  entityCounts,
  exportFileName,
  factsOf,
  groupsWithin,
  isFiltered,
  linkedGroups,
  linkInSlices,
  newestFirst,
  selectHighlights,
  unlinkFrom,
  withFact,
  type Collection,
  type LibraryQuery,
} from './library-view';
import { eachItem, nextTask, runInSlices } from './slices';
import { lt } from './strings';

export type { LibraryQueries } from './load';

/** Everything the library needs from the browser, handed in so tests can give their own. */
export interface LibraryEnv {
  openStore(): Promise<StoreResult<LibraryQueries>>;
  loadSettings(): Promise<LensSettings>;
  writes: PageWrites;
  download(file: ExportFile, fileName: string): void;
  openOptions(): void;
  /** The entity to open on (`library.html?entity=weibo`). */
  initialEntity?: EntityId;
  now?: () => Date;
  /** Sharing with a group (Options → Sharing): Share buttons and the group's copies when connected. */
  sharing?: ShareApi & { group(refresh: boolean): Promise<TeamView> };
  /** How the store is read in stages (tests make the pause a no-op). */
  staging?: StagedLoad;
  /** The newest highlights, asked for before this code loaded (main.tsx); used by the first load only. */
  firstScreen?: AskedFirstScreen;
}

type Tab = 'highlights' | 'facts' | 'timeline' | 'team';

interface Data {
  highlights: Highlight[];
  settings: LensSettings;
  /** false while only the newest highlights are read: the rest are on their way. */
  complete: boolean;
  /** Worked out in slices for exactly these highlights (dropped when they change). */
  view?: PreparedView;
}

/** Work on the search index per slice, well under a 50 ms long task. */
const INDEX_SLICE_MS = 8;

/** Up to this many highlights are sorted, counted and shown in one task; more are prepared in slices first. */
const AT_ONCE = 1_000;

/** What the page derives from every highlight, worked out in slices before ten thousand are shown. */
interface PreparedView {
  sorted: Highlight[];
  facets: Facets;
  navItems: EntityNavItem[];
}

/**
 * Sorts, counts facets and entities, and makes the search entries of `highlights`, a
 * slice per task: the page shows them at once when it is done, in a task of its own size.
 * The search entries are kept by highlight, so the page's index finds them made.
 */
async function prepareView(highlights: readonly Highlight[]): Promise<PreparedView> {
  const sorted = [...highlights].sort(newestFirst);
  await nextTask();
  const facets = facetCounter();
  const entities = entityCounter();
  const index = createHighlightIndex(sorted);
  await runInSlices([
    eachItem(sorted, (h) => {
      facets.add(h);
      entities.add(h);
    }),
    (timeLeft) => index.prepare(timeLeft),
  ]);
  return { sorted, facets: facets.facets(), navItems: entities.counts() };
}

/**
 * Highlights the first frame draws, before the list knows where it sits: as many as the
 * window could hold, the rest once it has measured.
 */
const rowsInWindow = () => Math.max(4, Math.ceil((globalThis.innerHeight || 0) / ITEM_HEIGHT_AT_LEAST) + 1);

const utcOffsetMinutes = () => -new Date().getTimezoneOffset();

export function LibraryApp({ env }: { env: LibraryEnv }) {
  const [data, setData] = useState<Data | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [query, setQuery] = useState<LibraryQuery>({
    text: '',
    filter: { entities: env.initialEntity ? [env.initialEntity] : [], dateOf: 'published', utcOffsetMinutes: utcOffsetMinutes() },
  });
  const [tab, setTab] = useState<Tab>('highlights');
  const [status, setStatus] = useState<Status | undefined>();
  const [transfer, setTransfer] = useState<TransferResult | undefined>();
  const [busy, setBusy] = useState(false);
  const [exportAll, setExportAll] = useState(false);
  const [openFact, setOpenFact] = useState<string | undefined>();

  // The latest load wins; an older one still reading stops showing what it reads.
  const loads = useRef(0);
  const shown = useRef<Data | undefined>();
  const asked = useRef(env.firstScreen);
  const reload = useCallback(async () => {
    const load = ++loads.current;
    const firstScreen = asked.current;
    asked.current = undefined;
    let warming = Promise.resolve();
    const fail = (message: string) => load === loads.current && setFailure(message);
    try {
      const [store, settings] = await Promise.all([env.openStore(), env.loadSettings()]);
      if (!store.ok) return fail(store.error.message);
      const read = await loadInStages(
        store.value,
        (highlights, complete) => {
          if (load !== loads.current) return;
          // Unchanged highlights keep their objects, and with them their search entries.
          const next: Data = { highlights: keepUnchanged(shown.current?.highlights ?? [], highlights), settings, complete };
          const showNext = (view?: PreparedView) => {
            if (load !== loads.current) return;
            if (!shown.current) performance.mark('ql-library:first-screen-shown');
            shown.current = { ...next, view };
            setData(shown.current);
            setFailure(undefined);
          };
          if (next.highlights.length <= AT_ONCE) showNext();
          else void prepareView(next.highlights).then(showNext, (e: unknown) => fail(String(e)));
        },
        {
          ...env.staging,
          // Everything is on screen already (back to this tab): read it again without blanking it.
          skipFirstScreen: shown.current?.complete === true,
          asked: firstScreen,
          // Search entries are made as the highlights arrive, so the index is ready with the last batch.
          onBatch: (batch) => {
            const index = createHighlightIndex(batch);
            warming = warming.then(() => runInSlices([(timeLeft) => index.prepare(timeLeft)]));
          },
        },
      );
      if (!read.ok) fail(read.error.message);
    } catch (e) {
      fail(String(e));
    }
  }, [env]);
  // A layout effect, not an effect: an effect waits for the empty page to be painted
  // (25–70 ms), while the first screen, asked for by the entry, is usually read by now and
  // can be in the very first frame.
  useLayoutEffect(() => {
    void reload();
    // Back to this tab after saving highlights elsewhere: show them.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const userTerms = data?.settings.userTerms;
  // Made on the first search (the index asks), not for the first screen.
  const searchNames = useMemo(() => {
    let names: EntityNames | undefined;
    return () => (names ??= entityNames((userTerms ?? []).map((u) => ({ id: u.id, names: [u.label, ...u.terms] }))));
  }, [userTerms]);
  // Once per change of the data: sorting, the search index (only changed highlights are re-read) and the facts in order.
  const view = data?.view;
  const collection = useMemo(
    () => (view ? collect(view.sorted, searchNames, { sorted: true }) : collect(data?.highlights ?? [], searchNames)),
    [data?.highlights, view, searchNames],
  );
  // The search index is built after the page is on screen, a slice per task, so typing
  // and scrolling never wait behind it; a search before it is done indexes what it needs.
  useEffect(() => {
    if (!data?.complete) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const start = performance.now();
      if (!collection.index.prepare(() => performance.now() - start < INDEX_SLICE_MS)) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [collection, data?.complete]);
  const factsShown = tab !== 'highlights';
  // The facts in order are wanted only by the facts and timeline views.
  const allFacts = useMemo(() => (factsShown ? factsOf(collection.highlights) : []), [factsShown, collection]);
  const facets = useMemo(() => view?.facets ?? facetsOf(collection.highlights), [view, collection]);
  const names = useMemo(() => entityNamer(getLocale(), userTerms ?? []), [userTerms]);
  // Per keystroke or filter: one pass over the index (over the last matches when the query
  // extends the last one), nothing sorted but the matches, nothing linked.
  const selection = useMemo(() => selectHighlights(collection, query), [collection, query]);
  const selected = selection.highlights;
  const factEntities = query.filter.entities;
  const aboutFiltered = useCallback(
    (f: Fact) => !factEntities?.length || f.entities.some((e) => factEntities.includes(e)),
    [factEntities],
  );
  const factCount = useMemo(() => {
    let n = 0;
    for (const h of selected) {
      if (!factEntities?.length) n += h.facts.length;
      else for (const f of h.facts) if (aboutFiltered(f)) n++;
    }
    return n;
  }, [selected, aboutFiltered, factEntities]);
  const facts = useMemo(() => {
    if (!factsShown) return [];
    const ids = new Set(selected.map((h) => h.id));
    return allFacts.filter((f) => ids.has(f.highlightId) && aboutFiltered(f));
  }, [factsShown, allFacts, selected, aboutFiltered]);
  // Linking waits until facts are looked at, and then happens once per change of the data.
  const [linked, setLinked] = useState<{ of: Collection; groups: FactGroup[] } | undefined>();
  useEffect(() => {
    if (tab !== 'facts') return;
    let gone = false;
    void linkInSlices(collection, () => gone).then((groups) => groups && !gone && setLinked({ of: collection, groups }));
    return () => {
      gone = true;
    };
  }, [tab, collection]);
  // The groups of this data once linked. While changed data is linked again the last
  // groups stay on screen, rather than the list flashing "Linking…" after each edit;
  // only the first linking shows that.
  const shownGroups = (linked?.of === collection ? linked.groups : linkedGroups(collection)) ?? linked?.groups;
  const groups = useMemo(() => (tab === 'facts' && shownGroups ? groupsWithin(shownGroups, facts) : undefined), [tab, shownGroups, facts]);
  const timeline = useMemo(() => (tab === 'timeline' ? timelineOf(facts, { unit: 'month', order: 'desc' }) : undefined), [tab, facts]);
  const navItems = useMemo(() => view?.navItems ?? entityCounts(collection.highlights), [view, collection]);
  const filtered = isFiltered(query);
  const entity = query.filter.entities?.length === 1 ? query.filter.entities[0] : undefined;

  const setFilter = useCallback((filter: HighlightFilter) => {
    setQuery((q) => ({ ...q, filter: { ...filter, utcOffsetMinutes: utcOffsetMinutes() } }));
  }, []);
  const pickEntity = useCallback((id: EntityId | undefined) => {
    setQuery((q) => ({ ...q, filter: { ...q.filter, entities: id ? [id] : [], utcOffsetMinutes: utcOffsetMinutes() } }));
  }, []);
  // What a keystroke leaves as it was is not drawn again by it: the names down the side and
  // the filters (hundreds of sites and tags in a large library) keep their elements.
  const settings = data?.settings;
  const entityNav = useMemo(
    () => settings && <EntityNav items={navItems} current={entity} name={names} color={(id) => entityColor(settings, id)} onPick={pickEntity} />,
    [navItems, entity, names, settings, pickEntity],
  );
  const filterBar = useMemo(
    () => <FilterBar facets={facets} value={query.filter} onChange={setFilter} entityLabel={(id) => names(id).label} />,
    [facets, query.filter, names, setFilter],
  );
  const replaceHighlights = (next: (all: Highlight[]) => Highlight[]) =>
    setData((d) => (d ? { highlights: next(d.highlights), settings: d.settings, complete: d.complete } : d));

  const onSave = async (id: string, changes: HighlightChanges) => {
    const result = await env.writes.updateHighlight(id, changes);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
    replaceHighlights((all) => all.map((h) => (h.id === id ? result.value : h)));
    setStatus({ tone: 'success', text: lt('saved') });
  };

  const onDelete = async (id: string) => {
    const result = await env.writes.deleteHighlight(id);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
    const deleted = result.value;
    replaceHighlights((all) => all.filter((h) => h.id !== id));
    setStatus({
      tone: 'info',
      text: lt('deleted'),
      action: {
        label: lt('undo'),
        run: async () => {
          const back = await env.writes.restoreHighlight(deleted);
          if (!back.ok) return setStatus({ tone: 'error', text: back.error.message });
          replaceHighlights((all) => [...all.filter((h) => h.id !== deleted.id), back.value]);
          setStatus({ tone: 'success', text: lt('restored') });
        },
      },
    });
  };

  const updateFact = async (id: string, edit: FactEdit): Promise<Fact | undefined> => {
    const result = await env.writes.updateFact(id, edit);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message });
      return undefined;
    }
    replaceHighlights((all) => withFact(all, result.value));
    return result.value;
  };

  const onResolveChange = async (id: string, choice: ChangeChoice) => {
    const result = await env.writes.resolveChange(id, choice);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
    replaceHighlights((all) => all.map((h) => (h.id === id ? result.value : h)));
    setStatus({ tone: 'success', text: choice === 'keep' ? t('change_keep_hint') : t('change_take_hint') });
  };

  const onAddFact = async (id: string, input: HandFactInput): Promise<boolean> => {
    const result = await env.writes.addFact(id, input);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message });
      return false;
    }
    replaceHighlights((all) => all.map((h) => (h.id === id ? result.value : h)));
    setStatus({ tone: 'success', text: t('add_fact_added') });
    return true;
  };

  const onCorrect = async (id: string, edit: FactEdit) => {
    if (await updateFact(id, edit)) setStatus({ tone: 'success', text: lt('fact_corrected') });
  };

  const onUnlink = async (factId: string, groupId: string) => {
    // Unlinked from the whole group, also from the facts a filter hides.
    const group = shownGroups?.find((g) => g.id === groupId);
    // The fact as stored now (the groups shown may be from before the last edit, while relinking).
    const fact = allFacts.find((f) => f.id === factId) ?? group?.facts.find((f) => f.id === factId);
    if (!group || !fact) return;
    const before = fact.unlinked ?? [];
    if (!(await updateFact(factId, { unlinked: unlinkFrom(fact, group) }))) return;
    setStatus({
      tone: 'info',
      text: lt('unlinked', [fact.source.site ?? fact.source.title]),
      action: {
        label: lt('undo'),
        run: async () => {
          if (await updateFact(factId, { unlinked: before })) setStatus({ tone: 'success', text: lt('relinked') });
        },
      },
    });
  };

  const toExport = exportAll || !filtered ? collection.highlights : selected;
  const onExport = async (format: ExportFormat) => {
    // The page records (freshest metadata, and the kept text a JSON backup carries) are read only now.
    const store = await env.openStore();
    const pages = store.ok ? await store.value.allPages() : store;
    if (!pages.ok) return setTransfer({ kind: 'error', error: { message: pages.error.message } });
    // The exporters (CSV, Markdown, zip) load when first asked for, not with the page.
    const { exportHighlights } = await import('@/lib/export');
    const file = exportHighlights(format, toExport, pages.value);
    env.download(file, exportFileName(file.extension, env.now?.() ?? new Date()));
    setTransfer({ kind: 'exported', count: toExport.length, format });
  };

  const onImport = async (file: File) => {
    setBusy(true);
    try {
      // The importer (JSON checks, CSV parsing) loads when first asked for, not with the page.
      const { parseImport } = await import('@/lib/import');
      const parsed = parseImport(await file.text());
      if (!parsed.ok) return setTransfer({ kind: 'error', error: parsed.error });
      const stored = await env.writes.importHighlights(parsed.highlights, parsed.pages);
      if (!stored.ok) {
        return setTransfer({ kind: 'error', error: { message: lt('import_failed_store', [stored.error.message]) } });
      }
      const { added, updated, skipped, deleted } = stored.value;
      // Deleted here after the file was made: left out, and offered back on purpose.
      const restoreDeleted = async () => {
        const ids = deleted.map((d) => d.id);
        const back = await env.writes.importHighlights(parsed.highlights, parsed.pages, ids);
        if (!back.ok) return setStatus({ tone: 'error', text: back.error.message });
        setTransfer({ kind: 'imported', added: back.value.added, updated: back.value.updated, skipped: back.value.skipped, warnings: [] });
        setStatus({ tone: 'success', text: t('import_restored', [back.value.added]) });
        await reload();
      };
      setTransfer({ kind: 'imported', added, updated, skipped, warnings: parsed.warnings, deleted, restoreDeleted: () => void restoreDeleted() });
      await reload();
    } catch (e) {
      setTransfer({ kind: 'error', error: { message: lt('import_failed_store', [e instanceof Error ? e.message : String(e)]) } });
    } finally {
      setBusy(false);
    }
  };

  const onSelectFact = (fact: Fact) => {
    setOpenFact(fact.id);
    setTab('facts');
  };

  // Where every shared highlight stands, asked once per load of the data (not per highlight).
  const share = useShare(data ? env.sharing : undefined, undefined, String(data?.highlights.length ?? -1), (text) => setStatus({ tone: 'error', text }));

  // The group's work, read-only and apart: asked for when its tab is first opened, and on Refresh.
  const [team, setTeam] = useState<TeamView | undefined>();
  const [teamBusy, setTeamBusy] = useState(false);
  const loadTeam = (refresh: boolean) => {
    if (!env.sharing) return;
    setTeamBusy(true);
    env.sharing
      .group(refresh)
      .then(setTeam, (e: unknown) => setStatus({ tone: 'error', text: e instanceof Error ? e.message : String(e) }))
      .finally(() => setTeamBusy(false));
  };
  useEffect(() => {
    if (tab === 'team' && !team && !teamBusy) loadTeam(false);
  }, [tab]);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'highlights', label: lt('tab_highlights', [selected.length]) },
    { id: 'facts', label: lt('tab_facts', [factCount]) },
    { id: 'timeline', label: lt('tab_timeline') },
    ...(share ? [{ id: 'team' as const, label: lt('tab_team', [share.group]) }] : []),
  ];

  const renderGroup = (g: FactGroup) => (
    <div class="library-fact">
      <FactGroupList groups={[g]} onUnlink={onUnlink} />
      <CorrectFacts facts={g.facts} open={g.facts.some((f) => f.id === openFact)} onSave={onCorrect} />
    </div>
  );
  const readPage = useCallback(async (url: string) => {
    const store = await env.openStore();
    return store.ok ? store.value.getPage(url) : store;
  }, [env]);
  const renderHighlight = (h: Highlight) => (
    <>
      <HighlightItem highlight={h} onSave={onSave} onDelete={onDelete} onResolveChange={onResolveChange} onAddFact={onAddFact} showPage share={share} />
      <MatchReasons reasons={selection.reasons.get(h.id)} entityLabel={(id) => names(id).label} />
      <KeptText url={h.url} readPage={readPage} />
    </>
  );

  return (
    <div class="library">
      <header class="library__header">
        <h1 class="library__title">
          {lt('app_name')} <span class="library__subtitle">{lt('library_title')}</span>
        </h1>
        <button type="button" class="ql-button" onClick={() => env.openOptions()}>
          {lt('open_settings')}
        </button>
      </header>
      {failure && <Notice tone="error">{failure}</Notice>}
      {!data && !failure && <p class="ql-muted library__loading">{lt('loading')}</p>}
      {data && (
        <div class="library__body">
          <aside class="library__side">
            {entityNav}
            <section class="library__transfer">
              <ImportExportPanel
                exportCount={toExport.length}
                onExport={(format) => void onExport(format)}
                onImport={onImport}
                busy={busy}
                result={transfer}
                scope={
                  filtered
                    ? { filtered: selected.length, all: collection.highlights.length, everything: exportAll, onChange: setExportAll }
                    : undefined
                }
              />
              <p class="ql-muted library__backup">{lt('backup_hint')}</p>
            </section>
          </aside>
          <main class="library__main" aria-busy={!data.complete}>
            <SearchBox value={query.text} onInput={(text) => setQuery((q) => ({ ...q, text }))} autoFocus />
            {filterBar}
            {entity && (
              <section class="library-entity" aria-label={lt('entity_about', [names(entity).label])}>
                <h2 class="library-entity__name">
                  <span class="library-names__swatch" style={{ background: entityColor(data.settings, entity) ?? 'var(--ql-border)' }} aria-hidden="true" />
                  {names(entity).label}
                </h2>
                {names(entity).description && <p class="library-entity__description">{names(entity).description}</p>}
              </section>
            )}
            <div class="library__tabs" role="tablist" aria-label={lt('views_label')}>
              {tabs.map((x) => (
                <button
                  key={x.id}
                  type="button"
                  role="tab"
                  id={`tab-${x.id}`}
                  aria-selected={tab === x.id}
                  aria-controls={`panel-${x.id}`}
                  tabIndex={tab === x.id ? 0 : -1}
                  class="library__tab"
                  onClick={() => setTab(x.id)}
                  onKeyDown={(e) => {
                    const order = tabs.map((x) => x.id);
                    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                    if (!step) return;
                    e.preventDefault();
                    const next = order[(order.indexOf(tab) + step + order.length) % order.length]!;
                    setTab(next);
                    (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
                  }}
                >
                  {x.label}
                </button>
              ))}
            </div>
            <div class="library__panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
              {tab === 'highlights' && (
                <>
                  {!data.complete && (
                    <p class="ql-muted library__loading" role="status">
                      {lt('loading_rest')}
                    </p>
                  )}
                  {filtered ? (
                    <p class="ql-muted" role="status">
                      {lt('results_for', [selected.length, collection.highlights.length])}
                    </p>
                  ) : (
                    query.text.trim() !== '' && (
                      <p class="ql-muted" role="status">
                        {lt('search_one_more')}
                      </p>
                    )
                  )}
                  {selected.length === 0 ? (
                    <p class="ql-muted">{collection.highlights.length === 0 ? lt('no_highlights') : lt('no_matches')}</p>
                  ) : (
                    <VirtualList items={selected} keyOf={(h) => h.id} render={renderHighlight} label={lt('views_label')} initialRows={rowsInWindow()} />
                  )}
                </>
              )}
              {tab === 'facts' &&
                (!groups ? (
                  <p class="ql-muted" role="status">
                    {lt('linking_facts')}
                  </p>
                ) : groups.length === 0 ? (
                  <p class="ql-muted">{lt('no_facts')}</p>
                ) : (
                  <VirtualList items={groups} keyOf={(g) => g.id} render={renderGroup} estimate={220} />
                ))}
              {tab === 'timeline' && timeline && <Timeline timeline={timeline} onSelectFact={onSelectFact} />}
              {tab === 'team' && share && (
                <>
                  <p class="ql-muted">{lt('team_copies_hint')}</p>
                  {team?.group ? (
                    <TeamList
                      view={{ ...team, group: team.group }}
                      ownFacts={[]}
                      busy={teamBusy}
                      showPage
                      emptyText={lt('team_group_empty', [team.group])}
                      onRefresh={() => loadTeam(true)}
                    />
                  ) : (
                    <p class="ql-muted">{lt('loading')}</p>
                  )}
                </>
              )}
            </div>
          </main>
        </div>
      )}
      <StatusBar status={status} onDismiss={() => setStatus(undefined)} />
    </div>
  );
}
