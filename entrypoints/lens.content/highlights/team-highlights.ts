/**
 * Teammates' highlights on the page, when the user connected a group: asked of the
 * background (which fetches them at most every few minutes), anchored like the user's
 * own, and painted through the same closed-shadow-root overlay in a style of their own
 * (a dashed underline, not a fill), with the author's name shown above a passage while
 * the pointer is over it. Nothing of them reaches CSS.highlights or the page's DOM, and
 * none of it is stored here: reload, and they are asked for again.
 */
import type { TeamHighlight } from '../../../lib/sharing';
import { SCHEMA_VERSION, type Highlight } from '../../../lib/types';
import { readPageMeta } from '../../../lib/page-meta';
import { HighlightPainter } from './highlight-painter';
import { Restorer } from './restorer';
import { ask } from '../page/messaging';
import { inspection } from '../page/inspection';

const TEAM_PIECE = 'background:transparent;border-bottom:2px dashed #0b7a5f;border-radius:0';

/** A teammate's highlight as the restorer anchors it: read-only, never sent back to the store. */
function asAnchorable(t: TeamHighlight): Highlight {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: `team:${t.remoteId}`,
    url: t.url,
    page: { url: t.url, title: t.title },
    selectors: t.selectors,
    quote: t.quote,
    note: t.note,
    tags: t.tags,
    color: 'green',
    entities: [],
    facts: [],
    created: 0,
    updated: 0,
  };
}

export interface TeamHighlightsHandle {
  /** The page's address changed (in-page navigation): ask again for the new one. */
  load(url: string): Promise<void>;
  dispose(): void;
}

export function startTeamHighlights(doc: Document, tag: string): TeamHighlightsHandle {
  const authors = new Map<string, string>();
  const painter = new HighlightPainter({ doc, tag, pieceStyle: () => TEAM_PIECE, labelOf: (id) => authors.get(id) });
  // Teammates' passages are never reported as orphans: they are not the user's to flag.
  const restorer = new Restorer({ doc, painter, report: () => undefined });
  let current = '';
  let frame: number | undefined;
  let pointer: { x: number; y: number } | undefined;

  inspection.team = () => [...painter.entries()].map(([id, { range }]) => [authors.get(id) ?? '', range.toString()]);
  inspection.teamLabel = () => painter.shownLabel;

  const hoverCheck = () => {
    frame = undefined;
    if (!pointer) return;
    const { x, y } = pointer;
    let over: string | undefined;
    for (const [id, { range }] of painter.entries()) {
      for (const r of Array.from(range.getClientRects())) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) over = id;
      }
      if (over) break;
    }
    painter.setHovered(over);
  };
  const onMove = (e: MouseEvent) => {
    pointer = { x: e.clientX, y: e.clientY };
    frame ??= requestAnimationFrame(hoverCheck);
  };
  let listening = false;
  const listen = (on: boolean) => {
    if (on === listening) return;
    listening = on;
    if (on) doc.addEventListener('mousemove', onMove, { passive: true, capture: true });
    else doc.removeEventListener('mousemove', onMove, { capture: true });
  };

  async function load(url: string): Promise<void> {
    current = url;
    const canonical = readPageMeta(doc, location.href).canonical;
    const answer = await ask({ type: 'sharing/team', url, uri: canonical });
    if (url !== current) return;
    // Not connected, or the server could not be asked: nothing painted, the popup says why.
    const team = answer.ok ? answer.value.highlights : [];
    authors.clear();
    for (const t of team) authors.set(`team:${t.remoteId}`, t.author);
    listen(team.length > 0);
    await restorer.reset(team.map(asAnchorable));
  }

  return {
    load,
    dispose: () => {
      listen(false);
      if (frame !== undefined) cancelAnimationFrame(frame);
      restorer.dispose();
      painter.dispose();
    },
  };
}
