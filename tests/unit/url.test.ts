import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../lib/url';

describe('normalizeUrl', () => {
  it('drops the fragment, including a text fragment', () => {
    expect(normalizeUrl('https://example.com/news/cac#comments')).toBe('https://example.com/news/cac');
    expect(normalizeUrl('https://example.com/news/cac#:~:text=self-media')).toBe('https://example.com/news/cac');
  });

  it('keeps a fragment that is the route of a hash-routed site', () => {
    expect(normalizeUrl('https://news.example.cn/#/article/42')).toBe('https://news.example.cn/#/article/42');
    expect(normalizeUrl('https://example.com/#!/story/7')).toBe('https://example.com/#!/story/7');
  });

  it('drops campaign, click-id and newsletter parameters whatever their case', () => {
    expect(
      normalizeUrl(
        'https://example.com/a?utm_source=x&UTM_Medium=email&fbclid=abc&gclid=1&mc_eid=9&id=5&_hsenc=p2&pk_campaign=c',
      ),
    ).toBe('https://example.com/a?id=5');
  });

  it('drops Chinese platforms’ share and click-path parameters', () => {
    expect(normalizeUrl('https://www.example.com.cn/news/1.html?spm=a2c4g.11186623&share_token=T1&isappinstalled=0')).toBe(
      'https://www.example.com.cn/news/1.html',
    );
    expect(normalizeUrl('https://www.bilibili.com/video/BV1xx?p=2&vd_source=abc&spm_id_from=333.1007&share_source=weixin')).toBe(
      'https://www.bilibili.com/video/BV1xx?p=2',
    );
  });

  it('keeps only the parameters that name a WeChat article', () => {
    expect(
      normalizeUrl(
        'https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1&sn=8f3e&chksm=8b&scene=21&sharer_shareid=x&pass_ticket=p#wechat_redirect',
      ),
    ).toBe('https://mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=2650&sn=8f3e');
    // Other WeChat pages are named by other parameters.
    expect(normalizeUrl('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5&scene=124')).toBe(
      'https://mp.weixin.qq.com/mp/profile_ext?__biz=MzA5&action=home&scene=124',
    );
  });

  it('drops share markers only on the sites where they are share markers', () => {
    expect(normalizeUrl('https://x.com/cac/status/1?s=20&t=abc')).toBe('https://x.com/cac/status/1');
    expect(normalizeUrl('https://www.youtube.com/watch?v=abc&si=share1&t=42')).toBe('https://www.youtube.com/watch?t=42&v=abc');
    // On a news site `s` is a search and `from` a date filter: they choose what the page shows.
    expect(normalizeUrl('https://news.example.com/search?s=weibo&from=2023-03-10')).toBe(
      'https://news.example.com/search?from=2023-03-10&s=weibo',
    );
    expect(normalizeUrl('https://weibo.com/123/abc?from=page_100&type=comment')).toBe('https://weibo.com/123/abc?type=comment');
  });

  it('lowercases the host and drops default ports, a trailing dot and credentials', () => {
    expect(normalizeUrl('HTTPS://News.Example.COM:443/Story/1')).toBe('https://news.example.com/Story/1');
    expect(normalizeUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(normalizeUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
    expect(normalizeUrl('https://example.com./a')).toBe('https://example.com/a');
    expect(normalizeUrl('https://user:secret@example.com/a')).toBe('https://example.com/a');
  });

  it('sorts parameters by name and keeps repeated names in their order with their values as written', () => {
    expect(normalizeUrl('https://example.com/list?tag=b&page=2&tag=a&q=%E7%BD%91%E4%BF%A1%E5%8A%9E+2023')).toBe(
      'https://example.com/list?page=2&q=%E7%BD%91%E4%BF%A1%E5%8A%9E+2023&tag=b&tag=a',
    );
  });

  it('gives the same URL for the same page reached in different ways', () => {
    const ways = [
      'https://example.com/article?id=7&lang=zh',
      'https://Example.com/article?lang=zh&id=7#top',
      'https://example.com:443/article?utm_source=wechat&lang=zh&id=7&spm=a.b',
    ];
    expect(new Set(ways.map(normalizeUrl)).size).toBe(1);
  });

  it('removes the question mark when only tracking parameters were there', () => {
    expect(normalizeUrl('https://example.com/a?utm_source=x')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a?')).toBe('https://example.com/a');
  });

  it('keeps a parameter with a malformed escape rather than failing', () => {
    expect(normalizeUrl('https://example.com/a?bad%E0=1&utm_source=x')).toBe('https://example.com/a?bad%E0=1');
  });

  it('gives back what it cannot normalise as it was', () => {
    expect(normalizeUrl('not a url')).toBe('not a url');
    expect(normalizeUrl('')).toBe('');
    expect(normalizeUrl('about:blank')).toBe('about:blank');
    expect(normalizeUrl('chrome://extensions/')).toBe('chrome://extensions/');
    expect(normalizeUrl('data:text/plain,hello#x')).toBe('data:text/plain,hello#x');
  });

  it('is idempotent', () => {
    const once = normalizeUrl('https://Example.com/a?b=2&utm_campaign=z&a=1#frag');
    expect(normalizeUrl(once)).toBe(once);
  });
});
