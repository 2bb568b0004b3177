/**
 * Tags as the user types them: separated by commas (also the Chinese ，、) or new
 * lines, trimmed, without "#", case kept but duplicates dropped regardless of case.
 */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(/[,，、;；\n]/)) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
