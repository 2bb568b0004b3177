import { t } from './i18n';

/** A highlight's tags as the lists show them (the user's own and a teammate's alike). */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="ql-highlight__tags" aria-label={t('highlight_tags')}>
      {tags.map((tag) => (
        <li key={tag} class="ql-tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
