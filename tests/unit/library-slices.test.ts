/**
 * Ten thousand highlights are counted and indexed a slice at a time: each slice stops
 * when its time is up (after at least one step), the jobs run in order, and counting in
 * slices gives what counting at once gives.
 */
import { describe, expect, it } from 'vitest';
import { entityCounter, entityCounts } from '../../entrypoints/library/library-view';
import { eachItem, runInSlices } from '../../entrypoints/library/slices';
import { facetCounter, facetsOf } from '../../lib/search';
import { makeHighlight } from './export-samples';

/** A clock that moves 1 ms per step, and a count of the tasks yielded. */
function fakeTime() {
  let t = 0;
  const tasks: number[] = [];
  return { now: () => t, tick: () => (t += 1), tasks, yieldTask: async () => void tasks.push(t) };
}

describe('work in slices', () => {
  it('stops each slice when its time is up and goes on in the next task, in order', async () => {
    const clock = fakeTime();
    const seen: string[] = [];
    const job = (name: string, n: number) =>
      eachItem(
        Array.from({ length: n }, (_, i) => `${name}${i}`),
        (x) => {
          seen.push(x);
          clock.tick();
        },
      );
    await runInSlices([job('a', 10), job('b', 5)], { budgetMs: 4, now: clock.now, yieldTask: clock.yieldTask });
    expect(seen).toEqual([...Array.from({ length: 10 }, (_, i) => `a${i}`), ...Array.from({ length: 5 }, (_, i) => `b${i}`)]);
    // 15 steps of 1 ms in slices of 4 ms: four slices, three yields between them.
    expect(clock.tasks).toHaveLength(3);
  });

  it('makes progress even when a slice has no time at all', async () => {
    const clock = fakeTime();
    let steps = 0;
    await runInSlices([eachItem([1, 2, 3], () => void steps++)], { budgetMs: 0, now: clock.now, yieldTask: clock.yieldTask });
    expect(steps).toBe(3);
  });

  it('finishes at once with no jobs and with an empty list', async () => {
    const clock = fakeTime();
    await runInSlices([], { now: clock.now, yieldTask: clock.yieldTask });
    await runInSlices([eachItem([], () => undefined)], { now: clock.now, yieldTask: clock.yieldTask });
    expect(clock.tasks).toEqual([]);
  });

  it('counts facets and entities one highlight at a time as it counts them all at once', () => {
    const hs = [
      makeHighlight({ quote: 'The CAC told Weibo to act.', id: 'a', entities: ['cac', 'weibo', 'cac'], tags: ['rumours', 'rumours'] }),
      makeHighlight({ quote: 'Weibo closed accounts.', id: 'b', entities: ['weibo'], tags: ['platforms'] }),
      makeHighlight({ quote: 'Nothing named here.', id: 'c', entities: [], tags: [] }),
    ];
    const facets = facetCounter();
    const entities = entityCounter();
    for (const h of hs) {
      facets.add(h);
      entities.add(h);
    }
    expect(facets.facets()).toEqual(facetsOf(hs));
    expect(entities.counts()).toEqual(entityCounts(hs));
    // Each entity once per highlight, most highlights first.
    expect(entityCounts(hs).map((e) => [e.id, e.highlights])).toEqual([
      ['weibo', 2],
      ['cac', 1],
    ]);
    expect(facetsOf(hs).tags).toEqual([
      { value: 'platforms', count: 1 },
      { value: 'rumours', count: 1 },
    ]);
  });
});
