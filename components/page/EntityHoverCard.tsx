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
  /** The card's language: the page's Chinese script, else the interface's (see page-script.ts). */
  language?: 'en' | 'zh-Hans' | 'zh-Hant';
}

type Language = NonNullable<EntityHoverCardProps['language']>;
const WORDS: Record<Language, { counting: string; failed: string; none: string; one: string; many: string }> = {
  en: {
    counting: 'Counting your facts…',
    failed: 'Your facts could not be counted: $1',
    none: 'No facts collected yet.',
    one: '1 fact in your collection.',
    many: '$1 facts in your collection.',
  },
  'zh-Hans': { counting: '正在统计你的事实…', failed: '无法统计你的事实：$1', none: '还没有收集事实。', one: '你的收藏中有 1 条事实。', many: '你的收藏中有 $1 条事实。' },
  'zh-Hant': { counting: '正在統計你的事實…', failed: '無法統計你的事實：$1', none: '還沒有收集事實。', one: '你的收藏中有 1 條事實。', many: '你的收藏中有 $1 條事實。' },
};

/** What shows when the pointer rests on an entity mark. Purely informative: it takes no clicks. */
export function EntityHoverCard({ label, description, color, facts, at, language = 'en' }: EntityHoverCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { left, top } = usePlacement(ref, at);
  return (
    <div ref={ref} class="ql-hover" role="tooltip" lang={language} style={{ left: `${left}px`, top: `${top}px` }}>
      <p class="ql-hover__title">
        {color && <span class="ql-hover__dot" style={{ background: color }} aria-hidden="true" />}
        {label}
      </p>
      <p class="ql-hover__description">{description}</p>
      {facts && <p class="ql-hover__facts">{factsLine(facts, WORDS[language])}</p>}
    </div>
  );
}

function factsLine(facts: FactCount, words: (typeof WORDS)[Language]): string {
  switch (facts.state) {
    case 'loading':
      return words.counting;
    case 'failed':
      return words.failed.replace('$1', facts.message);
    case 'known':
      if (facts.count === 0) return words.none;
      return facts.count === 1 ? words.one : words.many.replace('$1', String(facts.count));
  }
}
