/**
 * Extraction on the real pages of tests/fixtures/real: per page, expected figures found
 * (by value) and right (unit, action and qualifier too) out of those there, and false
 * figures. `npx tsx scripts/measure-facts.ts [--detail]`
 */
import { HELD_OUT_DIR, measure, REAL_DIR, realPages, type Measure } from '../tests/real-pages';

const detail = process.argv.includes('--detail');
const show = (f: { value: number; unit: string | null; action: string | null; qualifier: string | null }) =>
  `${f.value} ${f.unit ?? '-'} ${f.action ?? '-'} ${f.qualifier ?? '-'}`;

for (const [label, dir] of [['development', REAL_DIR], ['held out', HELD_OUT_DIR]] as const) {
  const rows: Measure[] = realPages(dir).map((name) => measure(dir, name));
  console.log(`\n${label}: page | found/there | right/there | false`);
  for (const m of rows) {
    console.log(`${m.name} | ${m.found}/${m.there} | ${m.right}/${m.there} | ${m.falseFigures.length}`);
    if (!detail) continue;
    for (const e of m.missed) console.log(`   missed ${show(e)}`);
    for (const [e, f] of m.wrong) console.log(`   wrong  ${show(e)}  ← ${show(f)} (${f.text})`);
    for (const f of m.falseFigures) console.log(`   false  ${show(f)} (${f.text})`);
  }
  const sum = (k: 'found' | 'right' | 'there') => rows.reduce((s, m) => s + m[k], 0);
  const falses = rows.reduce((s, m) => s + m.falseFigures.length, 0);
  console.log(`total | ${sum('found')}/${sum('there')} | ${sum('right')}/${sum('there')} | ${falses}`);
}
