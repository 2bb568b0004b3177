import { useEffect, useId, useState } from 'preact/hooks';
import { checkServerUrl, DEFAULT_SERVER_URL, maskToken, permissionPattern } from '@/lib/sharing';
import type { SharingConnection, SharingGroup, SharingResult } from '@/lib/sharing';
import { st } from './sharing-strings';

/** What the section needs from the browser, handed in so tests can give their own. */
export interface SharingEnv {
  load(): Promise<SharingConnection | null>;
  save(connection: SharingConnection): Promise<void>;
  forget(): Promise<void>;
  /**
   * `permissions.request` for the server's host. Browsers grant it only inside the click
   * that asked, so it is the first thing the Connect handler calls, before any await.
   */
  requestHost(pattern: string): Promise<boolean>;
  removeHost(pattern: string): Promise<void>;
  groups(serverUrl: string, token: string): Promise<SharingResult<SharingGroup[]>>;
}

type Step =
  | { step: 'loading' }
  | { step: 'form'; busy: boolean; message?: string }
  | { step: 'pick'; serverUrl: string; token: string; groups: SharingGroup[]; chosen: string }
  | { step: 'connected'; connection: SharingConnection; message?: string };

/** Options → Sharing: connect a Hypothesis group, see what is sent, disconnect. */
export function SharingSection({ env }: { env: SharingEnv }) {
  const id = useId();
  const [step, setStep] = useState<Step>({ step: 'loading' });
  const [server, setServer] = useState(DEFAULT_SERVER_URL);
  const [token, setToken] = useState('');
  const [tag, setTag] = useState('');

  useEffect(() => {
    void env.load().then((connection) => {
      if (connection) {
        setTag(connection.autoShareTag ?? '');
        setStep({ step: 'connected', connection });
      } else setStep({ step: 'form', busy: false });
    });
  }, [env]);

  const connect = (event: Event) => {
    event.preventDefault();
    const checked = checkServerUrl(server);
    if (!checked.ok) return setStep({ step: 'form', busy: false, message: checked.message });
    const pattern = permissionPattern(checked.origin);
    const granted = env.requestHost(pattern); // inside the click, before any await
    setStep({ step: 'form', busy: true });
    void (async () => {
      if (!(await granted)) return setStep({ step: 'form', busy: false, message: st('permission_refused', [checked.origin]) });
      const groups = await env.groups(checked.value, token.trim());
      if (!groups.ok) {
        await env.removeHost(pattern);
        return setStep({ step: 'form', busy: false, message: groups.error.message });
      }
      if (groups.value.length === 0) {
        await env.removeHost(pattern);
        return setStep({ step: 'form', busy: false, message: st('no_groups') });
      }
      setStep({ step: 'pick', serverUrl: checked.value, token: token.trim(), groups: groups.value, chosen: groups.value[0]!.id });
    })();
  };

  const disconnect = async (serverUrl: string) => {
    await env.forget();
    const checked = checkServerUrl(serverUrl);
    if (checked.ok) await env.removeHost(permissionPattern(checked.origin));
    setToken('');
    setStep({ step: 'form', busy: false, message: st('disconnected') });
  };

  if (step.step === 'loading') return null;

  if (step.step === 'pick') {
    const choose = async (event: Event) => {
      event.preventDefault();
      const group = step.groups.find((g) => g.id === step.chosen)!;
      const connection: SharingConnection = { serverUrl: step.serverUrl, token: step.token, group: { id: group.id, name: group.name } };
      await env.save(connection);
      setToken('');
      setStep({ step: 'connected', connection });
    };
    return (
      <form class="options-sharing" onSubmit={choose}>
        <label>
          {st('group_label')}
          <select class="ql-input" value={step.chosen} onChange={(e) => setStep({ ...step, chosen: e.currentTarget.value })}>
            {step.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <div class="options-actions">
          <button type="submit" class="ql-button ql-button--primary">
            {st('use_group')}
          </button>
          <button type="button" class="ql-button" onClick={() => void disconnect(step.serverUrl)}>
            {st('cancel')}
          </button>
        </div>
      </form>
    );
  }

  if (step.step === 'connected') {
    const { connection } = step;
    const saveTag = async (event: Event) => {
      event.preventDefault();
      const next = { ...connection, autoShareTag: tag.trim() || undefined };
      await env.save(next);
      setStep({ step: 'connected', connection: next });
    };
    return (
      <div class="options-sharing">
        <p role="status">{st('connected_as', [new URL(connection.serverUrl).host, connection.group.name])}</p>
        <p class="ql-muted options-hint">{st('token_shown', [maskToken(connection.token)])}</p>
        <form class="options-inline" onSubmit={saveTag}>
          <label>
            {st('auto_label')}
            <input class="ql-input" value={tag} aria-describedby={`${id}-auto`} onInput={(e) => setTag(e.currentTarget.value)} />
          </label>
          <button type="submit" class="ql-button">
            {st('auto_save')}
          </button>
        </form>
        <p class="ql-muted options-hint" id={`${id}-auto`}>
          {st('auto_hint', [connection.group.name])}
        </p>
        <p class="ql-muted options-hint">{st('what_is_sent')}</p>
        <button type="button" class="ql-button" onClick={() => void disconnect(connection.serverUrl)}>
          {st('disconnect')}
        </button>
      </div>
    );
  }

  return (
    <form class="options-sharing" onSubmit={connect}>
      <label>
        {st('server_label')}
        <input class="ql-input" type="url" value={server} aria-describedby={`${id}-server`} onInput={(e) => setServer(e.currentTarget.value)} />
      </label>
      <p class="ql-muted options-hint" id={`${id}-server`}>
        {st('server_hint')}
      </p>
      <label>
        {st('token_label')}
        <input
          class="ql-input"
          type="password"
          autocomplete="off"
          required
          value={token}
          aria-describedby={`${id}-token`}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      <p class="ql-muted options-hint" id={`${id}-token`}>
        {st('token_hint')}
      </p>
      {step.message && (
        <p class="options-problems" role="alert">
          {step.message}
        </p>
      )}
      <p class="ql-muted options-hint">{st('what_is_sent')}</p>
      <div class="options-actions">
        <button type="submit" class="ql-button ql-button--primary" disabled={step.busy}>
          {step.busy ? st('connecting') : st('connect')}
        </button>
      </div>
    </form>
  );
}
