// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleRoot, articleText, readPageMeta, toIsoDate } from '../../lib/page-meta';

const PAGE_URL = 'https://news.example.com/china/2023/05/purge.html?utm_source=feed#comments';
const PAGE_KEY = 'https://news.example.com/china/2023/05/purge.html';

function doc(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('readPageMeta', () => {
  it('reads title, outlet, author, date and canonical URL from Open Graph and article tags', () => {
    const meta = readPageMeta(
      doc(`
        <title>Regulator closes 67,000 accounts | The Daily Example</title>
        <meta property="og:title" content="Regulator closes 67,000 accounts">
        <meta property="og:site_name" content="The Daily Example">
        <meta name="author" content="Li Wei">
        <meta property="article:published_time" content="2023-05-26T09:30:00+08:00">
        <link rel="canonical" href="/china/2023/05/purge.html">`),
      PAGE_URL
    );
    expect(meta).toEqual({
      url: PAGE_KEY,
      title: 'Regulator closes 67,000 accounts',
      site: 'The Daily Example',
      author: 'Li Wei',
      published: '2023-05-26T09:30:00+08:00',
      canonical: 'https://news.example.com/china/2023/05/purge.html',
    });
  });

  it('falls back to JSON-LD for the headline, the publisher, the authors and the publication date', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example Site' },
        {
          '@type': 'NewsArticle',
          headline: 'Platforms told to rectify financial self-media',
          datePublished: '2023-07-11',
          author: [{ '@type': 'Person', name: 'Zhang San' }, { '@type': 'Person', name: 'Jane Roe' }],
          publisher: { '@type': 'NewsMediaOrganization', name: 'Caixin Global' },
        },
      ],
    };
    const meta = readPageMeta(
      doc(`<title>Page</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`),
      PAGE_URL
    );
    expect(meta.title).toBe('Platforms told to rectify financial self-media');
    expect(meta.site).toBe('Caixin Global');
    expect(meta.author).toBe('Zhang San, Jane Roe');
    expect(meta.published).toBe('2023-07-11');
  });

  it('ignores a malformed JSON-LD block and still reads the rest of the page', () => {
    const meta = readPageMeta(
      doc(`<title>Still here</title>
        <script type="application/ld+json">{ "headline": "broken", }</script>
        <meta name="application-name" content="Outlet App">`),
      PAGE_URL
    );
    expect(meta.title).toBe('Still here');
    expect(meta.site).toBe('Outlet App');
  });

  it('takes the byline and the <time> of the article when the head says nothing', () => {
    const meta = readPageMeta(
      doc(
        '<title>A story</title>',
        `<nav><time datetime="2024-01-01">today</time></nav>
         <article><h1>A story</h1><p class="byline">By Wang Fang</p>
         <time datetime="2023-05-26">26 May 2023</time><p>Body.</p></article>`,
      ),
      PAGE_URL
    );
    expect(meta.author).toBe('Wang Fang');
    expect(meta.published).toBe('2023-05-26');
  });

  it('does not take an author profile URL for an author name', () => {
    const meta = readPageMeta(
      doc(`<title>t</title><meta property="article:author" content="https://www.facebook.com/someone">`),
      PAGE_URL
    );
    expect(meta.author).toBeUndefined();
  });

  it('leaves out what the page does not state instead of inventing it', () => {
    const meta = readPageMeta(doc('<title>Only a title</title>'), PAGE_URL);
    expect(meta).toEqual({ url: PAGE_KEY, title: 'Only a title' });
  });

  it('drops a canonical link that is not a web address', () => {
    const meta = readPageMeta(doc('<title>t</title><link rel="canonical" href="javascript:void(0)">'), PAGE_URL);
    expect(meta.canonical).toBeUndefined();
  });
});

describe('toIsoDate', () => {
  it('keeps an ISO date-time with its zone', () => {
    expect(toIsoDate('2023-05-26T09:30:00Z')).toBe('2023-05-26T09:30:00Z');
    expect(toIsoDate('2023-05-26 09:30')).toBe('2023-05-26T09:30');
  });

  it('reads the date forms news sites write', () => {
    expect(toIsoDate('20230526')).toBe('2023-05-26');
    expect(toIsoDate('2023/5/26')).toBe('2023-05-26');
    expect(toIsoDate('2023年5月26日 10:00')).toBe('2023-05-26');
    expect(toIsoDate('May 26, 2023')).toBe('2023-05-26');
    expect(toIsoDate('Friday, 26th May 2023')).toBe('2023-05-26');
    expect(toIsoDate('Sept. 3, 2021')).toBe('2021-09-03');
  });

  it('refuses impossible dates and words that only look like months', () => {
    expect(toIsoDate('2023-02-30')).toBeUndefined();
    expect(toIsoDate('Mayday 26, 2023')).toBeUndefined();
    expect(toIsoDate('yesterday')).toBeUndefined();
  });
});

describe('articleRoot', () => {
  it('picks the article over the navigation and the teaser cards around it', () => {
    const body = 'The Cyberspace Administration of China said on Friday it had closed accounts. '.repeat(5);
    const d = doc(
      '<title>t</title>',
      `<nav>Home News Opinion</nav>
       <article class="teaser">Short teaser</article>
       <article class="story"><p>${body}</p></article>
       <aside>Most read</aside>`,
    );
    expect(articleRoot(d).getAttribute('class')).toBe('story');
  });

  it('uses the whole body when nothing marks the article', () => {
    const d = doc('<title>t</title>', '<div><p>Just a paragraph.</p></div>');
    expect(articleRoot(d).tagName.toLowerCase()).toBe('body');
  });
});

describe('articleText', () => {
  it('keeps the story with its paragraphs apart and leaves the page furniture out', () => {
    const sentence = 'Platforms were told to rectify financial self-media accounts within the month. ';
    const d = doc(
      '<title>t</title>',
      `<nav>Home · World · China</nav>
       <article><h1>Rectify</h1><p>${sentence.repeat(2)}</p><p>Second <em>paragraph</em> here.</p>
       <script>var tracking = 1;</script></article>
       <footer>© Outlet</footer>`,
    );
    const text = articleText(d);
    expect(text.startsWith('Rectify\n')).toBe(true);
    expect(text).toContain('\nSecond paragraph here.');
    expect(text).not.toMatch(/Home|Outlet|tracking/);
  });
});
