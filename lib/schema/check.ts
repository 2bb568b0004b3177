import * as v from 'valibot';
import { issuePath, issueProblem, mostSpecificIssue } from './issue-message';

/**
 * Why `value` does not fit `schema`, as the end of a sentence ("“facts[0].text” is too
 * long (at most 100000 characters)"), or null when it fits. `what` names the value when
 * the problem is with the whole of it.
 */
export function problemOf(schema: v.GenericSchema, value: unknown, what = 'it'): string | null {
  const checked = v.safeParse(schema, value, { abortEarly: true });
  if (checked.success) return null;
  const issue = mostSpecificIssue(checked.issues[0]);
  const path = issuePath(issue);
  return `${path ? `“${path}”` : what} ${issueProblem(issue)}`;
}
