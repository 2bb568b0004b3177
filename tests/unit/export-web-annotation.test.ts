import { describe, expect, it } from 'vitest';
import { annotationIdOf, toWebAnnotations, toWebAnnotationsJson } from '../../lib/export';
import { financePage, makeHighlight, purgePage, seedHighlights } from './export-samples';

describe('toWebAnnotations', () => {
  const collection = toWebAnnotations(seedHighlights());
  const [closed, platforms, chinese] = collection.first.items;

  it('is an AnnotationCollection under the W3C context and our own namespace', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection['@context'][1].ql).toMatch(/^urn:|^https?:/);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection['ql:schemaVersion']).toBe(1);
  });

  it('turns each highlight into an Annotation whose id is an IRI', () => {
    expect(closed?.type).toBe('Annotation');
    expect(closed?.motivation).toBe('highlighting');
    expect(closed?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(annotationIdOf('my id/1')).toBe('urn:qinglang-lens:highlight:my%20id%2F1');
  });

  it('targets the page with a TextQuoteSelector and a TextPositionSelector', () => {
    expect(closed?.target.source).toBe(purgePage.url);
    expect(closed?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(closed?.target.selector[0]).toMatchObject({ exact: expect.stringContaining('67,000'), prefix: 'before ' });
  });

  it('carries the note as a commenting body and each tag as a tagging body', () => {
    expect(closed?.body).toEqual([
      expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: expect.stringContaining('6.66萬') }),
      { type: 'TextualBody', purpose: 'tagging', value: 'figures' },
      { type: 'TextualBody', purpose: 'tagging', value: 'self-media' },
    ]);
  });

  it('leaves the body out when there is neither note nor tag', () => {
    const bare = toWebAnnotations([makeHighlight({ quote: 'The regulator did not say how many.' })]);
    expect(bare.first.items[0]).not.toHaveProperty('body');
  });

  it('writes created and modified as ISO times', () => {
    expect(closed?.created).toBe('2023-05-29T08:01:00.000Z');
    expect(closed?.modified).toBe('2023-05-29T09:01:00.000Z');
  });

  it('keeps colour, entities, facts, orphaned state and schema version under the ql: prefix', () => {
    expect(closed?.['ql:color']).toBe('green');
    expect(closed?.['ql:entities']).toEqual(['cac']);
    expect(closed?.['ql:facts'][0]).toMatchObject({ value: 67000, unit: 'accounts', created: '2023-05-29T08:00:00.000Z' });
    expect(chinese?.['ql:orphaned']).toBe(true);
    expect(platforms).not.toHaveProperty('ql:orphaned');
    expect(closed?.['ql:schemaVersion']).toBe(1);
  });

  it('cites every source: outlet, title, author, date and URL', () => {
    expect(closed?.['ql:citation']).toBe(
      `Web Desk, “${purgePage.title}”, Example News, 2023-05-28, ${purgePage.url}`,
    );
    expect(platforms?.['ql:page']).toEqual(financePage);
    expect(collection['ql:pages'].map((p) => p.url)).toEqual([purgePage.url, financePage.url, expect.any(String)]);
  });

  it('cites from the store’s current page record when one is given', () => {
    const updated = { ...purgePage, author: 'Staff reporter' };
    const withPages = toWebAnnotations(seedHighlights(), [updated]);
    expect(withPages.first.items[0]?.['ql:citation']).toMatch(/^Staff reporter, /);
    // The highlight's own copy of the page is still what it saved.
    expect(withPages.first.items[0]?.['ql:page'].author).toBe('Web Desk');
  });

  it('gives the same file for the same data, whatever order the keys were stored in', () => {
    const [h] = seedHighlights();
    if (!h) throw new Error('no sample');
    const shuffled = { ...h, page: { published: h.page.published, title: h.page.title, url: h.page.url, site: h.page.site, author: h.page.author } };
    expect(toWebAnnotationsJson([shuffled])).toBe(toWebAnnotationsJson([h]));
  });

  it('stamps the export time only when asked', () => {
    expect(collection).not.toHaveProperty('generated');
    expect(toWebAnnotations([], undefined, { generated: new Date(Date.UTC(2024, 0, 2)) }).generated).toBe(
      '2024-01-02T00:00:00.000Z',
    );
  });
});
