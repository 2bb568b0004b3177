/**
 * Checks what arrives before anyone acts on it: messages come from other contexts,
 * and a content script runs next to code we do not control.
 */
import type { Message, MessageType } from './index';

/** Whether a value is shaped like a message of some type (an object with a string `type`). */
export function isMessage(value: unknown): value is { type: string } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A check of one message type's fields: null when they are right, else what is wrong. */
export type MessageCheck = (message: Record<string, unknown>) => string | null;

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function checkTally(m: Record<string, unknown>): string | null {
  if (typeof m.url !== 'string') return 'url must be a string';
  if (!isCount(m.total)) return 'total must be a whole number ≥ 0';
  const by = m.byEntity;
  if (typeof by !== 'object' || by === null || Array.isArray(by)) return 'byEntity must be an object';
  for (const [id, n] of Object.entries(by)) if (!isCount(n)) return `byEntity.${id} must be a whole number ≥ 0`;
  return null;
}

/** The checks of the built-in messages; a message type without one is checked for its `type` only. */
const CHECKS: { [K in MessageType]?: MessageCheck } = {
  'mentions/changed': checkTally,
  'mentions/of-tab': (m) => (Number.isInteger(m.tabId) ? null : 'tabId must be an integer'),
  'highlights/changed': (m) => (typeof m.url === 'string' ? null : 'url must be a string'),
  'mentions/reveal': (m) => (typeof m.entity === 'string' && m.entity !== '' ? null : 'entity must be an entity id'),
};

/**
 * The message, typed, when `value` is a well-formed message of `type`; otherwise an
 * Error saying what is wrong with it.
 */
export function checkMessage<T extends MessageType>(value: unknown, type: T): Message<T> | Error {
  if (!isMessage(value)) return new Error('not a message: expected an object with a string "type"');
  if (value.type !== type) return new Error(`expected a "${type}" message, got "${value.type}"`);
  const problem = CHECKS[type]?.(value as Record<string, unknown>) ?? null;
  return problem ? new Error(`malformed "${type}" message: ${problem}`) : (value as Message<T>);
}
