import { ACTION_TABLE, type Action } from './action-table';

/**
 * Reading the campaign's act next to a figure, with the vocabulary of ./action-table:
 * "closed", "shut down", 关闭 and 關閉 all give `closed`.
 */
export type { Action } from './action-table';

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
for (const v of ACTION_TABLE) {
  for (const f of v.active) EN_ACTIVE.set(f, v.action);
  for (const f of v.participles) EN_PARTICIPLE.set(f, v.action);
}
const ZH_VERB = new Map<string, Action>();
for (const v of ACTION_TABLE) for (const f of v.zh) ZH_VERB.set(f, v.action);

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
