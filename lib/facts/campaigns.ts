/**
 * The Qinglang sub-campaign an article names, as a key that compares across outlets:
 * “清朗·2023年暑期未成年人网络环境整治”专项行动 → "2023年暑期未成年人网络环境整治";
 * the "Qinglang" campaign against online rumours → "against online rumours". Chinese
 * names follow 清朗 after a middle dot; English ones follow "campaign"/"operation" after
 * against/on/targeting, or come before "campaign" in quotation marks. Keys are folded
 * (case, width, quotes, spaces), so the same title in two outlets is one key. English
 * and Chinese titles are different keys: a sub-campaign links across languages through
 * its facts, not its name.
 */

const ZH_NAME = /清朗\s*[·・•．.‧]\s*([^”"」』，,。；;：:！？\s（(]{2,30})/g;
const EN_NAME = /qing\s*lang["”’']?\s*(?:series\s+)?(?:campaign|operation|crackdown|drive)s?\s+(?:against|on|targeting|to\s+(?:clean\s+up|rectify|curb|tackle))\s+([^.,;:()"“”]{3,60})/gi;
const EN_QUOTED = /qing\s*lang\s*[·:\-–]\s*([^"”]{3,60})["”]/gi;

function fold(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[“”"「」『』'’]/g, '').replace(/\s+/g, ' ').replace(/专项行动$|專項行動$|行动$|行動$/, '').trim();
}

/** The sub-campaign names `text` gives (folded), in order, each once. */
export function campaignNames(text: string): string[] {
  const names = new Set<string>();
  for (const re of [ZH_NAME, EN_NAME, EN_QUOTED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = fold(m[1]!.replace(/\s+(?:and|in|which|that|from|since|last|this)\b.*$/i, ''));
      if (name.length >= 2) names.add(name);
    }
  }
  return [...names];
}
