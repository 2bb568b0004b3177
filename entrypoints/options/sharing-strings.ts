/** The Sharing section's strings in English and Chinese (kept apart from strings.ts: one feature, one table). */
import { createTranslator } from '@/components/i18n';

const en = {
  sharing_heading: 'Sharing with a team',
  sharing_intro:
    'Publish chosen highlights to a Hypothesis group and see your teammates’ highlights on the pages you read. Off until you connect; nothing is sent before.',
  server_label: 'Annotation server (API address)',
  server_hint: 'Hypothesis, or your institution’s own server. Only https.',
  token_label: 'Developer API token',
  token_hint: 'From your account’s Developer page on that server. Kept in this browser only: never synced, never exported.',
  connect: 'Connect',
  connecting: 'Connecting…',
  permission_refused: 'Qinglang Lens needs your permission to reach $1. Nothing was sent.',
  group_label: 'Group to share with',
  no_groups: 'Your account is not a member of any group on this server. Create or join one there first.',
  use_group: 'Share with this group',
  cancel: 'Cancel',
  connected_as: 'Connected to $1, sharing with “$2”.',
  token_shown: 'Token: $1',
  auto_label: 'Also share every highlight tagged',
  auto_hint: 'Leave empty to share only what you choose with “Share with $1”.',
  auto_save: 'Save',
  disconnect: 'Disconnect',
  disconnected: 'Disconnected. The token was removed from this browser and the permission given back.',
  what_is_sent:
    'Sent for each highlight you share: the page address and title, the quote with its position, your note, tags and entity names, and its figures. Never sent: anything you did not share, your other notes, the page text snapshot.',
  // Delete everything, when some highlights are shared
  delete_shared: '$1 of your highlights are shared with “$2”. Deleting them here leaves them in the group, where your teammates still see them.',
  delete_shared_one: 'One of your highlights is shared with “$2”. Deleting it here leaves it in the group, where your teammates still see it.',
  delete_take_back: 'Also take my shared highlights back from “$1”',
  deleted_taking_back: 'Every highlight, fact and saved page was deleted. Your shared highlights are being taken back from “$1”.',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  sharing_heading: '与团队共享',
  sharing_intro: '把选定的高亮发布到 Hypothesis 小组，并在阅读页面时看到队友的高亮。连接之前完全关闭，不发送任何内容。',
  server_label: '批注服务器（API 地址）',
  server_hint: 'Hypothesis，或你所在机构自建的服务器。仅限 https。',
  token_label: '开发者 API 令牌',
  token_hint: '在该服务器账户的“开发者”页面获取。只保存在本浏览器：不同步，不导出。',
  connect: '连接',
  connecting: '正在连接…',
  permission_refused: 'Qinglang Lens 需要你的许可才能访问 $1。未发送任何内容。',
  group_label: '共享到的小组',
  no_groups: '你的账户在此服务器上没有加入任何小组。请先在那里创建或加入一个。',
  use_group: '共享到此小组',
  cancel: '取消',
  connected_as: '已连接到 $1，共享到“$2”。',
  token_shown: '令牌：$1',
  auto_label: '同时共享所有带此标签的高亮',
  auto_hint: '留空则只共享你用“共享到 $1”选定的高亮。',
  auto_save: '保存',
  disconnect: '断开连接',
  disconnected: '已断开。令牌已从本浏览器删除，访问许可已归还。',
  what_is_sent: '每条共享的高亮会发送：页面地址和标题、引文及其位置、你的笔记、标签和实体名称，以及其中的数字。不会发送：你未共享的内容、其他笔记、页面文本快照。',
  delete_shared: '你有 $1 条高亮已共享到“$2”。在这里删除后，它们仍留在小组中，队友仍能看到。',
  delete_shared_one: '你有 1 条高亮已共享到“$2”。在这里删除后，它仍留在小组中，队友仍能看到。',
  delete_take_back: '同时从“$1”撤回我共享的高亮',
  deleted_taking_back: '所有划线、事实和已保存的页面均已删除。正在从“$1”撤回你共享的高亮。',
};

export const st = createTranslator<Key>({ en, zh });
