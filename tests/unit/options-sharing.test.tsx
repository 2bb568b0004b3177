// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { SharingSection, type SharingEnv } from '../../entrypoints/options/SharingSection';
import { CONNECTION_KEY, forgetConnection, loadConnection, saveConnection, type SharingGroup, type SharingResult } from '../../lib/sharing';
import { pageRoot } from './page-root';

const ui = pageRoot({ name: 'sharing section', reset: () => fakeBrowser.reset() });
const { until, button } = ui;

function field(text: string): HTMLInputElement | HTMLSelectElement {
  const l = [...ui.root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(text));
  const control = l?.querySelector('input, select');
  if (!control) throw new Error(`no field labelled ${text}`);
  return control as HTMLInputElement;
}
const type = (el: HTMLInputElement | HTMLSelectElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
const submit = () => act(() => void ui.root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

function setup(over: { grant?: boolean; groups?: SharingResult<SharingGroup[]> } = {}) {
  const area = fakeBrowser.storage.local;
  const log: string[] = [];
  const env: SharingEnv = {
    load: () => loadConnection(area),
    save: (c) => saveConnection(area, c),
    forget: () => forgetConnection(area),
    requestHost: async (p) => {
      log.push(`request ${p}`);
      return over.grant ?? true;
    },
    removeHost: async (p) => void log.push(`remove ${p}`),
    groups: async (server, token) => {
      log.push(`groups ${server} ${token}`);
      return over.groups ?? { ok: true, value: [{ id: 'g1', name: 'China desk', type: 'private' }, { id: 'g2', name: 'Newsroom', type: 'restricted' }] };
    },
  };
  act(() => render(<SharingSection env={env} />, ui.root));
  return { area, log };
}

describe('Options → Sharing', () => {
  it('connects: asks for that server only, lists the groups, keeps the token in storage.local and shows it masked', async () => {
    const { area, log } = setup();
    await until(() => ui.root.textContent!.includes('Developer API token'), 'the form');
    type(field('Annotation server'), 'https://h.example.edu/api/');
    type(field('Developer API token'), 'tok-1234567890-abcd');
    submit();
    await until(() => ui.root.querySelector('select') !== null, 'the group picker');
    expect(log).toEqual(['request https://h.example.edu/*', 'groups https://h.example.edu/api tok-1234567890-abcd']);
    type(field('Group to share with'), 'g2');
    submit();
    await until(() => ui.root.textContent!.includes('Connected to'), 'the connected state');
    expect(ui.root.textContent).toContain('Connected to h.example.edu, sharing with “Newsroom”.');
    expect(ui.root.textContent).toContain('••••••••abcd');
    expect(ui.root.textContent).not.toContain('tok-1234567890');
    expect((await area.get(CONNECTION_KEY))[CONNECTION_KEY]).toEqual({ serverUrl: 'https://h.example.edu/api', token: 'tok-1234567890-abcd', group: { id: 'g2', name: 'Newsroom' } });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('refuses a plain-http server before asking for anything', async () => {
    const { log } = setup();
    await until(() => ui.root.querySelector('form') !== null, 'the form');
    type(field('Annotation server'), 'http://h.example.edu/api');
    type(field('Developer API token'), 'tok');
    submit();
    await until(() => ui.root.querySelector('[role=alert]') !== null, 'the message');
    expect(ui.root.querySelector('[role=alert]')!.textContent).toMatch(/https/);
    expect(log).toEqual([]);
  });

  it('says so and sends nothing when the permission is refused', async () => {
    const { log } = setup({ grant: false });
    await until(() => ui.root.querySelector('form') !== null, 'the form');
    type(field('Developer API token'), 'tok');
    submit();
    await until(() => ui.root.querySelector('[role=alert]') !== null, 'the message');
    expect(ui.root.querySelector('[role=alert]')!.textContent).toMatch(/permission.*Nothing was sent/);
    expect(log).toEqual(['request https://api.hypothes.is/*']);
  });

  it('gives the permission back when the token is rejected, with the server’s sentence', async () => {
    const { log } = setup({ groups: { ok: false, error: { kind: 'token', message: 'The sharing server did not accept your API token.' } } });
    await until(() => ui.root.querySelector('form') !== null, 'the form');
    type(field('Developer API token'), 'bad');
    submit();
    await until(() => ui.root.querySelector('[role=alert]') !== null, 'the message');
    expect(ui.root.querySelector('[role=alert]')!.textContent).toContain('did not accept your API token');
    expect(log.at(-1)).toBe('remove https://api.hypothes.is/*');
  });

  it('disconnects: forgets the token and gives the permission back', async () => {
    await saveConnection(fakeBrowser.storage.local, { serverUrl: 'https://api.hypothes.is/api', token: 'tok-abcdefgh-1234', group: { id: 'g1', name: 'China desk' } });
    const { area, log } = setup();
    await until(() => ui.root.textContent!.includes('Connected to'), 'the connected state');
    await act(async () => button('Disconnect').click());
    await until(() => ui.root.textContent!.includes('Disconnected'), 'the disconnected message');
    expect(await area.get(CONNECTION_KEY)).toEqual({});
    expect(log).toEqual(['remove https://api.hypothes.is/*']);
  });
});
