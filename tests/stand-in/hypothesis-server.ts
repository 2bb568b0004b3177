/**
 * A loopback stand-in for the part of the Hypothesis API v1 that sharing uses, for unit
 * and browser tests. Written from the published description (hypothesis/h,
 * docs/_extra/api-reference/hypothesis-v1.yaml with schemas/annotation-create.yaml,
 * annotation.yaml, group.yaml, profile.yaml, errors.yaml): every request's method, path,
 * headers and body are checked against it, and a request that does not conform is
 * answered 400 and recorded in `violations`, so a test fails on a malformed request even
 * when the client would have shrugged the answer off.
 *
 * Faults on demand: a status (401, 404, 429 with Retry-After, 500), a slow answer, or a
 * dropped connection, for the next requests that match. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';

export const MEDIA_TYPE = 'application/vnd.hypothesis.v1+json';

// --- request bodies, from schemas/annotation-create.yaml -------------------------------
const Selector = v.looseObject({ type: v.string() });
const Target = v.looseObject({ source: v.optional(v.string()), selector: v.optional(v.array(Selector)), description: v.optional(v.string()) });
const Document = v.looseObject({
  title: v.optional(v.array(v.string())),
  dc: v.optional(v.looseObject({ identifier: v.optional(v.array(v.string())) })),
  highwire: v.optional(v.looseObject({ doi: v.optional(v.array(v.string())), pdf_url: v.optional(v.array(v.string())) })),
  link: v.optional(v.array(v.looseObject({ href: v.string(), type: v.optional(v.string()) }))),
});
const Uri = v.pipe(v.string(), v.url());
const CreateBody = v.strictObject({
  uri: Uri,
  document: v.optional(Document),
  text: v.optional(v.string()),
  tags: v.optional(v.array(v.string())),
  group: v.optional(v.string()),
  permissions: v.optional(v.record(v.string(), v.unknown())),
  target: v.optional(v.array(Target)),
  references: v.optional(v.array(v.string())),
});
/** PATCH has PATCH semantics (RFC 5789): any subset of the create fields. */
const PatchBody = v.partial(CreateBody);

// --- query of GET /search, from hypothesis-v1.yaml ---------------------------------------
const SEARCH_PARAMS = new Set(['limit', 'sort', 'search_after', 'offset', 'order', 'uri', 'url', 'uri.parts', 'wildcard_uri', 'user', 'group', 'tag', 'tags', 'any', 'quote', 'references', 'text']);
const SORTS = new Set(['created', 'updated', 'group', 'id', 'user']);

export interface StandInUser {
  token: string;
  /** acct:name@authority */
  userid: string;
  displayName: string;
  groups: string[];
}

export interface StandInGroup {
  id: string;
  name: string;
  type: 'private' | 'open' | 'restricted';
}

export interface StoredAnnotation {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  text: string;
  tags: string[];
  group: string;
  permissions: Record<string, unknown>;
  target: Array<Record<string, unknown>>;
  document: { title: string[] };
}

export type Fault =
  | { status: 401 | 404 | 500 | 503; times?: number; match?: RegExp }
  | { status: 429; retryAfter?: string; times?: number; match?: RegExp }
  | { drop: true; times?: number; match?: RegExp; afterHandling?: boolean }
  | { delayMs: number; times?: number; match?: RegExp }
  /** A create that arrives twice (a browser resent it after its connection dropped): two annotations, the second answered. */
  | { twice: true; times?: number; match?: RegExp };

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface HypothesisStandIn {
  /** e.g. http://127.0.0.1:PORT/api */
  apiUrl: string;
  requests: RequestRecord[];
  /** Requests that broke the published description: should stay empty. */
  violations: string[];
  annotations: Map<string, StoredAnnotation>;
  fault(f: Fault): void;
  close(): Promise<void>;
}

export async function startHypothesisStandIn(options: { users: StandInUser[]; groups: StandInGroup[] }): Promise<HypothesisStandIn> {
  const requests: RequestRecord[] = [];
  const violations: string[] = [];
  const annotations = new Map<string, StoredAnnotation>();
  const faults: Array<Fault & { left: number }> = [];
  let sequence = 0;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const tick = () => new Date((clock += 1000)).toISOString();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Hypothesis-Media-Type': MEDIA_TYPE, ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const failure = (res: ServerResponse, status: number, reason: string, headers: Record<string, string> = {}) =>
    send(res, status, { status: 'failure', reason }, headers);
  const violation = (res: ServerResponse, what: string) => {
    violations.push(what);
    failure(res, 400, what);
  };

  const takeFault = (path: string): Fault | undefined => {
    const i = faults.findIndex((f) => !f.match || f.match.test(path));
    if (i === -1) return undefined;
    const f = faults[i]!;
    if (--f.left <= 0) faults.splice(i, 1);
    return f;
  };

  const userOf = (req: IncomingMessage): StandInUser | undefined => {
    const auth = req.headers.authorization;
    const m = auth ? /^Bearer (\S+)$/.exec(auth) : null;
    return m ? options.users.find((u) => u.token === m[1]) : undefined;
  };

  const groupAnswer = (g: StandInGroup) => ({
    id: g.id,
    links: { html: `https://stand-in.invalid/groups/${g.id}` },
    name: g.name,
    organization: null,
    public: g.type !== 'private',
    scoped: false,
    type: g.type,
    urls: { group: `https://stand-in.invalid/groups/${g.id}` },
  });

  const annotationAnswer = (a: StoredAnnotation) => {
    const author = options.users.find((u) => u.userid === a.user);
    return {
      ...a,
      links: { html: `https://stand-in.invalid/a/${a.id}` },
      hidden: false,
      flagged: false,
      user_info: { display_name: author?.displayName ?? null },
    };
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string, rawBody: string) {
    let body: unknown = undefined;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return violation(res, `${req.method} ${path}: body is not JSON`);
      }
    }
    const query: Record<string, string[]> = {};
    for (const [k, value] of url.searchParams) (query[k] ??= []).push(value);
    requests.push({ method: req.method ?? '', path, query, headers: { authorization: req.headers.authorization, accept: req.headers.accept, 'content-type': req.headers['content-type'] }, body });

    if (req.headers.accept !== MEDIA_TYPE) {
      violations.push(`${req.method} ${path}: Accept is ${req.headers.accept ?? 'missing'}`);
      return failure(res, 406, 'Not Acceptable');
    }
    if (body !== undefined && !/^application\/(.+\+)?json/.test(req.headers['content-type'] ?? '')) {
      return violation(res, `${req.method} ${path}: body without a JSON Content-Type`);
    }

    const fault = takeFault(path);
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && 'drop' in fault && !fault.afterHandling) return req.socket.destroy();
    if (fault && 'status' in fault) {
      if (fault.status === 429) return failure(res, 429, 'Too many requests', fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
      return failure(res, fault.status, fault.status === 404 ? 'Either the resource you requested does not exist, or you are not authorized to access it.' : 'stand-in fault');
    }

    const user = userOf(req);
    if (!user) return failure(res, 401, 'Invalid or missing API token');
    const dropAfter = fault && 'drop' in fault && fault.afterHandling;
    const reply = (status: number, answer: unknown) => (dropAfter ? req.socket.destroy() : send(res, status, answer));

    const method = req.method;
    if (method === 'GET' && path === '/api/profile') {
      return reply(200, { authority: user.userid.split('@')[1], features: {}, groups: [], preferences: {}, userid: user.userid });
    }
    if (method === 'GET' && path === '/api/profile/groups') {
      return reply(200, options.groups.filter((g) => user.groups.includes(g.id)).map(groupAnswer));
    }
    if (method === 'POST' && path === '/api/annotations') {
      const parsed = v.safeParse(CreateBody, body);
      if (!parsed.success) return violation(res, `POST /api/annotations: ${v.summarize(parsed.issues)}`);
      const group = parsed.output.group ?? '__world__';
      if (group !== '__world__' && !user.groups.includes(group)) return failure(res, 404, 'Either the resource you requested does not exist, or you are not authorized to access it.');
      const create = (): StoredAnnotation => {
        const now = tick();
        const stored: StoredAnnotation = {
          id: `stand-in-${++sequence}`,
          created: now,
          updated: now,
          user: user.userid,
          uri: parsed.output.uri,
          text: parsed.output.text ?? '',
          tags: parsed.output.tags ?? [],
          group,
          permissions: { read: [`group:${group}`], update: [user.userid], delete: [user.userid], admin: [user.userid], ...(parsed.output.permissions ?? {}) },
          target: (parsed.output.target ?? []).map((t) => ({ ...t, source: t.source ?? parsed.output.uri })),
          document: { title: parsed.output.document?.title ?? [] },
        };
        annotations.set(stored.id, stored);
        return stored;
      };
      if (fault && 'twice' in fault) create();
      const stored = create();
      return reply(200, annotationAnswer(stored));
    }
    const one = /^\/api\/annotations\/([^/]+)$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const found = annotations.get(id);
      // v1 answers 404 for "missing" and "not yours" alike.
      if (!found || (method !== 'GET' && found.user !== user.userid)) return failure(res, 404, 'Either the resource you requested does not exist, or you are not authorized to access it.');
      if (method === 'GET') return reply(200, annotationAnswer(found));
      if (method === 'PATCH' || method === 'PUT') {
        const parsed = v.safeParse(PatchBody, body);
        if (!parsed.success) return violation(res, `${method} ${path}: ${v.summarize(parsed.issues)}`);
        const p = parsed.output;
        const updated: StoredAnnotation = {
          ...found,
          ...(p.text !== undefined ? { text: p.text } : {}),
          ...(p.tags !== undefined ? { tags: p.tags } : {}),
          ...(p.target !== undefined ? { target: p.target } : {}),
          ...(p.document?.title !== undefined ? { document: { title: p.document.title } } : {}),
          updated: tick(),
        };
        annotations.set(id, updated);
        return reply(200, annotationAnswer(updated));
      }
      if (method === 'DELETE') {
        annotations.delete(id);
        return reply(200, { deleted: true, id });
      }
    }
    if (method === 'GET' && path === '/api/search') {
      for (const k of Object.keys(query)) if (!SEARCH_PARAMS.has(k)) return violation(res, `GET /api/search: unknown parameter ${k}`);
      const limit = Number(query.limit?.[0] ?? 20);
      if (!Number.isInteger(limit) || limit < 0 || limit > 200) return violation(res, `GET /api/search: limit ${query.limit?.[0]} outside 0–200`);
      const sort = query.sort?.[0] ?? 'updated';
      if (!SORTS.has(sort)) return violation(res, `GET /api/search: sort ${sort}`);
      const order = query.order?.[0] ?? 'desc';
      if (order !== 'asc' && order !== 'desc') return violation(res, `GET /api/search: order ${order}`);
      const uris = [...(query.uri ?? []), ...(query.url ?? [])];
      const groups = query.group ?? [];
      const after = query.search_after?.[0];
      const key = (a: StoredAnnotation) => String(a[sort as 'updated'] ?? '');
      let rows = [...annotations.values()].filter(
        (a) =>
          (uris.length === 0 || uris.includes(a.uri)) &&
          (groups.length === 0 || groups.includes(a.group)) &&
          // A user sees the group annotations of groups they belong to.
          (a.group === '__world__' || user.groups.includes(a.group)),
      );
      rows.sort((a, b) => (order === 'asc' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
      if (after !== undefined) rows = rows.filter((a) => (order === 'asc' ? key(a) > after : key(a) < after));
      const total = rows.length;
      return reply(200, { rows: rows.slice(0, limit).map(annotationAnswer), total });
    }
    return failure(res, 404, `No such endpoint: ${method} ${path}`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      handle(req, res, url, url.pathname, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        violations.push(`stand-in crashed: ${String(e)}`);
        if (!res.headersSent) failure(res, 500, 'stand-in crashed');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    violations,
    annotations,
    fault: (f) => faults.push({ ...f, left: f.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
