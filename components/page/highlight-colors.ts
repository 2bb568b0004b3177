import type { HighlightColor } from '../../lib/types';
import { t } from '../i18n';

/**
 * The paint of each highlight colour. The same values are written in the content
 * script's ::highlight() rules (entrypoints/lens.content/highlights/highlights.css),
 * which cannot import TypeScript; a unit test keeps the two in step.
 */
export const HIGHLIGHT_PAINT: Record<HighlightColor, string> = {
  yellow: '#ffe066',
  green: '#b2f2bb',
  blue: '#a5d8ff',
  pink: '#fcc2d7',
  purple: '#d0bfff',
};

/** A colour's name for screen readers and tooltips (the swatch alone says nothing to them), as a label: "Yellow", "黄色". */
export function colourName(color: HighlightColor): string {
  const name = t(`colour_${color}`);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
