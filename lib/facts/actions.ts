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
/** Verbs whose subject suffered the campaign: "187,000 accounts faced consequences", "6,767 receiving warnings". */
const SUFFERED = '(?:faced|face|faces|facing|received|receive|receives|receiving|suffered|were\\s+given|was\\s+given|were\\s+issued|was\\s+issued|got|were\\s+hit\\s+with)';
const PENALTY = '(?:consequences|penalties|penalty|punishment|punishments|sanctions|action|disciplinary\\s+action|warnings?|fines?|restrictions)';
/** Words that may stand between a verb and its figure: "closed down", "removed a total of". */
const GAP = '(?:down|off|up|out|away|a\\s+total\\s+of|a\\s+further|an\\s+additional|an\\s+extra|another|additional|further|altogether|also|the|some|all|of\\s+them)';
/**
 * A second noun joined to the figure's noun before the verb: "2,160 apps and mini programs
 * were removed", "8,608 websites and platforms were investigated".
 */
const JOINED_NOUN = '(?:(?:and|or|&)\\s+(?:[\\p{L}-]+\\s+){1,3})?';
/** Prepositions after a bare participle that show it is a reduced passive: "420 programs removed from app stores". */
const AFTER_REDUCED = '(?:from|for|by|in|over|after|on|under|as|due|during|since|across|between|with|without|because)';

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
/**
 * Two verbs sharing the object, the first one ours: "suspended functions or updated 419
 * websites", "fined and suspended 30 websites". Tried only when no verb of ours stands
 * right before the figure, so "closed accounts and removed 300 posts" stays `removed`.
 */
const EN_BEFORE_PAIR_RE = new RegExp(
  `(?<![\\p{L}'-])(${EN_ACTIVE_ALT})(?:\\s+[a-z]+)?\\s+(?:and|or)\\s+[a-z]+(?:ed|en)((?:\\s+${GAP}){0,3})\\s*$`, 'iu');
/** "cancel the licences or filings of 25,233 websites", "revoked the registration of". */
const EN_REVOKE_RE =
  /(?<![\p{L}'-])(?:cancel|cancels|cancelled|canceled|cancelling|revoke|revokes|revoked|revoking)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:licen[cs]es?|filings?|registrations?|permits?|records?)(?:\s+(?:or|and)\s+(?:[a-z-]+\s+)?(?:licen[cs]es?|filings?|registrations?|permits?|records?))?\s+of\s*$/iu;
const EN_PASSIVE_RE = new RegExp(
  `^\\s*${JOINED_NOUN}(?:${ADVERB}\\s+){0,2}${PASSIVE_AUX}\\s+(?:${ADVERB}\\s+){0,2}(${EN_PARTICIPLE_ALT})(?![\\p{L}])`, 'iu');
/** "321 websites were ordered to suspend functions". */
const EN_ORDERED_RE = new RegExp(
  `^\\s*${JOINED_NOUN}(?:${PASSIVE_AUX}\\s+)?(?:ordered|instructed|required|told|forced|made)\\s+to\\s+(${EN_ACTIVE_ALT})(?![\\p{L}])`, 'iu');
/** A bare participle after the noun, as headlines and lists write a passive: "420 programs removed from app stores". */
const EN_REDUCED_RE = new RegExp(
  `^\\s*${JOINED_NOUN}(?:${ADVERB}\\s+)?(${EN_PARTICIPLE_ALT})(?=\\s+${AFTER_REDUCED}(?![\\p{L}])|\\s+(?:or|and)\\s+[a-z]+(?:ed|en)(?![\\p{L}])|\\s*[,.;:!?)]|\\s*$)`, 'iu');
const EN_SUFFERED_RE = new RegExp(
  `^\\s*${JOINED_NOUN}(?:${ADVERB}\\s+){0,2}${SUFFERED}\\s+(?:[\\p{L}-]+\\s+){0,2}(${PENALTY})(?![\\p{L}])`, 'iu');
const EN_PARTICIPLE_RE = new RegExp(`^(?:${EN_PARTICIPLE_ALT})$`, 'iu');
/** "order 453 companies to suspend functions": the verb follows the object. */
const EN_CAUSATIVE_BEFORE_RE = /(?<![\p{L}])(?:order|orders|ordered|ordering|instruct|instructed|require|required|force|forced)\s+$/iu;
const EN_TO_VERB_RE = new RegExp(`^\\s*to\\s+(${EN_ACTIVE_ALT})(?![\\p{L}])`, 'iu');

const ZH_BEFORE_RE = new RegExp(`(${ZH_VERB_ALT})([^\\d０-９，,；;：:。！？!?\\n]{0,15})$`);
// "等980余个账号，已被依法依约关闭": the passive may open the next clause, after one comma.
const ZH_PASSIVE_RE = new RegExp(`^(?:[^\\d，,；;：:。！？!?\\n]{0,10}?|[^\\d，,；;：:。！？!?\\n]{0,20}[，,](?:已|均|均已|都已|皆|随后|隨後)?)(?:被|遭到|遭)[^\\d，,；;：:。！？!?\\n]{0,4}?(${ZH_VERB_ALT})`);
/**
 * Chinese puts the object before its verb after 对 (对4046家网站平台实施警告或罚款处罚) and
 * after 责令 / 督促 (责令585家网站暂停有关功能): then the verb follows the figure's noun.
 */
const ZH_OBJECT_FIRST_RE = /(?:对|對|将|將|把|责令|責令|督促|要求|勒令)(?:共|累计|累計|其中)?$/;
/** 取消违法网站许可或备案: 取消 revokes when a licence or filing follows it. */
const ZH_REVOKE_RE = /取消[^\d，,；;：:。！？!?\n]{0,8}?(?:许可|許可|备案|備案|资质|資質)[^\d，,；;：:。！？!?\n]{0,8}$/;
const ZH_VERB_AFTER_RE = new RegExp(`^[^\\d，,；;：:。！？!?\\n]{0,8}?(${ZH_VERB_ALT})`);

const normalise = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ');

/**
 * The action whose object is the figure that follows `before` (the clause up to the
 * figure): "it closed down ", "the removal of ", "永久关闭账号".
 */
export function actionBefore(before: string): Action | undefined {
  if (EN_REVOKE_RE.test(before)) return 'revoked';
  const en = EN_BEFORE_RE.exec(before) ?? EN_BEFORE_PAIR_RE.exec(before);
  if (en) return EN_ACTIVE.get(normalise(en[1]!));
  const zh = ZH_BEFORE_RE.exec(before);
  if (zh) return ZH_VERB.get(zh[1]!);
  if (ZH_REVOKE_RE.test(before)) return 'revoked';
  return undefined;
}

/** Whether `before` leaves the figure as the object of a verb still to come (对…, 责令…, "order … to"). */
export function objectFirst(before: string): boolean {
  return ZH_OBJECT_FIRST_RE.test(before) || EN_CAUSATIVE_BEFORE_RE.test(before);
}

/** The verb that follows an object put first: "实施警告或罚款处罚", " to suspend functions". */
export function actionAfterObject(after: string): Action | undefined {
  const en = EN_TO_VERB_RE.exec(after);
  if (en) return EN_ACTIVE.get(normalise(en[1]!));
  const zh = ZH_VERB_AFTER_RE.exec(after);
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
 * closed", "were ordered to suspend", "faced consequences", "removed from app stores",
 * "被永久关闭".
 */
export function actionAfter(after: string): Action | undefined {
  const passive = EN_PASSIVE_RE.exec(after) ?? EN_REDUCED_RE.exec(after);
  if (passive) return EN_PARTICIPLE.get(normalise(passive[1]!));
  const ordered = EN_ORDERED_RE.exec(after);
  if (ordered) return EN_ACTIVE.get(normalise(ordered[1]!));
  const suffered = EN_SUFFERED_RE.exec(after);
  if (suffered) return /^(?:warnings?|fines?)$/i.test(suffered[1]!) ? 'warned or fined' : 'penalised';
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

/**
 * The regulator spoken of as a body rather than by name, as enforcement reports do:
 * 全国网信系统, 各级网信部门, "internet information departments at all levels", "the
 * national cyberspace system", "Chinese cyberspace regulators", "internet authorities".
 * A passage with such a subject speaks for the CAC.
 */
const REGULATOR_RE =
  /(?:网信|網信)(?:系统|系統|部门|部門)|(?<![\p{L}])(?:(?:cyberspace|internet|network|online)[\s-]+(?:information\s+|security\s+)?(?:system|authorit(?:y|ies)|regulators?|departments?|offices?|watchdogs?)|Cyber(?:space|security)\s+Administration|Nettrust\s+system)(?![\p{L}])/iu;

/** Whether a passage names the regulator by what it is ("全国网信系统", "cyberspace authorities"). */
export function speaksForRegulator(text: string): boolean {
  return REGULATOR_RE.test(text);
}

