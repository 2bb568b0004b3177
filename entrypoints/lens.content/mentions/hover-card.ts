import { builtinEntity } from '@/lib/lexicon';
import type { EntityId } from '@/lib/types';
import type { EntityHoverCardProps, FactCount } from '@/components/page/EntityHoverCard';
import { CUSTOM_TERM, entityAtPoint } from './mention-at-point';
import type { Point } from '../page/hit-test';
import { ask } from '../page/messaging';

// The pointer must rest this long on a mention before its card shows: no work per mousemove.
const HOVER_DELAY_MS = 150;

export interface EntityHoverOptions {
  doc: Document;
  registry: HighlightRegistry;
  /** The card shown now, if any. */
  current: () => EntityHoverCardProps | undefined;
  show: (hover: EntityHoverCardProps | undefined) => void;
}

export interface EntityHover {
  pointerMoved(point: Point): void;
  /** The user's facts changed (a highlight saved or deleted): count them again next time. */
  forgetCounts(): void;
  dispose(): void;
}

/**
 * The card of an entity mark under a resting pointer: what the entity is (in the
 * page's language) and how many facts the user has collected about it, asked of the
 * background once per entity until the user's facts change.
 */
export function createEntityHover({ doc, registry, current, show }: EntityHoverOptions): EntityHover {
  const counts = new Map<EntityId, FactCount>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered: EntityId | undefined;

  function countOf(entity: EntityId): FactCount {
    const known = counts.get(entity);
    if (known) return known;
    const loading: FactCount = { state: 'loading' };
    counts.set(entity, loading);
    void ask({ type: 'highlights/fact-count', entity }).then((answer) => {
      const count: FactCount = answer.ok
        ? { state: 'known', count: answer.value }
        : { state: 'failed', message: answer.error.message };
      // A failure is shown on this card only: the next hover asks again.
      if (answer.ok) counts.set(entity, count);
      else counts.delete(entity);
      const card = current();
      if (card && hovered === entity) show({ ...card, facts: count });
    });
    return loading;
  }

  function hoverAt(point: Point): void {
    const hit = entityAtPoint(doc, registry, point);
    if (!hit) {
      hovered = undefined;
      if (current()) show(undefined);
      return;
    }
    const at = { x: Math.round(hit.box.left), y: Math.round(hit.box.bottom) };
    const card = current();
    // Still on the same mention: leave the card as it is.
    if (card && hovered === hit.entity && card.at.x === at.x && card.at.y === at.y) return;
    hovered = hit.entity;
    const zh = (doc.documentElement.lang || '').toLowerCase().startsWith('zh');
    const entry = hit.entity === CUSTOM_TERM ? undefined : builtinEntity(hit.entity);
    show(
      entry
        ? {
            label: zh ? entry.label.zh : entry.label.en,
            description: zh ? entry.description.zh : entry.description.en,
            color: entry.color,
            facts: countOf(hit.entity),
            at,
          }
        : { label: hit.text, description: 'One of your own watch-list terms.', at },
    );
  }

  return {
    pointerMoved(point) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => hoverAt(point), HOVER_DELAY_MS);
    },
    forgetCounts() {
      counts.clear();
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
