/**
 * Exact arithmetic on numbers as they are written. "1.1亿" is 1.1 × 10⁸; multiplying the
 * double 1.1 by 1e8 gives 110000000.00000001, so the decimal point is moved in the
 * string instead and the result parsed once.
 */

/** The value of `written` (ASCII digits with at most one '.', no separators) × 10^power. */
export function scaleDecimal(written: string, power: number): number {
  const dot = written.indexOf('.');
  const int = dot === -1 ? written : written.slice(0, dot);
  const frac = dot === -1 ? '' : written.slice(dot + 1);
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  const exp = power - frac.length;
  if (exp >= 0) return Number(digits + '0'.repeat(exp));
  const padded = digits.padStart(-exp + 1, '0');
  return Number(padded.slice(0, exp) + '.' + padded.slice(exp));
}

/** How many significant digits a value has: 67000 → 2, 66600 → 3, 1410900 → 5. */
export function significantDigits(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0) return 1;
  // toFixed(0) keeps integers below 1e21 out of exponent notation, so their zeros can be counted.
  const s = Number.isInteger(abs) ? abs.toFixed(0) : String(abs);
  const digits = s.replace('.', '').replace(/^0+/, '');
  const trimmed = Number.isInteger(abs) ? digits.replace(/0+$/, '') : digits;
  return Math.max(1, trimmed.length);
}

export type RoundingMode = 'nearest' | 'down' | 'up';

/** `value` rounded to `precision` significant digits, exactly (66600 → 67000 at 2). */
export function roundSignificant(value: number, precision: number, mode: RoundingMode = 'nearest'): number {
  if (value === 0) return 0;
  if (mode === 'nearest') return Number(value.toPrecision(precision));
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const power = magnitude - precision + 1;
  // Work on the integer count of 10^power steps so the scaling itself stays exact.
  const steps = power >= 0 ? value / 10 ** power : value * 10 ** -power;
  const nearestSteps = Math.round(steps);
  const exactSteps = Math.abs(steps - nearestSteps) < 1e-9 ? nearestSteps : steps;
  const rounded = mode === 'down' ? Math.floor(exactSteps) : Math.ceil(exactSteps);
  return power >= 0 ? scaleDecimal(String(rounded), power) : Number((rounded / 10 ** -power).toPrecision(precision + 1));
}
