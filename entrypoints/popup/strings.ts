/**
 * The popup's own interface strings (the shared components bring theirs through
 * components/i18n), in English and Chinese, following the same locale.
 */
import { createTranslator, type Translator } from '@/components/i18n';

const en = {
  popup_title: 'Qinglang Lens',
  open_settings: 'Settings',
  open_library_short: 'Library',
  loading: 'Loading…',
  reload_hint:
    'Browser pages and extension stores are closed to extensions. If this is a web page that was already open when Qinglang Lens was installed or updated, reload it.',
  saved_count: '$1 saved',
  private_no_store:
    'This is a private window: highlights made here are not stored. You can allow it in the settings.',
  deleted: 'Highlight deleted.',
  undo: 'Undo',
  restored: 'Highlight restored.',
  saved: 'Changes saved.',
  revealed: '$3: showing mention $1 of $2.',
  reveal_none: '$1 is no longer on the page.',
  reveal_failed: 'The page could not be scrolled to $1: $2',
  more_related: 'More related facts in the library',
  open_panel: 'Keep open',
  panel_showing: 'Showing this tab’s page: $1 saved highlights.',
} as const;

export type PopupKey = keyof typeof en;

const zh: Record<PopupKey, string> = {
  popup_title: '清朗透镜',
  open_settings: '设置',
  open_library_short: '资料库',
  loading: '正在加载……',
  reload_hint: '浏览器页面和扩展商店不允许扩展程序读取。如果这是安装或更新清朗透镜之前就已打开的网页，请重新加载。',
  saved_count: '已保存 $1 条',
  private_no_store: '这是隐私窗口：在此划线不会被保存。可以在设置中允许。',
  deleted: '划线已删除。',
  undo: '撤销',
  restored: '划线已恢复。',
  saved: '修改已保存。',
  revealed: '$3：正在显示第 $1 处，共 $2 处。',
  reveal_none: '页面上已没有“$1”。',
  reveal_failed: '无法在页面上跳到“$1”：$2',
  more_related: '在资料库中查看更多相关事实',
  open_panel: '在侧边栏打开',
  panel_showing: '正在显示当前标签页：已保存 $1 条划线。',
};

/** The popup string for `key` in the current locale, with $1, $2 … replaced. */
export const pt: Translator<PopupKey> = createTranslator<PopupKey>({ en, zh });
