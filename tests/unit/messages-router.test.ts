import { describe, expect, it, vi } from 'vitest';
import { CONTENT_DELIVERIES, createRouter, ok, senderContext, type ToContent } from '../../lib/messages';

const SELF = { id: 'lens', origin: 'chrome-extension://lens/' };

describe('createRouter', () => {
  it('answers a message with its handler’s Result, given the sender', async () => {
    const router = createRouter<ToContent, { frame: number }>(CONTENT_DELIVERIES);
    router.on('mentions/reveal', (message, sender) => ok({ found: true, index: sender.frame, total: message.entity.length }));
    await expect(router.dispatch({ type: 'mentions/reveal', entity: 'weibo' }, { frame: 3 })).resolves.toEqual({
      ok: true,
      value: { found: true, index: 3, total: 5 },
    });
  });

  it('leaves messages it has no handler for to other listeners', () => {
    const router = createRouter<ToContent, null>(CONTENT_DELIVERIES);
    router.on('mentions/report', () => ok({ url: '', total: 0, byEntity: {} }));
    expect(router.dispatch({ type: 'highlights/changed', url: 'x' }, null)).toBeUndefined();
    expect(router.dispatch({ type: 'not/ours' }, null)).toBeUndefined();
    expect(router.dispatch('mentions/report', null)).toBeUndefined();
    expect(router.dispatch(null, null)).toBeUndefined();
  });

  it('answers a malformed message with what is wrong, and never calls its handler', async () => {
    const router = createRouter<ToContent, null>(CONTENT_DELIVERIES);
    const handler = vi.fn(() => ok({ found: false, index: 0, total: 0 }));
    router.on('mentions/reveal', handler);
    await expect(router.dispatch({ type: 'mentions/reveal', entity: 7 }, null)).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not show the mention on the page: the request was malformed (entity should be text, not the number 7).' },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into a failure with a sentence, not a lost reply', async () => {
    const router = createRouter<ToContent, null>(CONTENT_DELIVERIES);
    router.on('mentions/report', () => {
      throw new Error('no page here');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(router.dispatch({ type: 'mentions/report' }, null)).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Could not read what this page mentions: .*no page here/) },
    });
  });

  it('refuses a second handler for the same type', () => {
    const router = createRouter<ToContent, null>(CONTENT_DELIVERIES);
    router.on('mentions/report', () => ok({ url: '', total: 0, byEntity: {} }));
    expect(() => router.on('mentions/report', () => ok({ url: '', total: 0, byEntity: {} }))).toThrow(/already/);
  });
});

describe('senderContext', () => {
  it('takes a message from a web page’s tab for a content script', () => {
    expect(senderContext({ id: 'lens', url: 'https://news.example/a', tab: {} }, SELF)).toBe('content');
  });

  it('takes our own pages for pages, in the toolbar popup or opened in a tab', () => {
    expect(senderContext({ id: 'lens', url: 'chrome-extension://lens/popup.html' }, SELF)).toBe('page');
    expect(senderContext({ id: 'lens', url: 'chrome-extension://lens/library.html?entity=cac', tab: {} }, SELF)).toBe('page');
  });

  it('takes nothing from another extension, or from a sender it cannot place', () => {
    expect(senderContext({ id: 'other', url: 'chrome-extension://other/x.html' }, SELF)).toBeNull();
    expect(senderContext({ id: 'lens', url: 'chrome-extension://lensx/popup.html' }, SELF)).toBeNull();
    expect(senderContext({ id: 'lens' }, SELF)).toBeNull();
  });
});
