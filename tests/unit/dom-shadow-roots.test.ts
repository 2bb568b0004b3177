// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { containsComposed, ownerBlockAt, readSnapshots, takeBlockSnapshot, takeSnapshot } from '../../lib/dom';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function shadowOf(host: Element, html: string, mode: 'open' | 'closed' = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

const reading = (found: ShadowRoot[] = []) => ({ onShadowRoot: (root: ShadowRoot) => void found.push(root) });

describe('reading open shadow roots', () => {
  it('reads a host’s shadow tree where the host stands, before its own children, as a block apart', () => {
    const body = page('<p>Before the card.</p><news-card>light Kuaishou</news-card><p>After the card.</p>');
    shadowOf(body.querySelector('news-card')!, '<h3>The CAC</h3><span>said Weibo</span><slot></slot>');
    const found: ShadowRoot[] = [];
    const s = takeSnapshot(body, reading(found));
    expect(s.text).toBe('Before the card.\nThe CAC\nsaid Weibo\nlight Kuaishou\nAfter the card.');
    expect(found).toHaveLength(1);
    // Every offset leads back to its node, inside the shadow tree too.
    s.nodes.forEach((node, i) => expect(s.text.slice(s.starts[i], s.ends[i])).toBe(node.data));
    const inShadow = s.nodes.findIndex((n) => n.data === 'said Weibo');
    expect(s.nodes[inShadow]!.getRootNode()).toBe(found[0]);
  });

  it('never joins a word across the shadow boundary', () => {
    const body = page('<p>Sina <x-brand></x-brand>bo</p>');
    shadowOf(body.querySelector('x-brand')!, 'Wei');
    expect(takeSnapshot(body, reading()).text).toBe('Sina \nWei\nbo');
  });

  it('reads nested shadow roots, and leaves closed ones and unread hosts alone', () => {
    const body = page('<div><outer-el></outer-el><sealed-el></sealed-el><script></script></div>');
    const outer = shadowOf(body.querySelector('outer-el')!, '<p>outer <inner-el></inner-el></p>');
    shadowOf(outer.querySelector('inner-el')!, '<p>inner WeChat</p>');
    shadowOf(body.querySelector('sealed-el')!, '<p>sealed Douyin</p>', 'closed');
    const found: ShadowRoot[] = [];
    expect(takeSnapshot(body, reading(found)).text).toBe('outer \ninner WeChat');
    expect(found).toHaveLength(2);
  });

  it('leaves shadow roots out unless asked (the scan command and saved anchors read the document’s own tree)', () => {
    const body = page('<p>light</p><x-a></x-a>');
    shadowOf(body.querySelector('x-a')!, '<p>shadow CAC</p>');
    expect(takeSnapshot(body).text).toBe('light');
  });

  it('reads a host given as the root, its shadow tree first', () => {
    const body = page('<div id="host">light text</div>');
    const host = body.querySelector('#host')!;
    shadowOf(host, '<p>shadow text</p><slot></slot>');
    expect(takeSnapshot(host, reading()).text).toBe('shadow text\nlight text');
  });

  it('reads the same text in pieces as in one go, when a piece ends inside a shadow tree', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of the shadow tree names Weibo.</p>`).join('');
    const body = page('<p>Top.</p><long-card></long-card><p>Bottom.</p>');
    shadowOf(body.querySelector('long-card')!, paragraphs);
    const whole = takeSnapshot(body, reading()).text;
    const reader = readSnapshots(body, reading());
    const pieces: string[] = [];
    for (let p = reader.next(100); p; p = reader.next(100)) pieces.push(p.text);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('\n')).toBe(whole);
  });

  it('gives text in a shadow tree the block around its host as owner, which a shallow read of that block reads again', () => {
    const body = page('<p id="para">The <x-name></x-name> spoke.</p>');
    const shadow = shadowOf(body.querySelector('x-name')!, '<b>Cyberspace Administration of China</b>');
    const s = takeSnapshot(body, reading());
    const i = s.nodes.findIndex((n) => n.getRootNode() === shadow);
    const owner = ownerBlockAt(s, i);
    expect(owner).toBe(body.querySelector('#para'));
    expect(takeBlockSnapshot(owner!, reading()).text).toContain('Cyberspace Administration of China');
    expect(containsComposed(owner!, s.nodes[i]!)).toBe(true);
    expect(owner!.contains(s.nodes[i]!)).toBe(false);
  });
});
