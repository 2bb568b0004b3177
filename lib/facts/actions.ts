/**
 * What a campaign did or found, as the verb next to a figure says it. Every verb maps to
 * one normalised action so that "closed", "shut down", 关闭 and 關閉 compare equal.
 */
export type Action =
  | 'closed' | 'removed' | 'banned' | 'suspended' | 'penalised' | 'dealt with' | 'investigated'
  | 'summoned' | 'referred' | 'targeted' | 'identified' | 'accused' | 'rectified' | 'exposed';

interface EnglishVerb {
  action: Action;
  /** Forms that take the counted thing as their object: "closed 67,000 accounts", "removal of 1.4m posts". */
  active: string[];
  /** Forms after a passive auxiliary or before the noun: "were closed", "67,000 closed accounts". */
  participles: string[];
}

const EN_VERBS: EnglishVerb[] = [
  { action: 'closed',
    active: ['close', 'closes', 'closed', 'closing', 'closure of', 'closures of', 'shut down', 'shuts down',
      'shutting down', 'shut', 'shutdown of', 'shuttered', 'deregistered', 'cancelled', 'canceled', 'terminated'],
    participles: ['closed', 'shut down', 'shut', 'shuttered', 'deregistered', 'cancelled', 'canceled', 'terminated'] },
  { action: 'removed',
    active: ['remove', 'removes', 'removed', 'removing', 'removal of', 'delete', 'deletes', 'deleted', 'deleting',
      'deletion of', 'purge', 'purges', 'purged', 'purging', 'purge of', 'eradicate', 'eradicates', 'eradicated',
      'eradicating', 'take down', 'takes down', 'took down', 'taking down', 'scrubbed', 'clean up', 'cleans up',
      'cleaned up', 'cleaning up', 'wiped out', 'wiped', 'censored', 'intercepted'],
    participles: ['removed', 'deleted', 'purged', 'eradicated', 'taken down', 'scrubbed', 'cleaned up', 'wiped out',
      'wiped', 'censored', 'intercepted'] },
  { action: 'banned',
    active: ['ban', 'bans', 'banned', 'banning', 'block', 'blocks', 'blocked', 'blocking', 'blacklisted'],
    participles: ['banned', 'blocked', 'blacklisted'] },
  { action: 'suspended',
    active: ['suspend', 'suspends', 'suspended', 'suspending', 'suspension of', 'muted', 'restricted'],
    participles: ['suspended', 'muted', 'restricted'] },
  { action: 'penalised',
    active: ['penalise', 'penalises', 'penalised', 'penalising', 'penalize', 'penalizes', 'penalized', 'penalizing',
      'punish', 'punishes', 'punished', 'punishing', 'sanctioned', 'disciplined'],
    participles: ['penalised', 'penalized', 'punished', 'sanctioned', 'disciplined'] },
  { action: 'dealt with',
    active: ['dealt with', 'deal with', 'deals with', 'handled', 'handles', 'handling'],
    participles: ['dealt with', 'handled'] },
  { action: 'investigated',
    active: ['investigate', 'investigates', 'investigated', 'investigating', 'probed', 'looked into'],
    participles: ['investigated', 'probed'] },
  { action: 'summoned',
    active: ['summon', 'summons', 'summoned', 'summoning', 'called in'],
    participles: ['summoned', 'called in'] },
  { action: 'referred',
    active: ['refer', 'refers', 'referred', 'handed over', 'handed', 'transferred', 'passed on', 'turned over'],
    participles: ['referred', 'handed over', 'transferred', 'passed on', 'turned over'] },
  { action: 'targeted',
    active: ['target', 'targets', 'targeted', 'targeting', 'cracked down on', 'cracks down on', 'crack down on'],
    participles: ['targeted'] },
  { action: 'identified',
    active: ['identify', 'identifies', 'identified', 'identifying', 'detected', 'discovered', 'uncovered',
      'flagged', 'found'],
    participles: ['identified', 'detected', 'discovered', 'uncovered', 'flagged', 'found'] },
  { action: 'accused',
    active: ['accuse', 'accuses', 'accused', 'accusing', 'charged'],
    participles: ['accused', 'charged'] },
  { action: 'rectified',
    active: ['rectify', 'rectifies', 'rectified', 'rectifying'],
    participles: ['rectified'] },
  { action: 'exposed',
    active: ['expose', 'exposes', 'exposed', 'exposing', 'named and shamed'],
    participles: ['exposed', 'named and shamed'] },
];

const ZH_VERBS: ReadonlyArray<readonly [Action, string[]]> = [
  ['closed', ['关闭', '關閉', '关停', '關停', '注销', '註銷', '封停']],
  ['removed', ['清理', '删除', '刪除', '下架', '清除', '拦截', '攔截', '撤下']],
  ['banned', ['封禁', '封号', '封號', '取缔', '取締']],
  ['suspended', ['禁言', '暂停', '暫停', '限流']],
  ['penalised', ['处罚', '處罰', '惩处', '懲處', '惩治', '懲治']],
  ['dealt with', ['处置', '處置', '处理', '處理']],
  ['investigated', ['查处', '查處', '查办', '查辦']],
  ['summoned', ['约谈', '約談']],
  ['referred', ['移交', '移送']],
  ['targeted', ['打击', '打擊']],
  ['identified', ['发现', '發現', '排查']],
  ['rectified', ['整改', '整治']],
  ['exposed', ['曝光']],
];

/** Auxiliaries that make what follows a passive: "were closed", "have been removed". */
const PASSIVE_AUX = '(?:were|was|are|is|have\\s+been|has\\s+been|had\\s+been|will\\s+be|would\\s+be|be|been|being|got|get|gets)';
/** Adverbs between a figure and its verb, or inside the auxiliary ("were permanently closed"). */
const ADVERB = '(?:[a-z]+ly|also|all|later|since|then|now|each|subsequently|reportedly|allegedly)';
/** Verbs whose subject suffered the campaign: "187,000 accounts faced consequences". */
const SUFFERED = '(?:faced|face|faces|received|receive|receives|suffered|were\\s+given|was\\s+given|got|were\\s+hit\\s+with)';
const PENALTY = '(?:consequences|penalties|penalty|punishment|punishments|sanctions|action|disciplinary\\s+action|warnings|restrictions)';
/** Words that may stand between a verb and its figure: "closed down", "removed a total of". */
const GAP = '(?:down|off|up|out|away|a\\s+total\\s+of|a\\s+further|an\\s+additional|an\\s+extra|another|additional|further|altogether|also|the|some|all|of\\s+them)';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const byLength = (a: string, b: string) => b.length - a.length;

const EN_ACTIVE = new Map<string, Action>();
const EN_PARTICIPLE = new Map<string, Action>();
for (const v of EN_VERBS) {
  for (const f of v.active) EN_ACTIVE.set(f, v.action);
  for (const f of v.participles) EN_PARTICIPLE.set(f, v.action);
}
const ZH_VERB = new Map<string, Action>();
for (const [action, forms] of ZH_VERBS) for (const f of forms) ZH_VERB.set(f, action);

const EN_ACTIVE_ALT = [...EN_ACTIVE.keys()].sort(byLength).map(escape).join('|');
const EN_PARTICIPLE_ALT = [...EN_PARTICIPLE.keys()].sort(byLength).map(escape).join('|');
const ZH_VERB_ALT = [...ZH_VERB.keys()].sort(byLength).join('|');

const EN_BEFORE_RE = new RegExp(`(?<![\\p{L}'-])(${EN_ACTIVE_ALT})((?:\\s+${GAP}){0,3})\\s*$`, 'iu');
const EN_PASSIVE_RE = new RegExp(
  `^\\s*(?:${ADVERB}\\s+){0,2}${PASSIVE_AUX}\\s+(?:${ADVERB}\\s+){0,2}(${EN_PARTICIPLE_ALT})(?![\\p{L}])`, 'iu');
const EN_SUFFERED_RE = new RegExp(
  `^\\s*(?:${ADVERB}\\s+){0,2}${SUFFERED}\\s+(?:[\\p{L}-]+\\s+){0,2}${PENALTY}(?![\\p{L}])`, 'iu');
const EN_PARTICIPLE_RE = new RegExp(`^(?:${EN_PARTICIPLE_ALT})$`, 'iu');

const ZH_BEFORE_RE = new RegExp(`(${ZH_VERB_ALT})([^\\d０-９，,；;：:。！？!?\\n]{0,15})$`);
const ZH_PASSIVE_RE = new RegExp(`^[^\\d，,；;：:。！？!?\\n]{0,6}?(?:被|遭到|遭)[^\\d，,；;：:。！？!?\\n]{0,4}?(${ZH_VERB_ALT})`);

const normalise = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ');

/**
 * The action whose object is the figure that follows `before` (the clause up to the
 * figure): "it closed down ", "the removal of ", "永久关闭账号".
 */
export function actionBefore(before: string): Action | undefined {
  const en = EN_BEFORE_RE.exec(before);
  if (en) return EN_ACTIVE.get(normalise(en[1]!));
  const zh = ZH_BEFORE_RE.exec(before);
  if (zh) return ZH_VERB.get(zh[1]!);
  return undefined;
}

const EN_ANYWHERE_RE = new RegExp(`(?<![\\p{L}'-])(${EN_ACTIVE_ALT})(?![\\p{L}])`, 'giu');

/**
 * The action of a penalty's length: "banned 3,000 users for 30 days" (the clause holds the
 * verb, and the days follow "for").
 */
export function actionForDuration(before: string): Action | undefined {
  if (!/(?:^|\s)for\s+$/i.test(before)) return undefined;
  let action: Action | undefined;
  EN_ANYWHERE_RE.lastIndex = 0;
  for (let m = EN_ANYWHERE_RE.exec(before); m; m = EN_ANYWHERE_RE.exec(before)) action = EN_ACTIVE.get(normalise(m[1]!));
  return action;
}

/**
 * The action the figure's noun phrase underwent, read from what follows it: "were
 * closed", "faced consequences", "被永久关闭".
 */
export function actionAfter(after: string): Action | undefined {
  const passive = EN_PASSIVE_RE.exec(after);
  if (passive) return EN_PARTICIPLE.get(normalise(passive[1]!));
  if (EN_SUFFERED_RE.test(after)) return 'penalised';
  const zh = ZH_PASSIVE_RE.exec(after);
  if (zh) return ZH_VERB.get(zh[1]!);
  return undefined;
}

/** A participle used as an adjective inside the noun phrase: "67,000 permanently closed accounts". */
export function participleAction(word: string): Action | undefined {
  return EN_PARTICIPLE_RE.test(word) ? EN_PARTICIPLE.get(word.toLowerCase()) : undefined;
}

const CAMPAIGN_RE = /(?<![\p{L}])(?:campaigns?|crackdowns?|operations?|rectification|clean-?up|purges?|inspections?)(?![\p{L}])|专项行动|專項行動|整治|清朗|整顿|整頓|治理|行动|行動/iu;

/** Whether a passage speaks of a campaign ("crackdown", "专项行动") without naming an entity. */
export function speaksOfCampaign(text: string): boolean {
  return CAMPAIGN_RE.test(text);
}
