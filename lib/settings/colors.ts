import { builtinEntity } from '../lexicon';
import type { EntityId } from '../types';
import type { LensSettings } from './types';

const HEX = /^#[0-9a-f]{6}$/i;

/** Whether `value` is a colour the settings accept: #rrggbb, as `<input type="color">` gives it. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX.test(value);
}

/** The colour an entity is painted in: the user's choice, else its own (user term) or the lexicon's. */
export function entityColor(settings: Pick<LensSettings, 'colors' | 'userTerms'>, id: EntityId): string | undefined {
  const chosen = Object.hasOwn(settings.colors, id) ? settings.colors[id] : undefined;
  if (chosen) return chosen;
  return settings.userTerms.find((t) => t.id === id)?.color ?? builtinEntity(id)?.color;
}
