import type { Highlight } from '../types';

/** What the store needs to know about a highlight it already has. */
export type ExistingHighlight = Pick<Highlight, 'id' | 'url' | 'quote' | 'selectors' | 'updated'>;

export interface MergePlan {
  /** New highlights. */
  add: Highlight[];
  /** Highlights the store has under the same id, edited later in the file. */
  update: Highlight[];
  /** Already there: same id and not newer, or the same passage of the same page under another id. */
  skip: Highlight[];
}

/**
 * Two highlights are the same passage when they quote the same text at the same
 * place of the same page; another tool's export of our own highlights gives them new
 * ids, and this keeps a second import from doubling them.
 */
export function passageKey(h: Pick<Highlight, 'url' | 'quote' | 'selectors'>): string {
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  const quote = h.selectors.find((s) => s.type === 'TextQuoteSelector');
  const where =
    position?.type === 'TextPositionSelector'
      ? `${position.start}:${position.end}`
      : quote?.type === 'TextQuoteSelector'
        ? `${quote.prefix ?? ''}\u0000${quote.suffix ?? ''}`
        : '';
  return `${h.url}\u0000${h.quote}\u0000${where}`;
}

/**
 * Sorts imported highlights into added, updated and skipped against what the store
 * holds. Pure: the store's bulkImport may use it, or apply the same rules itself.
 */
export function planMerge(existing: Iterable<ExistingHighlight>, incoming: readonly Highlight[]): MergePlan {
  const byId = new Map<string, ExistingHighlight>();
  const passages = new Set<string>();
  for (const h of existing) {
    byId.set(h.id, h);
    passages.add(passageKey(h));
  }
  const plan: MergePlan = { add: [], update: [], skip: [] };
  for (const h of incoming) {
    const known = byId.get(h.id);
    if (known) {
      (h.updated > known.updated ? plan.update : plan.skip).push(h);
      continue;
    }
    const key = passageKey(h);
    if (passages.has(key)) {
      plan.skip.push(h);
      continue;
    }
    passages.add(key);
    plan.add.push(h);
  }
  return plan;
}
