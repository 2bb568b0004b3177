import type * as v from 'valibot';

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list',
  Object: 'an object',
  null: 'null',
};

function noun(expected: string | null): string {
  if (!expected) return 'something else';
  const alternatives = expected
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .map((e) => NOUNS[e] ?? e.replace(/^"(.*)"$/, '$1'));
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'missing';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return 'text';
    case 'number':
      return `the number ${input}`;
    case 'boolean':
      return String(input);
    default:
      return 'an object';
  }
}

/**
 * The issue to tell the user about. When no alternative of a union fits (a target may
 * be text, an object or a list), valibot reports the union itself; the sub-issue that
 * got deepest into the value is the one in the alternative the file meant.
 */
export function mostSpecificIssue(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  if (issue.type !== 'union' || !issue.issues) return issue;
  const outer = issue.path ?? [];
  let best = issue;
  let bestDepth = outer.length;
  for (const sub of issue.issues) {
    const candidate = mostSpecificIssue(sub);
    // A sub-issue's path starts where the union is; join the two.
    const depth = outer.length + (candidate.path?.length ?? 0);
    if (depth > bestDepth) {
      const path = [...outer, ...(candidate.path ?? [])] as typeof outer;
      best = { ...candidate, path: path.length > 0 ? (path as [v.IssuePathItem, ...v.IssuePathItem[]]) : undefined };
      bestDepth = depth;
    }
  }
  return best;
}

/** "target[0].selector[1].exact" */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return path;
}

/** What is wrong, as the end of a sentence that starts with the field's name. */
export function issueProblem(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return 'is missing';
    if (issue.type === 'picklist') return `should be one of ${noun(issue.expected)}, not “${String(issue.input)}”`;
    return `should be ${noun(issue.expected)}, not ${describeInput(issue.input)}`;
  }
  switch (issue.type) {
    case 'max_length':
      return `is too long (at most ${String(issue.requirement)} ${Array.isArray(issue.input) ? 'entries' : 'characters'})`;
    case 'finite':
      return 'should be a finite number';
    case 'integer':
      return 'should be a whole number';
    case 'min_value':
      return 'should not be negative';
    default:
      // check and regex actions carry the noun they expect as their message.
      return `should be ${issue.message}`;
  }
}
