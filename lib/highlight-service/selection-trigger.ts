/**
 * The browser's two other ways to highlight a selection, the keyboard command and the
 * context-menu item: the background only learns which tab asked and passes the request
 * on to that tab's content script, which owns the selection. Pure, so a test can call
 * exactly what the browser would call.
 */
import type { Message, Reply } from '../messages';
import './messages';

/** The `commands` entry of the manifest (user-changeable shortcut, suggested Alt+Shift+H). */
export const HIGHLIGHT_COMMAND = 'save-highlight';
/** The id of the context-menu item "Highlight with Qinglang Lens". */
export const HIGHLIGHT_MENU_ID = 'qinglang-highlight-selection';
export const HIGHLIGHT_MENU_TITLE = 'Highlight with Qinglang Lens';

/** Only what the handlers read of the browser's Tab and OnClickData. */
export interface TabLike {
  id?: number;
}
export interface MenuClickLike {
  menuItemId: string | number;
  frameId?: number;
}

export type SendToTab = (
  tabId: number,
  message: Message<'highlights/from-selection'>,
  options?: { frameId?: number },
) => Promise<Reply<'highlights/from-selection'>>;

export interface SelectionTrigger {
  /** For `commands.onCommand`. Resolves with what the tab did, or undefined for other commands. */
  onCommand(command: string, tab?: TabLike): Promise<Reply<'highlights/from-selection'> | undefined>;
  /** For `contextMenus.onClicked`. */
  onMenuClick(info: MenuClickLike, tab?: TabLike): Promise<Reply<'highlights/from-selection'> | undefined>;
}

export function createSelectionTrigger(sendToTab: SendToTab): SelectionTrigger {
  const ask = async (
    tab: TabLike | undefined,
    via: 'command' | 'context-menu',
    frameId?: number,
  ): Promise<Reply<'highlights/from-selection'>> => {
    if (tab?.id === undefined || tab.id < 0) {
      return { ok: false, reason: 'failed', message: 'There is no page to highlight in this tab.' };
    }
    try {
      // The selection lives in the frame that was right-clicked; a command goes to the top frame.
      const options = frameId !== undefined ? { frameId } : { frameId: 0 };
      return await sendToTab(tab.id, { type: 'highlights/from-selection', via }, options);
    } catch (error) {
      // No content script in the tab (a browser page, the Web Store, a page opened before install).
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: 'failed', message: `Qinglang Lens cannot highlight on this page (${reason}).` };
    }
  };
  return {
    onCommand: (command, tab) => (command === HIGHLIGHT_COMMAND ? ask(tab, 'command') : Promise.resolve(undefined)),
    onMenuClick: (info, tab) =>
      info.menuItemId === HIGHLIGHT_MENU_ID ? ask(tab, 'context-menu', info.frameId) : Promise.resolve(undefined),
  };
}
