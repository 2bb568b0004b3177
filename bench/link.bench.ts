/**
 * Linking 15,000 facts: `npx tsx bench/link.bench.ts` (or `npm run bench -- link`).
 *
 * Builds a fixed pseudo-random collection the way a researcher's library grows: 2,500
 * campaign figures (unit, action, year, value), each reported by one to eleven outlets,
 * rounded the way journalists round ("66,600" → "67,000", "more than 66,000"), some
 * articles repeating their figure, about a third of them with a period, the rest placed
 * by their publication date; then times, in this one process, as medians:
 *   - OLD_QUADRATIC_LINK_FACTS below: a copy of lib/facts/link.ts as it was before the
 *     index (every fact compared with every member of every group until one takes it),
 *     kept here as the baseline, with its own rules;
 *   - linkFacts of lib/facts/link.ts (index by unit, action, year and value band).
 * The two group differently on purpose (the new rules keep years and articles apart);
 * both results are printed so the comparison is of like amounts of work.
 */
import { linkFacts } from '../lib/facts';
import { roundSignificant, significantDigits } from '../lib/facts/decimal';
import type { Fact, FigureUnit, Period } from '../lib/types';
import { prng } from './random';

const FACTS = Number(process.env.FACTS ?? 15_000);
const RUNS_NEW = Number(process.env.RUNS ?? 15);
const RUNS_OLD = Number(process.env.RUNS_OLD ?? 3);

// ── The baseline: lib/facts/link.ts before the index (commit cab7e26), unchanged ──────
const OLD_ACTION_FAMILY: Record<string, string> = {
  closed: 'shut', banned: 'shut', removed: 'shut',
  suspended: 'restricted',
  targeted: 'found', identified: 'found', investigated: 'found', accused: 'found', exposed: 'found',
  summoned: 'summoned', referred: 'referred', rectified: 'rectified',
};
const OLD_GENERAL_SANCTIONS = new Set(['penalised', 'dealt with']);
const OLD_SANCTION_FAMILIES = new Set(['shut', 'restricted']);
const OLD_PLATFORMS = new Set(['wechat', 'douyin', 'weibo', 'kuaishou']);

function oldSameQuantity(a: { value: number; qualifier?: string }, b: { value: number; qualifier?: string }): boolean {
  if (a.value === b.value) return true;
  if (!(a.value > 0 && b.value > 0)) return false;
  if (Math.abs(a.value - b.value) > 0.1 * Math.max(a.value, b.value)) return false;
  const [rough, precise] = significantDigits(a.value) <= significantDigits(b.value) ? [a, b] : [b, a];
  const digits = significantDigits(rough.value);
  if (roundSignificant(precise.value, digits) === rough.value) return true;
  if ((rough.qualifier === 'more than' || rough.qualifier === 'at least') && roundSignificant(precise.value, digits, 'down') === rough.value) return true;
  if ((rough.qualifier === 'nearly' || rough.qualifier === 'up to' || rough.qualifier === 'less than') && roundSignificant(precise.value, digits, 'up') === rough.value) return true;
  return false;
}
function oldCompatibleActions(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  const fa = OLD_ACTION_FAMILY[a];
  const fb = OLD_ACTION_FAMILY[b];
  if (fa && fa === fb) return true;
  const sanction = (x: string, f: string | undefined) => OLD_GENERAL_SANCTIONS.has(x) || (f !== undefined && OLD_SANCTION_FAMILIES.has(f));
  return (OLD_GENERAL_SANCTIONS.has(a) && sanction(b, fb)) || (OLD_GENERAL_SANCTIONS.has(b) && sanction(a, fa));
}
function oldSpanOf(f: Pick<Fact, 'period' | 'date'>): Period | undefined {
  if (f.period && (f.period.from || f.period.to)) return f.period;
  if (f.date) return { from: f.date, to: f.date };
  return undefined;
}
function oldOverlapping(a: Period | undefined, b: Period | undefined): boolean {
  if (!a || !b) return true;
  const startsBeforeEnd = (x: Period, y: Period) => !x.from || !y.to || x.from <= y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}
function oldSameFact(a: Fact, b: Fact): boolean {
  if (a.unlinked?.includes(b.id) || b.unlinked?.includes(a.id)) return false;
  if (a.unit !== b.unit) return false;
  if (!oldCompatibleActions(a.action, b.action)) return false;
  if (!oldSameQuantity(a, b)) return false;
  if (!oldOverlapping(oldSpanOf(a), oldSpanOf(b))) return false;
  const pa = a.entities.filter((e) => OLD_PLATFORMS.has(e));
  const pb = b.entities.filter((e) => OLD_PLATFORMS.has(e));
  if (pa.length > 0 && pb.length > 0 && !pa.some((e) => pb.includes(e))) return false;
  return true;
}
/** The old linkFacts without its group summary (which both versions compute alike). */
function OLD_QUADRATIC_LINK_FACTS(facts: readonly Fact[]): Fact[][] {
  const groups: Fact[][] = [];
  for (const fact of facts) {
    const home = groups.find((g) => g.every((other) => other.id !== fact.id && oldSameFact(fact, other)));
    if (home) home.push(fact);
    else groups.push([fact]);
  }
  return groups;
}
// ─────────────────────────────────────────────────────────────────────────────────────

const UNITS: FigureUnit[] = ['accounts', 'posts', 'people', 'cases', 'platforms'];
const ACTIONS = ['closed', 'removed', 'banned', 'suspended', 'summoned', 'dealt with', 'referred', 'penalised'];
const ENTITIES = ['cac', 'qinglang', 'weibo', 'douyin', 'wechat', 'kuaishou', 'self-media'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

function makeFacts(count: number): Fact[] {
  const next = prng(20231010);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const facts: Fact[] = [];
  let article = 0;
  while (facts.length < count) {
    // One campaign figure, then the articles that report it.
    const unit = pick(UNITS);
    const action = pick(ACTIONS);
    const year = pick(YEARS);
    const exact = Math.round(10 ** (2 + next() * 6));
    const entities = [pick(ENTITIES), 'cac'];
    const withPeriod = next() < 0.35;
    const month = 1 + Math.floor(next() * 9);
    const outlets = 1 + Math.floor(next() * 11);
    for (let o = 0; o < outlets && facts.length < count; o++) {
      const url = `https://outlet-${o}.example/${year}/${article++}`;
      const digits = Math.max(1, significantDigits(exact) - Math.floor(next() * 3));
      const rounded = roundSignificant(exact, digits);
      const statements = next() < 0.2 ? 2 : 1;
      for (let s = 0; s < statements && facts.length < count; s++) {
        const id = `f${facts.length}`;
        facts.push({
          id,
          highlightId: `h-${article}`,
          text: `The regulator ${action} ${rounded} ${unit}.`,
          value: rounded,
          unit,
          action,
          ...(rounded < exact && next() < 0.5 && { qualifier: 'more than' }),
          figureText: rounded.toLocaleString('en'),
          ...(withPeriod && { period: { from: `${year}-0${month}-01`, to: `${year}-0${month}-28` } }),
          entities,
          source: { url, title: `Report ${article}`, site: `Outlet ${o}`, published: `${year}-${String(month + 1).padStart(2, '0')}-02` },
          created: facts.length,
        });
      }
    }
  }
  return facts;
}

function medianMs(runs: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const facts = makeFacts(FACTS);
// Warm both up on a slice, so neither is timed while the JIT is still compiling it.
OLD_QUADRATIC_LINK_FACTS(facts.slice(0, 2000));
for (let i = 0; i < 3; i++) linkFacts(facts);

const oldGroups = OLD_QUADRATIC_LINK_FACTS(facts);
const newGroups = linkFacts(facts);
const oldMs = medianMs(RUNS_OLD, () => OLD_QUADRATIC_LINK_FACTS(facts));
const newMs = medianMs(RUNS_NEW, () => linkFacts(facts));
const multi = newGroups.filter((g) => g.facts.length > 1).length;
console.log(`${facts.length} facts: old → ${oldGroups.length} groups; new → ${newGroups.length} groups (${multi} with two or more articles)`);
console.log(`old quadratic linkFacts (baseline, median of ${RUNS_OLD})`.padEnd(52) + `${oldMs.toFixed(1).padStart(9)} ms`);
console.log(`linkFacts with the index (median of ${RUNS_NEW})`.padEnd(52) + `${newMs.toFixed(1).padStart(9)} ms  ${(oldMs / newMs).toFixed(1)}× faster (target ≥ 20×)`);
