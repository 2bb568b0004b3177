import { ot } from './strings';

export interface ShortcutSectionProps {
  /** The keys of the highlight command ("Alt+Shift+H"), '' when none is set, undefined while unknown. */
  shortcut: string | undefined;
  /** Where the browser lets users change extension shortcuts (chrome://extensions/shortcuts). */
  shortcutsPage: string;
  /** Opens that page, where the browser allows an extension to (Chromium does). */
  openShortcutsPage?: () => void;
}

export function ShortcutSection({ shortcut, shortcutsPage, openShortcutsPage }: ShortcutSectionProps) {
  return (
    <>
      {shortcut !== undefined && (
        <p>
          {ot('shortcut_current')}
          {shortcut ? <kbd class="options-kbd">{shortcut}</kbd> : <span class="ql-muted">{ot('shortcut_none')}</span>}
        </p>
      )}
      <p class="ql-muted options-hint">{ot('shortcut_hint')}</p>
      <p class="options-hint">
        {ot('shortcut_change_where')}
        <code>{shortcutsPage}</code>
      </p>
      {openShortcutsPage && (
        <button type="button" class="ql-button" onClick={openShortcutsPage}>
          {ot('shortcut_change')}
        </button>
      )}
    </>
  );
}
