/**
 * The campaign's acts, one row per act, in both languages. Each row is one normalised
 * action: the id stored on a fact and compared when facts are linked. Rows are as fine as
 * enforcement reports count them (a report gives one figure for 约谈, another for 警告或罚款,
 * another for 关闭, another for 移送), so two different acts never share an id; and as
 * coarse as translation is (永久关闭 and "permanently closed" are both `closed`; 处置 and
 * "disposed of" are both `dealt with`).
 *
 * Ids are stored in users' facts and exports: never rename one; add a row instead.
 */
export const ACTIONS = [
  'closed', 'removed', 'cleared', 'banned', 'suspended', 'revoked', 'warned or fined', 'penalised',
  'dealt with', 'investigated', 'summoned', 'referred', 'targeted', 'identified', 'accused', 'rectified', 'exposed',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionRow {
  action: Action;
  /** What the act is, for the README and the interface. */
  meaning: string;
  /** English forms that take the counted thing as their object: "closed 67,000 accounts", "removal of 1.4m posts". */
  active: readonly string[];
  /** English forms after a passive auxiliary or before the noun: "were closed", "67,000 closed accounts". */
  participles: readonly string[];
  /** Chinese verbs and verbal nouns, simplified and traditional. */
  zh: readonly string[];
}

export const ACTION_TABLE: readonly ActionRow[] = [
  { action: 'closed', meaning: 'closed or shut down for good (永久关闭 too): accounts, websites',
    active: ['close', 'closes', 'closed', 'closing', 'closure of', 'closures of', 'shut down', 'shuts down',
      'shutting down', 'shut', 'shutdown of', 'shuttered', 'deregistered', 'cancelled', 'canceled', 'terminated'],
    participles: ['closed', 'shut down', 'shut', 'shuttered', 'deregistered', 'cancelled', 'canceled', 'terminated'],
    zh: ['关闭', '關閉', '关停', '關停', '注销', '註銷', '封停'] },
  { action: 'removed', meaning: 'deleted, taken down, or taken off the app stores (下架)',
    active: ['remove', 'removes', 'removed', 'removing', 'removal of', 'delete', 'deletes', 'deleted', 'deleting',
      'deletion of', 'purge', 'purges', 'purged', 'purging', 'purge of', 'eradicate', 'eradicates', 'eradicated',
      'eradicating', 'take down', 'takes down', 'took down', 'taking down', 'scrubbed', 'wiped out', 'wiped',
      'censored', 'pulled', 'delisted', 'taken off'],
    participles: ['removed', 'deleted', 'purged', 'eradicated', 'taken down', 'scrubbed', 'wiped out', 'wiped',
      'censored', 'pulled', 'delisted', 'taken off'],
    zh: ['删除', '刪除', '下架', '撤下', '下线', '下線'] },
  { action: 'cleared', meaning: 'cleaned up, cleared or blocked (清理, 拦截): content filtered in bulk',
    active: ['clean up', 'cleans up', 'cleaned up', 'cleaning up', 'clear', 'clears', 'cleared', 'clearing',
      'intercept', 'intercepts', 'intercepted', 'intercepting', 'block', 'blocks', 'blocked', 'blocking',
      'filtered', 'screened out'],
    participles: ['cleaned up', 'cleared', 'intercepted', 'blocked', 'filtered', 'screened out'],
    zh: ['清理', '清除', '拦截', '攔截', '屏蔽'] },
  { action: 'banned', meaning: 'banned, disabled or muted (封禁, 禁言): the account stays but may not speak',
    active: ['ban', 'bans', 'banned', 'banning', 'blacklisted', 'disable', 'disables', 'disabled', 'disabling',
      'mute', 'mutes', 'muted', 'muting', 'silenced'],
    participles: ['banned', 'blacklisted', 'disabled', 'muted', 'silenced'],
    zh: ['封禁', '封号', '封號', '取缔', '取締', '禁言'] },
  { action: 'suspended', meaning: 'ordered to suspend functions or updates (暂停功能/更新), or restricted for a time',
    active: ['suspend', 'suspends', 'suspended', 'suspending', 'suspension of', 'restricted'],
    participles: ['suspended', 'restricted'],
    zh: ['暂停', '暫停', '限流'] },
  { action: 'revoked', meaning: 'licence or filing revoked (取消许可或备案, 吊销)',
    active: ['revoke', 'revokes', 'revoked', 'revoking', 'revocation of'],
    participles: ['revoked'],
    zh: ['吊销', '吊銷', '取消许可', '取消許可', '取消备案', '取消備案'] },
  { action: 'warned or fined', meaning: 'given a warning or a fine (警告, 罚款): the administrative penalty reports count together',
    active: ['warn', 'warns', 'warned', 'warning', 'fine', 'fines', 'fined', 'fining', 'imposed fines on',
      'imposed a fine on', 'issued warnings to', 'gave warnings to'],
    participles: ['warned', 'fined'],
    zh: ['警告', '罚款', '罰款'] },
  { action: 'penalised', meaning: 'punished, kind of penalty not said (处罚, "imposed punishments on")',
    active: ['penalise', 'penalises', 'penalised', 'penalising', 'penalize', 'penalizes', 'penalized', 'penalizing',
      'punish', 'punishes', 'punished', 'punishing', 'sanctioned', 'disciplined', 'imposed punishments on',
      'imposed penalties on', 'imposed punishment on', 'imposed penalties against'],
    participles: ['penalised', 'penalized', 'punished', 'sanctioned', 'disciplined'],
    zh: ['处罚', '處罰', '惩处', '懲處', '惩治', '懲治'] },
  { action: 'dealt with', meaning: 'acted on, disposed of, dealt with (处置): some action, not which',
    active: ['dealt with', 'deal with', 'deals with', 'handled', 'handles', 'handling', 'disposed of', 'dispose of',
      'disposes of', 'disposing of', 'took action against', 'take action against', 'takes action against',
      'taken action against', 'taking action against', 'acted against', 'acted on', 'act on', 'addressed',
      'addresses', 'address'],
    participles: ['dealt with', 'handled', 'disposed of', 'acted on', 'acted against', 'addressed'],
    zh: ['处置', '處置', '处理', '處理'] },
  { action: 'investigated', meaning: 'investigated or prosecuted as a case (查处, 立案)',
    active: ['investigate', 'investigates', 'investigated', 'investigating', 'probed', 'looked into'],
    participles: ['investigated', 'probed'],
    zh: ['查处', '查處', '查办', '查辦', '立案'] },
  { action: 'summoned', meaning: 'summoned for talks, interviewed (约谈)',
    active: ['summon', 'summons', 'summoned', 'summoning', 'called in', 'interview', 'interviews', 'interviewed',
      'interviewing', 'held talks with'],
    participles: ['summoned', 'called in', 'interviewed'],
    zh: ['约谈', '約談'] },
  { action: 'referred', meaning: 'referred or handed over to other authorities (移交, 移送)',
    active: ['refer', 'refers', 'referred', 'handed over', 'handed', 'transferred', 'passed on', 'turned over'],
    participles: ['referred', 'handed over', 'transferred', 'passed on', 'turned over'],
    zh: ['移交', '移送'] },
  { action: 'targeted', meaning: 'targeted, cracked down on (打击)',
    active: ['target', 'targets', 'targeted', 'targeting', 'cracked down on', 'cracks down on', 'crack down on'],
    participles: ['targeted'],
    zh: ['打击', '打擊'] },
  { action: 'identified', meaning: 'found, detected (发现, 排查)',
    active: ['identify', 'identifies', 'identified', 'identifying', 'detected', 'discovered', 'uncovered',
      'flagged', 'found'],
    participles: ['identified', 'detected', 'discovered', 'uncovered', 'flagged', 'found'],
    zh: ['发现', '發現', '排查'] },
  { action: 'accused', meaning: 'accused, charged',
    active: ['accuse', 'accuses', 'accused', 'accusing', 'charged'],
    participles: ['accused', 'charged'],
    zh: [] },
  { action: 'rectified', meaning: 'made to rectify (整改)',
    active: ['rectify', 'rectifies', 'rectified', 'rectifying'],
    participles: ['rectified'],
    zh: ['整改', '整治'] },
  { action: 'exposed', meaning: 'named publicly (曝光)',
    active: ['expose', 'exposes', 'exposed', 'exposing', 'named and shamed'],
    participles: ['exposed', 'named and shamed'],
    zh: ['曝光'] },
];
