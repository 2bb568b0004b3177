import { ENTITY_IDS, type EntityId } from '@/lib/types';

/**
 * The name a mention of `entity` is painted under: `::highlight(<name>)` and the
 * fallback `<mark class>` in mentions.css. The user's own terms share one name, since
 * their ids are free text and a stylesheet cannot be written for them ahead of time.
 */
export function mentionStyleName(entity: EntityId): string {
  return (ENTITY_IDS as readonly string[]).includes(entity) ? `qinglang-mention-${entity}` : 'qinglang-mention-custom';
}

/** Every name mentions.css styles, so the painter can register them all up front. */
export const MENTION_STYLE_NAMES: readonly string[] = [...ENTITY_IDS.map((id) => `qinglang-mention-${id}`), 'qinglang-mention-custom'];
