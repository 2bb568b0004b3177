/**
 * A repeatable id for an annotation that comes without one, so importing the same
 * file twice finds the same highlight instead of adding it again. FNV-1a, twice
 * with different seeds for 64 bits: not a secure hash, only a stable name.
 */
export function stableId(parts: readonly string[]): string {
  const input = parts.join('\u0000');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `imported-${hex(a)}${hex(b)}`;
}
