import { containsComposed, type RangeBounds } from '@/lib/dom';
import type { MentionCount } from '@/lib/messages';
import type { EntityId } from '@/lib/types';
import type { MarkPainter, PaintedMark } from './mark-painter';

/** One mention on the page. */
export interface PageMark {
  entity: EntityId;
  bounds: RangeBounds;
  /** What the painter drew (null if it could not draw this one). */
  painted: PaintedMark | null;
}

/**
 * The mentions on the page, kept by the block whose text holds them, so a block that
 * changes is rescanned alone and its old marks are replaced in one step. It keeps the
 * count per entity as marks come and go, so the badge never has to recount the page.
 */
export class MentionRegistry {
  private readonly byBlock = new Map<Element, PageMark[]>();
  private readonly counts = new Map<EntityId, number>();
  private total = 0;

  constructor(private readonly painter: MarkPainter) {}

  /** Removes the marks of one block (before it is read again). */
  clearBlock(block: Element): void {
    const marks = this.byBlock.get(block);
    if (!marks) return;
    this.byBlock.delete(block);
    for (const mark of marks) this.unshow(mark);
  }

  add(block: Element, entity: EntityId, bounds: RangeBounds): void {
    const mark: PageMark = { entity, bounds, painted: null };
    let marks = this.byBlock.get(block);
    if (!marks) this.byBlock.set(block, (marks = []));
    marks.push(mark);
    this.show(mark);
  }

  /** Removes the marks of `root` and of every block inside it, in shadow trees too (it was hidden, say). */
  clearWithin(root: Element): void {
    for (const block of [...this.byBlock.keys()]) if (containsComposed(root, block)) this.clearBlock(block);
  }

  /** Forgets the marks of blocks no longer in the document; true if any went. */
  pruneDetached(): boolean {
    let pruned = false;
    for (const block of this.byBlock.keys()) {
      if (!block.isConnected) {
        this.clearBlock(block);
        pruned = true;
      }
    }
    return pruned;
  }

  /** Shows the marks added since the last commit (see MarkPainter.commit). */
  commit(): void {
    this.painter.commit();
  }

  /** The marks whose text is in `block` (for hover cards and tests). */
  marksOf(block: Element): readonly PageMark[] {
    return this.byBlock.get(block) ?? [];
  }

  /** Where the shown mentions of one entity are, block by block (not in page order). */
  boundsOf(entity: EntityId): RangeBounds[] {
    const found: RangeBounds[] = [];
    for (const marks of this.byBlock.values()) for (const mark of marks) if (mark.painted && mark.entity === entity) found.push(mark.bounds);
    return found;
  }

  /** The shown mentions, in all and per entity. */
  count(): MentionCount {
    const byEntity: MentionCount['byEntity'] = {};
    for (const [entity, n] of this.counts) if (n > 0) byEntity[entity] = n;
    return { total: this.total, byEntity };
  }

  clear(): void {
    for (const block of [...this.byBlock.keys()]) this.clearBlock(block);
  }

  private show(mark: PageMark): void {
    mark.painted = this.painter.paint(mark.entity, mark.bounds);
    if (!mark.painted) return;
    this.counts.set(mark.entity, (this.counts.get(mark.entity) ?? 0) + 1);
    this.total += 1;
  }

  private unshow(mark: PageMark): void {
    if (!mark.painted) return;
    this.painter.erase(mark.painted);
    mark.painted = null;
    this.counts.set(mark.entity, (this.counts.get(mark.entity) ?? 1) - 1);
    this.total -= 1;
  }
}
