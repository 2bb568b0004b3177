import type * as v from 'valibot';
import type * as h from './highlight';
import type * as s from './settings';

// The types of the stored shapes, derived from their schemas (declared once, in the schema).
export type TextQuoteSelector = v.InferOutput<typeof h.TextQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof h.TextPositionSelectorSchema>;
export type Selector = v.InferOutput<typeof h.SelectorSchema>;
export type PageMeta = v.InferOutput<typeof h.PageMetaSchema>;
export type StoredPage = v.InferOutput<typeof h.StoredPageSchema>;
export type Period = v.InferOutput<typeof h.PeriodSchema>;
export type FigureUnit = (typeof h.FIGURE_UNITS)[number];
export type HighlightColor = (typeof h.HIGHLIGHT_COLORS)[number];
export type Fact = v.InferOutput<typeof h.FactSchema>;
export type Highlight = v.InferOutput<typeof h.HighlightSchema>;
export type Tombstone = v.InferOutput<typeof h.TombstoneSchema>;
export type HighlightEdit = v.InferOutput<typeof h.HighlightEditSchema>;
export type FactEdit = v.InferOutput<typeof h.FactEditSchema>;

export type UserTerm = v.InferOutput<typeof s.UserTermSchema>;
export type SitePolicy = v.InferOutput<typeof s.SitePolicySchema>;
export type PrivateWindowPolicy = v.InferOutput<typeof s.PrivateWindowPolicySchema>;
export type LensSettings = v.InferOutput<typeof s.SettingsSchema>;
