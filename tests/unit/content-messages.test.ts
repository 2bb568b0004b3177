import { describe, expect, it } from 'vitest';
import { checkMessage, createMessenger, createRouter, isMessage } from '../../lib/messages';

describe('checkMessage', () => {
  it('accepts a well-formed count', () => {
    const m = checkMessage({ type: 'mentions/changed', url: 'https://a.example/', total: 2, byEntity: { cac: 2 } }, 'mentions/changed');
    expect(m).not.toBeInstanceOf(Error);
  });

  it('says what is wrong with a malformed one', () => {
    const bad = checkMessage({ type: 'mentions/changed', url: 'https://a.example/', total: -1, byEntity: {} }, 'mentions/changed');
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toMatch(/total/);
    const worse = checkMessage({ type: 'mentions/changed', url: 'x', total: 1, byEntity: { cac: 'many' } }, 'mentions/changed');
    expect((worse as Error).message).toMatch(/byEntity\.cac/);
  });

  it('refers a message of another type to its own handler', () => {
    expect(checkMessage({ type: 'mentions/report' }, 'mentions/changed')).toBeInstanceOf(Error);
    expect(isMessage('mentions/report')).toBe(false);
    expect(isMessage(null)).toBe(false);
  });
});

describe('createRouter', () => {
  it('answers a message with its handler’s reply, given the sender', async () => {
    const router = createRouter<{ tabId: number }>();
    router.on('mentions/of-tab', async (message, sender) => ({ url: `tab ${message.tabId} asked by ${sender.tabId}`, total: 0, byEntity: {} }));
    await expect(router.dispatch({ type: 'mentions/of-tab', tabId: 7 }, { tabId: 3 })).resolves.toEqual({
      url: 'tab 7 asked by 3',
      total: 0,
      byEntity: {},
    });
  });

  it('leaves messages it has no handler for to other listeners', () => {
    const router = createRouter<null>();
    expect(router.dispatch({ type: 'mentions/report' }, null)).toBeUndefined();
    expect(router.dispatch('not a message', null)).toBeUndefined();
  });

  it('rejects a malformed message instead of handing it on', async () => {
    const router = createRouter<null>();
    let called = false;
    router.on('mentions/of-tab', () => {
      called = true;
      return null;
    });
    await expect(router.dispatch({ type: 'mentions/of-tab', tabId: 'seven' }, null)).rejects.toThrow(/tabId/);
    expect(called).toBe(false);
  });

  it('turns a handler that throws into a rejection, not a lost reply', async () => {
    const router = createRouter<null>();
    router.on('mentions/report', () => {
      throw new Error('no page here');
    });
    await expect(router.dispatch({ type: 'mentions/report' }, null)).rejects.toThrow('no page here');
  });

  it('refuses a second handler for the same type', () => {
    const router = createRouter<null>();
    router.on('mentions/report', () => ({ url: '', total: 0, byEntity: {} }));
    expect(() => router.on('mentions/report', () => ({ url: '', total: 0, byEntity: {} }))).toThrow(/already/);
  });
});

describe('createMessenger', () => {
  it('sends through the transport it is given and returns the reply', async () => {
    const seen: unknown[] = [];
    const messenger = createMessenger(async (m) => {
      seen.push(m);
      return { url: 'u', total: 1, byEntity: { weibo: 1 } };
    });
    await expect(messenger.send({ type: 'mentions/report' })).resolves.toEqual({ url: 'u', total: 1, byEntity: { weibo: 1 } });
    expect(seen).toEqual([{ type: 'mentions/report' }]);
  });
});
