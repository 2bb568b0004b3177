import type { EntityId } from '@/lib/types';
import { pageNames } from '../page/page-names';

const MENTION = 'mention:';

/**
 * The name a mention of `entity` is painted under: `::highlight(<name>)` and the
 * fallback `<mark class>`. Random for each page load (page-names.ts), so it says nothing
 * of the product and is always a safe CSS ident, whatever the entity's id.
 */
export function mentionStyleName(entity: EntityId): string {
  return pageNames.highlight(MENTION + entity);
}

/** The entity a mention name was made for, or undefined for a name that is not a mention's. */
export function entityOfStyleName(name: string): EntityId | undefined {
  const key = pageNames.keyOf(name);
  return key?.startsWith(MENTION) ? key.slice(MENTION.length) : undefined;
}

/** The name of the flash on the mention the popup just scrolled to. */
export const revealStyleName = (): string => pageNames.highlight('reveal');
/** The class every fallback `<mark>` carries besides its entity's. */
export const fallbackMarkClass = (): string => pageNames.highlight('mark');
