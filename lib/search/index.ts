export { foldForSearch, foldHan } from './fold';
export { parseQuery, searchable } from './query';
export { builtinEntityNames, entityNames, figureMatches, narrows, readQuery, type EntityNames, type NamedEntity, type QueryTerm } from './meaning';
export {
  createFactIndex,
  createHighlightIndex,
  figuresWritten,
  searchFacts,
  searchHighlights,
  type FactField,
  type HighlightField,
  type MatchReason,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
} from './search';
export { facetCounter, facetsOf, filterFacts, filterHighlights, type FacetValue, type Facets, type FactFilter, type HighlightFilter } from './filter';
export { timelineOf, type Timeline, type TimelineEntry, type TimelineGroup, type TimelineUnit } from './timeline';
export { dayOfTimestamp, factSpan, isoDay, type FactSpan } from './dates';
export { hostOf, siteOf } from './site';
