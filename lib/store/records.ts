import type { Fact, Highlight } from '../types';
import type { FactRecord, HighlightRecord, TimeKey } from './schema';

const timeKeys = (names: readonly string[], created: number, id: string): TimeKey[] =>
  [...new Set(names)].map((name) => [name, created, id]);

export function toHighlightRecord(h: Highlight): HighlightRecord {
  return { ...h, entityKeys: timeKeys(h.entities, h.created, h.id), tagKeys: timeKeys(h.tags, h.created, h.id) };
}

export function fromHighlightRecord(record: HighlightRecord): Highlight {
  const { entityKeys: _entityKeys, tagKeys: _tagKeys, ...highlight } = record;
  return highlight;
}

export function toFactRecord(fact: Fact, url: string): FactRecord {
  return { ...fact, url, entityKeys: timeKeys(fact.entities, fact.created, fact.id) };
}

export function fromFactRecord(record: FactRecord): Fact {
  const { url: _url, entityKeys: _entityKeys, ...fact } = record;
  return fact;
}
