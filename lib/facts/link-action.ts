/**
 * The act linking compares. One exception to "the table decides": for posts and other
 * content, cleaning up (清理, which reports count apart from 下架 apps) is what English
 * coverage translates as "removed" ("清理违法和不良信息141.09萬條" is "removed 1.4 million
 * posts"), so for that unit the two are one act. For accounts, apps or websites they stay
 * apart: 下架 an app is not 清理 content.
 */
export function linkAction(action: string | undefined, unit: string | undefined): string {
  if (unit === 'posts' && action === 'cleared') return 'removed';
  return action ?? '';
}
