export { foldForSearch, foldHan } from './fold';
export { parseQuery } from './query';
export {
  createFactIndex,
  createHighlightIndex,
  searchFacts,
  searchHighlights,
  type FactField,
  type HighlightField,
  type SearchHit,
  type SearchIndex,
} from './search';
export { facetsOf, filterFacts, filterHighlights, type FacetValue, type Facets, type FactFilter, type HighlightFilter } from './filter';
export { timelineOf, type Timeline, type TimelineEntry, type TimelineGroup, type TimelineUnit } from './timeline';
export { dayOfTimestamp, factSpan, isoDay, type FactSpan } from './dates';
export { hostOf, siteOf } from './site';
