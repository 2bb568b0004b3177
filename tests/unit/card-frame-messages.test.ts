import { describe, expect, it } from 'vitest';
import { FROM_CARD_FRAME, readCardFrameMessage, TO_CARD_FRAME } from '../../lib/messages';

// The card frame and the content script read each other's messages through these tables
// only: what either side does not declare is dropped, never acted on.
describe('the messages between the page card frame and the content script', () => {
  const highlight = { id: 'h1', quote: 'Weibo closed 1,200 accounts.', note: '', tags: [], color: 'yellow' as const };

  it('carries the share state into the frame and the Share and Add-fact requests out of it', () => {
    const show = { type: 'card/show', highlight, focus: false, share: { group: 'Newsroom', state: { state: 'failed', reason: 'The server refused the token.' } } };
    expect(readCardFrameMessage(TO_CARD_FRAME, show)).toEqual(show);
    expect(readCardFrameMessage(TO_CARD_FRAME, { type: 'card/fact-added', request: 3, ok: true })).toEqual({ type: 'card/fact-added', request: 3, ok: true });
    expect(readCardFrameMessage(FROM_CARD_FRAME, { type: 'card/share' })).toEqual({ type: 'card/share' });
    const add = { type: 'card/add-fact', request: 3, fact: { value: 900, unit: 'accounts', action: 'closed', figureText: '900' } };
    expect(readCardFrameMessage(FROM_CARD_FRAME, add)).toEqual(add);
  });

  it('drops a malformed share state, a fact without its number and a message of the other direction', () => {
    expect(readCardFrameMessage(TO_CARD_FRAME, { type: 'card/show', highlight, focus: false, share: { group: 'N', state: { state: 'lost' } } })).toBeUndefined();
    expect(readCardFrameMessage(FROM_CARD_FRAME, { type: 'card/add-fact', request: 1, fact: { unit: 'accounts' } })).toBeUndefined();
    expect(readCardFrameMessage(FROM_CARD_FRAME, { type: 'card/add-fact', request: -1, fact: { value: 1 } })).toBeUndefined();
    expect(readCardFrameMessage(FROM_CARD_FRAME, { type: 'card/show', highlight, focus: true })).toBeUndefined();
    expect(readCardFrameMessage(TO_CARD_FRAME, { type: 'card/share' })).toBeUndefined();
  });
});
