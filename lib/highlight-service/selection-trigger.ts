/**
 * The browser's two other ways to highlight a selection, the keyboard command and the
 * context-menu item: the background only learns which tab asked and passes the request
 * on to that tab's content script, which owns the selection. Pure, so a test can call
 * exactly what the browser would call.
 */
import { fail, type Result, type Sender, type ToContent } from '../messages';
import type { Highlight } from '../types';

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

/** The sender to one frame of one tab. */
export type ToTab = (tabId: number, frameId: number) => Sender<ToContent>;

export interface SelectionTrigger {
  /** For `commands.onCommand`. Resolves with what the tab did, or undefined for other commands. */
  onCommand(command: string, tab?: TabLike): Promise<Result<Highlight> | undefined>;
  /** For `contextMenus.onClicked`. */
  onMenuClick(info: MenuClickLike, tab?: TabLike): Promise<Result<Highlight> | undefined>;
}

export function createSelectionTrigger(toTab: ToTab): SelectionTrigger {
  const ask = async (tab: TabLike | undefined, via: 'command' | 'context-menu', frameId = 0): Promise<Result<Highlight>> => {
    if (tab?.id === undefined || tab.id < 0) return fail('unreachable', 'There is no page to highlight in this tab.');
    // The selection lives in the frame that was right-clicked; a command goes to the top frame.
    return toTab(tab.id, frameId).send({ type: 'highlights/from-selection', via });
  };
  return {
    onCommand: (command, tab) => (command === HIGHLIGHT_COMMAND ? ask(tab, 'command') : Promise.resolve(undefined)),
    onMenuClick: (info, tab) =>
      info.menuItemId === HIGHLIGHT_MENU_ID ? ask(tab, 'context-menu', info.frameId) : Promise.resolve(undefined),
  };
}
