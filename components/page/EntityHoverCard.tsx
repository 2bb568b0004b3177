import { useRef } from 'preact/hooks';
import type { ViewportPoint } from './floating';
import { usePlacement } from './use-placement';

/** How many facts the user has collected about the entity, as far as we know yet. */
export type FactCount = { state: 'loading' } | { state: 'known'; count: number } | { state: 'failed'; message: string };

export interface EntityHoverCardProps {
  label: string;
  description: string;
  /** The entity's mark colour, shown as a dot beside its name. */
  color?: string;
  /** Absent when facts cannot be counted for it (one of the user's own terms). */
  facts?: FactCount;
  at: ViewportPoint;
}

/** What shows when the pointer rests on an entity mark. Purely informative: it takes no clicks. */
export function EntityHoverCard({ label, description, color, facts, at }: EntityHoverCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { left, top } = usePlacement(ref, at);
  return (
    <div ref={ref} class="ql-hover" role="tooltip" style={{ left: `${left}px`, top: `${top}px` }}>
      <p class="ql-hover__title">
        {color && <span class="ql-hover__dot" style={{ background: color }} aria-hidden="true" />}
        {label}
      </p>
      <p class="ql-hover__description">{description}</p>
      {facts && <p class="ql-hover__facts">{factsLine(facts)}</p>}
    </div>
  );
}

function factsLine(facts: FactCount): string {
  switch (facts.state) {
    case 'loading':
      return 'Counting your facts…';
    case 'failed':
      return `Your facts could not be counted: ${facts.message}`;
    case 'known':
      if (facts.count === 0) return 'No facts collected yet.';
      return facts.count === 1 ? '1 fact in your collection.' : `${facts.count} facts in your collection.`;
  }
}
