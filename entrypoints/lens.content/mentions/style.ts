import { ENTITY_IDS, type EntityId } from '@/lib/types';

const BUILTIN = new Set<string>(ENTITY_IDS);
// The ids lib/settings gives the user's own terms (`user-` and a slug): safe in a CSS name.
const USER_ID = /^user-[a-z0-9-]+$/;

/**
 * The name a mention of `entity` is painted under: `::highlight(<name>)` and the
 * fallback `<mark class>`. Built-in entities are styled by mentions.css; the user's own
 * terms by the stylesheet colors.ts writes from their settings, and any id that
 * is not safe in a CSS name by the shared `qinglang-mention-custom`.
 */
export function mentionStyleName(entity: EntityId): string {
  return BUILTIN.has(entity) || USER_ID.test(entity) ? `qinglang-mention-${entity}` : 'qinglang-mention-custom';
}
