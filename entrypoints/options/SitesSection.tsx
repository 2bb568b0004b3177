import { useEffect, useId, useState } from 'preact/hooks';
import { parseSiteList, problem, type SettingProblem, type SitePolicy } from '@/lib/settings';
import { ot, problemText } from './strings';

export interface SitesSectionProps {
  sites: SitePolicy;
  save: (sites: SitePolicy) => Promise<string | undefined>;
}

/** Where automatic spotting runs: every site, or a list the user writes. */
export function SitesSection({ sites, save }: SitesSectionProps) {
  const id = useId();
  const [mode, setMode] = useState(sites.mode);
  const [text, setText] = useState(sites.mode === 'list' ? sites.hosts.join('\n') : '');
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  useEffect(() => {
    setMode(sites.mode);
    if (sites.mode === 'list') setText(sites.hosts.join('\n'));
  }, [sites]);

  const saveList = async () => {
    const parsed = parseSiteList(text);
    const found = parsed.invalid.map((entry) => problem('bad_site', `Not a site: ${entry}`, entry));
    if (parsed.hosts.length === 0) found.push(problem('no_sites', 'List at least one site.'));
    setProblems(found);
    if (found.length === 0) await save({ mode: 'list', hosts: parsed.hosts });
  };

  return (
    <fieldset class="options-fieldset">
      <legend class="ql-visually-hidden">{ot('sites_heading')}</legend>
      <label class="options-choice">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'all'}
          onChange={() => {
            setMode('all');
            setProblems([]);
            void save({ mode: 'all' });
          }}
        />
        {ot('sites_all')}
      </label>
      <label class="options-choice">
        <input type="radio" name={`${id}-mode`} checked={mode === 'list'} onChange={() => setMode('list')} />
        {ot('sites_list')}
      </label>
      {mode === 'list' && (
        <div class="options-sites">
          <label>
            <span class="ql-visually-hidden">{ot('sites_label')}</span>
            <textarea
              class="ql-input"
              rows={4}
              value={text}
              placeholder={'scmp.com\ncaixin.com'}
              aria-describedby={`${id}-hint`}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <p class="ql-muted options-hint" id={`${id}-hint`}>
            {ot('sites_list_hint')}
          </p>
          {problems.length > 0 && (
            <ul class="options-problems" role="alert">
              {problems.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
          )}
          <button type="button" class="ql-button ql-button--primary" onClick={saveList}>
            {ot('sites_save')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
