import type { HighlightColor } from '../../lib/types';

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

/** Words for screen readers and tooltips; the swatch alone says nothing to them. */
export const HIGHLIGHT_COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};
