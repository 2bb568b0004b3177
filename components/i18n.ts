/**
 * Interface strings in English and Chinese, in one place. Keys are stable and use
 * only letters, digits and underscores, as browser.i18n message names must, so a
 * later step can move them into WXT's locale files and back `t` with `i18n.t`
 * through setMessageSource without touching a component. `$1`, `$2` … are
 * substitutions, as in browser.i18n.
 */
const en = {
  app_name: 'Qinglang Lens',
  // Notices
  notice_restricted_page: 'This page can’t be read by extensions, so Qinglang Lens can’t look at it.',
  notice_restricted_page_hint: 'Your saved highlights and facts are still in the library.',
  notice_dismiss: 'Dismiss',
  open_library: 'Open the library',
  // Entities on this page
  entities_heading: 'On this page',
  entities_empty: 'None of the watched names appear on this page.',
  // English needs a singular; Chinese does not, so its _one strings repeat the general form.
  entity_mentions: '$1 mentions',
  entity_mention_one: '1 mention',
  entity_show_next: 'Show the next mention of $1',
  // Highlights
  highlights_heading: 'Saved here',
  highlights_empty: 'No highlights yet. Select text on the page and save it.',
  orphaned_heading: 'No longer found on the page',
  orphaned_hint: 'The page has changed since these were saved; the quotes are kept.',
  highlight_note: 'Note',
  highlight_tags: 'Tags',
  highlight_tags_hint: 'Separate tags with commas',
  highlight_facts: 'Facts',
  highlight_edit: 'Edit',
  highlight_edit_label: 'Edit the highlight “$1”',
  highlight_delete: 'Delete',
  highlight_delete_label: 'Delete the highlight “$1”',
  highlight_save: 'Save',
  highlight_cancel: 'Cancel',
  highlight_from: 'From',
  highlight_colour: 'Colour: $1',
  colour_yellow: 'yellow',
  colour_green: 'green',
  colour_blue: 'blue',
  colour_pink: 'pink',
  colour_purple: 'purple',
  // Facts
  facts_heading: 'Related facts',
  facts_empty: 'No facts about these names from other pages yet.',
  fact_sources: '$1 sources',
  fact_source_one: '1 source',
  fact_unlink: 'Unlink',
  fact_unlink_label: 'Unlink the report from $1: it is not the same fact',
  fact_open_source: 'Open the source: $1',
  fact_why: 'Shown for: $1',
  highlight_changed: 'Changed since saved: the page now says $2 where you saved $1.',
  change_keep: 'Keep saved text',
  change_keep_hint: 'Your quote and its facts stay as saved.',
  change_take: 'Take new text',
  change_take_hint: 'The quote becomes what the page says now; its facts are read again (yours and your corrections stay).',
  add_fact: 'Add a fact',
  add_fact_label: 'Add a fact extraction missed to this highlight',
  add_fact_figure: 'Figure',
  add_fact_figure_hint: 'as written, e.g. 66,600 or 1.4 million',
  add_fact_unit: 'Unit',
  add_fact_action: 'Action',
  add_fact_from: 'From',
  add_fact_to: 'To',
  add_fact_none: '—',
  add_fact_save: 'Add',
  add_fact_figure_invalid: 'Write the figure in digits, e.g. 66,600 or 1.4 million.',
  add_fact_period_invalid: 'The period ends before it starts.',
  add_fact_added: 'Fact added.',
  fact_by_hand: 'added by you',
  reason_same_campaign: 'same campaign',
  reason_same_period: 'same period',
  reason_same_year: 'same year',
  reason_same_action_and_unit: 'same action and unit',
  reason_same_names: 'same names',
  link_unavailable: 'This address is not a web page, so it is not a link.',
  unit_accounts: 'accounts',
  unit_posts: 'posts',
  unit_people: 'people',
  // English words are the data's own (lib/types FIGURE_UNITS, lib/facts actions): one vocabulary in the UI and every export.
  unit_clues: 'clues',
  unit_days: 'days',
  unit_platforms: 'platforms',
  unit_cases: 'cases',
  unit_items: 'items',
  action_closed: 'closed',
  action_removed: 'removed',
  action_cleared: 'cleared or blocked',
  action_banned: 'banned',
  action_suspended: 'suspended',
  action_revoked: 'licence revoked',
  action_warned_or_fined: 'warned or fined',
  action_penalised: 'penalised',
  action_dealt_with: 'dealt with',
  action_investigated: 'investigated',
  action_summoned: 'summoned',
  action_referred: 'referred',
  action_targeted: 'targeted',
  action_identified: 'identified',
  action_accused: 'accused',
  action_rectified: 'rectified',
  action_exposed: 'exposed',
  qualifier_more_than: 'more than',
  qualifier_nearly: 'nearly',
  qualifier_around: 'around',
  qualifier_at_least: 'at least',
  qualifier_up_to: 'up to',
  qualifier_less_than: 'less than',
  figure_order: '$1 $2 $3 $4',
  period_from_to: '$1 – $2',
  fact_as_written: 'as written $1',
  period_from: 'from $1',
  period_until: 'until $1',
  // Search and filters
  search_label: 'Search highlights and facts',
  search_placeholder: 'Search: 网信办, CAC, 67,000, a tag…',
  match_reasons: 'Found because',
  match_entity: 'mentions $1',
  match_figure: 'figure $1',
  search_clear: 'Clear the search',
  filter_heading: 'Filters',
  filter_entity: 'Name',
  filter_site: 'Site',
  filter_tag: 'Tag',
  filter_from: 'From',
  filter_to: 'To',
  filter_date_of: 'Dates are',
  filter_date_published: 'publication dates',
  filter_date_saved: 'dates saved',
  highlight_published: 'published $1',
  highlight_undated: 'publication date unknown',
  filter_any: 'Any',
  filter_clear: 'Clear filters',
  filter_count: '$1 ($2)',
  // Timeline
  timeline_heading: 'Timeline of campaign facts',
  timeline_empty: 'No dated facts yet.',
  timeline_undated: 'Undated',
  timeline_published_basis: 'article date',
  // Import and export
  export_heading: 'Export',
  export_scope: 'Highlights to export: $1',
  export_json: 'JSON (Web Annotation)',
  export_markdown: 'Markdown',
  export_csv: 'CSV: one row per highlight',
  export_facts_csv: 'CSV: one row per figure',
  export_which: 'Which highlights',
  export_scope_filtered: 'what the search and filters show ($1)',
  export_scope_all: 'everything ($1)',
  export_done: 'Exported as $2. Highlights: $1.',
  import_heading: 'Import',
  import_choose: 'Choose a JSON file to import',
  import_hint: 'A Qinglang Lens JSON export, or W3C Web Annotations (for example from Hypothesis).',
  import_busy: 'Working…',
  import_done: 'Import finished: $1 added, $2 updated, $3 skipped.',
  import_deleted_title: '$1 highlights in the file were deleted here after the file was made, so they were left out:',
  import_deleted_item: '“$1” — deleted here on $2',
  import_restore_deleted: 'Restore these $1 highlights',
  import_restored: 'Restored $1 deleted highlights from the file.',
  import_error_too_large: 'The file is too large to import ($1 MB; the limit is $2 MB).',
  import_error_empty: 'The file is empty.',
  import_error_not_json: 'This is not a JSON file (it starts with “$1”). Choose a file exported as JSON.',
  import_error_truncated: 'The file ends too early, at line $1: it looks cut off or incomplete.',
  import_error_syntax: 'The file is not valid JSON: something is wrong at line $1, column $2.',
  import_error_too_deep: 'The file is nested too deeply to be an annotation export.',
  import_error_forbidden_key: 'The file contains the key “$1”, which an annotation never has; nothing was imported.',
  import_error_not_annotations: 'This file is JSON but holds no annotations.',
  import_error_remote_items: 'This collection only points to its annotations at another address; export the annotations themselves.',
  import_error_too_many: 'The file holds $1 annotations; one import takes at most $2.',
  import_error_too_complex: 'The file holds more than $1 objects and lists, far more than $2 annotations would; it is refused.',
  import_error_newer_schema: 'This file was made by a newer version of Qinglang Lens (schema $1). Update the extension and import again.',
  import_error_unknown_schema: 'This file declares schema version $1, which Qinglang Lens does not know.',
  import_error_invalid: 'Annotation $1: “$2” $3.',
  import_error_unsafe_url: '$1: the address “$2” is not a web address; a file with such links is refused.',
  import_error_nothing_to_import: 'Nothing in the file quotes text from a web page, so there is nothing to import.',
  import_warning_skipped_no_quote: 'Skipped because they quote no text from a page: $1.',
  import_warning_skipped_not_web: 'Skipped because they are about something other than a web page: $1.',
  import_warning_duplicate_ids: 'Annotations that appeared more than once (the latest edit of each was kept): $1.',
  import_warning_dropped_unsafe_canonical: 'Canonical addresses left out because they are not web addresses: $1.',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  app_name: '清朗透镜',
  notice_restricted_page: '扩展程序无法读取此页面，清朗透镜无法查看它。',
  notice_restricted_page_hint: '已保存的划线和事实仍在资料库中。',
  notice_dismiss: '关闭',
  open_library: '打开资料库',
  entities_heading: '本页提及',
  entities_empty: '本页没有出现关注的名称。',
  entity_mentions: '$1 处提及',
  entity_mention_one: '1 处提及',
  entity_show_next: '跳到“$1”的下一处提及',
  highlights_heading: '本页划线',
  highlights_empty: '还没有划线。在页面上选中文字即可保存。',
  orphaned_heading: '页面上已找不到',
  orphaned_hint: '保存之后页面已更改；引文仍然保留。',
  highlight_note: '笔记',
  highlight_tags: '标签',
  highlight_tags_hint: '用逗号分隔标签',
  highlight_facts: '事实',
  highlight_edit: '编辑',
  highlight_edit_label: '编辑划线“$1”',
  highlight_delete: '删除',
  highlight_delete_label: '删除划线“$1”',
  highlight_save: '保存',
  highlight_cancel: '取消',
  highlight_from: '来自',
  highlight_colour: '颜色：$1',
  colour_yellow: '黄色',
  colour_green: '绿色',
  colour_blue: '蓝色',
  colour_pink: '粉色',
  colour_purple: '紫色',
  facts_heading: '相关事实',
  facts_empty: '其他页面上还没有关于这些名称的事实。',
  fact_sources: '$1 个来源',
  fact_source_one: '1 个来源',
  fact_unlink: '取消关联',
  fact_unlink_label: '取消与“$1”报道的关联：不是同一事实',
  fact_open_source: '打开来源：$1',
  fact_why: '显示原因：$1',
  highlight_changed: '保存后已更改：您保存的是 $1，页面现在写的是 $2。',
  change_keep: '保留已保存的文字',
  change_keep_hint: '引文及其事实保持保存时的样子。',
  change_take: '采用新文字',
  change_take_hint: '引文改为页面现在的文字，并重新提取事实（您添加和更正的保留）。',
  add_fact: '添加事实',
  add_fact_label: '为此标注添加提取遗漏的事实',
  add_fact_figure: '数字',
  add_fact_figure_hint: '照原文写，例如 66,600 或 6.66万',
  add_fact_unit: '单位',
  add_fact_action: '行动',
  add_fact_from: '起',
  add_fact_to: '止',
  add_fact_none: '—',
  add_fact_save: '添加',
  add_fact_figure_invalid: '请用数字填写，例如 66,600 或 6.66万。',
  add_fact_period_invalid: '时间段的结束早于开始。',
  add_fact_added: '已添加事实。',
  fact_by_hand: '您添加的',
  reason_same_campaign: '同一专项行动',
  reason_same_period: '同一时期',
  reason_same_year: '同一年份',
  reason_same_action_and_unit: '相同行动和单位',
  reason_same_names: '相同名称',
  link_unavailable: '此地址不是网页，因此不作为链接。',
  unit_accounts: '个账号',
  unit_posts: '条信息',
  unit_people: '人',
  unit_clues: '条线索',
  unit_days: '天',
  unit_platforms: '个平台',
  unit_cases: '起案件',
  unit_items: '件',
  action_closed: '关闭',
  action_removed: '删除或下架',
  action_cleared: '清理拦截',
  action_banned: '封禁',
  action_suspended: '暂停',
  action_revoked: '取消许可或备案',
  action_warned_or_fined: '警告或罚款',
  action_penalised: '处罚',
  action_dealt_with: '处置',
  action_investigated: '调查',
  action_summoned: '约谈',
  action_referred: '移交',
  action_targeted: '整治',
  action_identified: '发现',
  action_accused: '指控',
  action_rectified: '整改',
  action_exposed: '曝光',
  qualifier_more_than: '超过',
  qualifier_nearly: '近',
  qualifier_around: '约',
  qualifier_at_least: '至少',
  qualifier_up_to: '多达',
  qualifier_less_than: '不到',
  figure_order: '$4$1$2$3',
  fact_as_written: '原文 $1',
  period_from_to: '$1 至 $2',
  period_from: '自 $1 起',
  period_until: '至 $1',
  search_label: '搜索划线和事实',
  search_placeholder: '搜索：网信办、CAC、6.7万、标签……',
  match_reasons: '匹配原因',
  match_entity: '提及$1',
  match_figure: '数字 $1',
  search_clear: '清除搜索',
  filter_heading: '筛选',
  filter_entity: '名称',
  filter_site: '网站',
  filter_tag: '标签',
  filter_from: '起',
  filter_to: '止',
  filter_date_of: '日期指',
  filter_date_published: '发布日期',
  filter_date_saved: '保存日期',
  highlight_published: '发布于 $1',
  highlight_undated: '发布日期不详',
  filter_any: '全部',
  filter_clear: '清除筛选',
  filter_count: '$1（$2）',
  timeline_heading: '整治事实时间线',
  timeline_empty: '还没有带日期的事实。',
  timeline_undated: '无日期',
  timeline_published_basis: '文章日期',
  export_heading: '导出',
  export_scope: '导出 $1 条划线',
  export_json: 'JSON（Web Annotation）',
  export_markdown: 'Markdown',
  export_csv: 'CSV：每条划线一行',
  export_facts_csv: 'CSV：每个数字一行',
  export_which: '导出哪些划线',
  export_scope_filtered: '当前搜索和筛选的结果（$1 条）',
  export_scope_all: '全部（$1 条）',
  export_done: '已将 $1 条划线导出为 $2。',
  import_heading: '导入',
  import_choose: '选择要导入的 JSON 文件',
  import_hint: '清朗透镜导出的 JSON，或 W3C Web Annotation 标注（例如来自 Hypothesis）。',
  import_busy: '处理中……',
  import_done: '导入完成：新增 $1 条，更新 $2 条，跳过 $3 条。',
  import_deleted_title: '文件中有 $1 条划线在文件生成后已在此删除，因此未导入：',
  import_deleted_item: '“$1”——已于 $2 在此删除',
  import_restore_deleted: '恢复这 $1 条划线',
  import_restored: '已从文件中恢复 $1 条已删除的划线。',
  import_error_too_large: '文件太大，无法导入（$1 MB；上限为 $2 MB）。',
  import_error_empty: '文件是空的。',
  import_error_not_json: '这不是 JSON 文件（开头是“$1”）。请选择以 JSON 格式导出的文件。',
  import_error_truncated: '文件在第 $1 行提前结束：看起来不完整或被截断。',
  import_error_syntax: '文件不是有效的 JSON：第 $1 行第 $2 列有错误。',
  import_error_too_deep: '文件嵌套过深，不是标注导出文件。',
  import_error_forbidden_key: '文件包含标注不会有的键“$1”；未导入任何内容。',
  import_error_not_annotations: '此文件是 JSON，但其中没有标注。',
  import_error_remote_items: '此集合只指向另一个地址上的标注；请导出标注本身。',
  import_error_too_many: '文件包含 $1 条标注；一次最多导入 $2 条。',
  import_error_too_complex: '文件包含超过 $1 个对象和列表，远超 $2 条标注所需；已拒绝。',
  import_error_newer_schema: '此文件由更新版本的清朗透镜生成（格式版本 $1）。请更新扩展后再导入。',
  import_error_unknown_schema: '此文件声明的格式版本 $1 无法识别。',
  import_error_invalid: '第 $1 条标注：“$2” $3。',
  import_error_unsafe_url: '$1：地址“$2”不是网页地址；含有此类链接的文件被拒绝。',
  import_error_nothing_to_import: '文件中没有引用网页文字的标注，无可导入。',
  import_warning_skipped_no_quote: '$1 条标注没有引用页面文字，已跳过。',
  import_warning_skipped_not_web: '$1 条标注不是关于网页的，已跳过。',
  import_warning_duplicate_ids: '$1 条标注重复出现；每条保留最新的编辑。',
  import_warning_dropped_unsafe_canonical: '$1 个页面的规范地址不是网页地址，已略去。',
};

export type Locale = 'en' | 'zh';
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, zh };

/** A message lookup that can stand in for ours (WXT's i18n.t); undefined falls back to ours. */
export type MessageSource = (key: MessageKey, substitutions: readonly string[]) => string | undefined;

let locale: Locale = 'en';
let source: MessageSource | undefined;

/** Chinese for any zh-* language tag, English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split(/[-_]/)[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function setLocale(next: Locale): void {
  locale = next;
}

export function getLocale(): Locale {
  return locale;
}

/** The BCP 47 tag for number and date formatting in the current locale. */
export function formattingLocale(): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

export function setMessageSource(next: MessageSource | undefined): void {
  source = next;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** What a translator fills into $1, $2 …, in order. */
export type Substitutions = readonly (string | number)[];

/** A lookup of `key` in the current locale, with $1, $2 … replaced. */
export type Translator<K extends string> = (key: K, substitutions?: Substitutions) => string;

/**
 * A translator over one page's own string tables, following the shared locale.
 * `override` is asked first (for a message source such as WXT's i18n.t); undefined falls back to the tables.
 */
export function createTranslator<K extends string>(
  tables: Readonly<Record<Locale, Readonly<Record<K, string>>>>,
  override?: (key: K, substitutions: readonly string[]) => string | undefined,
): Translator<K> {
  return (key, substitutions = []) => {
    const subs = substitutions.map(String);
    const template = override?.(key, subs) ?? tables[locale][key];
    // One pass, so a substituted value that itself contains "$2" is never substituted again.
    return template.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
  };
}

const translate = createTranslator(MESSAGES, (key, subs) => source?.(key, subs));

/** The string for `key` in the current locale, with $1, $2 … replaced. */
export function t(key: MessageKey, substitutions: Substitutions = []): string {
  return translate(key, substitutions);
}
