/**
 * Opening the side panel from the popup. Chrome's `sidePanel.open` and Firefox's
 * `sidebarAction.open` both need the click that asks for them (a user gesture), so the
 * popup calls this from its button's handler. Neither is in webextension-polyfill's
 * types; the shapes used are declared here.
 */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** A function that opens the side panel, or undefined when this browser has none. */
export function panelOpener(apis: object, windowId: () => Promise<number | undefined>): (() => Promise<void>) | undefined {
  // The polyfill's `browser` does not declare these; each is checked before it is called.
  const { sidePanel, sidebarAction } = apis as PanelApis;
  if (typeof sidebarAction?.open === 'function') return () => sidebarAction.open();
  if (typeof sidePanel?.open === 'function') {
    return async () => {
      const id = await windowId();
      if (id !== undefined) await sidePanel.open({ windowId: id });
    };
  }
  return undefined;
}
