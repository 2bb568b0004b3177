/**
 * A highlight as a Hypothesis annotation, and back.
 *
 * The note and the figures travel in the annotation's `text` (Markdown): first the note,
 * then the figures as a list any Hypothesis user can read, then one HTML comment that
 * Hypothesis's renderer hides and Qinglang Lens reads back exactly (`qinglang-lens:v1`).
 * The comment also carries the highlight's own id, so an annotation whose creation was
 * answered but the answer lost can be found again instead of being created twice.
 */
import * as v from 'valibot';
import { builtinEntity } from '../lexicon';
import type { Fact, Selector } from '../types';
import { AnnotationAnswer, KnownSelector } from './hypothesis-schema';
import { annotationUri, type SharedPart, type TeamFact, type TeamHighlight } from './types';

const MARKER = 'qinglang-lens:v1';
const MARKER_OPEN = `<!-- ${MARKER} `;
/** Our comment is always the text's last part; its JSON has no ">" (escaped), so it has no "-->" inside. */
const MARKER_TAIL = /^(\{[^>]*\}) -->\s*$/;
const FIGURES_HEADING = 'Figures (Qinglang Lens):';

/** The body of POST /api/annotations (schemas/annotation-create.yaml). */
export interface AnnotationCreate {
  uri: string;
  document: { title: string[] };
  target: Array<{ source: string; selector: Selector[] }>;
  text: string;
  tags: string[];
  group: string;
  permissions: { read: string[] };
}

/** The fields of a fact that travel; ids and links stay local. */
const TravellingFact = v.object({
  value: v.number(),
  figureText: v.string(),
  text: v.string(),
  unit: v.optional(v.string()),
  qualifier: v.optional(v.string()),
  action: v.optional(v.string()),
  date: v.optional(v.string()),
  period: v.optional(v.object({ from: v.optional(v.string()), to: v.optional(v.string()) })),
  entities: v.array(v.string()),
});
type TravellingFact = v.InferOutput<typeof TravellingFact>;

const Marker = v.object({
  id: v.string(),
  entities: v.array(v.string()),
  entityTags: v.array(v.string()),
  facts: v.array(TravellingFact),
});
type Marker = v.InferOutput<typeof Marker>;

function entityTag(id: string): string {
  return builtinEntity(id)?.label.en ?? id;
}

function travelling(fact: Fact): TravellingFact {
  const { value, figureText, text, unit, qualifier, action, date, period, entities } = fact;
  return { value, figureText, text, unit, qualifier, action, date, period, entities: [...entities] };
}

/** "closed more than 67,000 accounts (2023-03-10 – 2023-05-22)" — as written, never re-formatted. */
function figureLine(fact: TravellingFact): string {
  const words = [fact.action, fact.qualifier, fact.figureText, fact.unit].filter(Boolean).join(' ');
  const { from, to } = fact.period ?? {};
  const when = from && to ? `${from} – ${to}` : from ? `from ${from}` : to ? `until ${to}` : fact.date;
  return `- ${words}${when ? ` (${when})` : ''}`;
}

/** JSON that cannot end the HTML comment early, whatever the note or sentence holds. */
function commentSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/-->/g, '--\\u003e').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export function composeText(highlight: Pick<SharedPart, 'id' | 'note' | 'entities' | 'facts'>): string {
  const facts = highlight.facts.map(travelling);
  const marker: Marker = {
    id: highlight.id,
    entities: [...highlight.entities],
    entityTags: highlight.entities.map(entityTag),
    facts,
  };
  const parts = [];
  if (highlight.note.trim()) parts.push(highlight.note.trim());
  if (facts.length > 0) parts.push([FIGURES_HEADING, ...facts.map(figureLine)].join('\n'));
  parts.push(`<!-- ${MARKER} ${commentSafeJson(marker)} -->`);
  return parts.join('\n\n');
}

/** What Qinglang Lens wrote into an annotation's text, if it did; the note without the generated parts. */
export function readText(text: string): { note: string; marker: Marker | null } {
  // The last opening, not the first: a note may quote a marker of its own.
  const at = text.lastIndexOf(MARKER_OPEN);
  const found = at === -1 ? null : MARKER_TAIL.exec(text.slice(at + MARKER_OPEN.length));
  if (!found) return { note: text, marker: null };
  let marker: Marker | null = null;
  try {
    const parsed = v.safeParse(Marker, JSON.parse(found[1]!));
    if (parsed.success) marker = parsed.output;
  } catch {
    marker = null;
  }
  if (!marker) return { note: text, marker: null };
  let note = text.slice(0, at);
  const figures = note.lastIndexOf(FIGURES_HEADING);
  if (marker.facts.length > 0 && figures !== -1) note = note.slice(0, figures);
  return { note: note.trim(), marker };
}

export function toAnnotation(highlight: SharedPart, groupId: string): AnnotationCreate {
  const uri = annotationUri(highlight);
  const entityTags = highlight.entities.map(entityTag);
  const tags = [...new Set([...highlight.tags, ...entityTags])];
  return {
    uri,
    document: { title: [highlight.page.title] },
    target: [{ source: uri, selector: highlight.selectors.map((s) => ({ ...s })) }],
    text: composeText(highlight),
    tags,
    group: groupId,
    // Readable by the group's members only, as Hypothesis's own client does for group annotations.
    permissions: { read: [`group:${groupId}`] },
  };
}

/** The display name, else the user name from `acct:name@authority`. */
function authorOf(answer: AnnotationAnswer): string {
  const name = answer.user_info?.display_name;
  if (name) return name;
  const acct = /^acct:([^@]+)@/.exec(answer.user);
  return acct ? acct[1]! : answer.user;
}

/** A teammate's annotation as a read-only copy; null for anything that is not a usable text annotation. */
export function fromAnnotation(raw: unknown): TeamHighlight | null {
  const parsed = v.safeParse(AnnotationAnswer, raw);
  if (!parsed.success) return null;
  const answer = parsed.output;
  const selectors: Selector[] = [];
  for (const s of answer.target[0]?.selector ?? []) {
    const known = v.safeParse(KnownSelector, s);
    if (known.success) selectors.push(known.output);
  }
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  // Page notes and replies have no quote: nothing to paint or to take figures from.
  if (!quote || quote.type !== 'TextQuoteSelector' || quote.exact.length === 0) return null;
  const { note, marker } = readText(answer.text);
  const author = authorOf(answer);
  const generated = new Set(marker?.entityTags ?? []);
  const title = answer.document?.title?.[0] ?? answer.uri;
  const created = Date.parse(answer.created);
  const facts: TeamFact[] = (marker?.facts ?? []).map((f, i) => ({
    ...f,
    unit: f.unit as TeamFact['unit'],
    id: `team:${answer.id}:${i}`,
    source: { url: answer.uri, title },
    created: Number.isNaN(created) ? 0 : created,
    origin: 'team',
    remoteId: answer.id,
    author,
  }));
  return {
    remoteId: answer.id,
    user: answer.user,
    author,
    url: answer.uri,
    title,
    selectors,
    quote: quote.exact,
    note,
    tags: answer.tags.filter((t) => !generated.has(t)),
    facts,
    created: answer.created,
    updated: answer.updated,
  };
}

/** The highlight id Qinglang Lens wrote into an annotation, if any. */
export function markerId(raw: unknown): string | null {
  const parsed = v.safeParse(AnnotationAnswer, raw);
  if (!parsed.success) return null;
  return readText(parsed.output.text).marker?.id ?? null;
}
