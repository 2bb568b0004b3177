/**
 * Where a JSON text first goes wrong. V8's JSON.parse message does not always give a
 * position ("Unexpected token '}', …is not valid JSON"), and a person fixing a file
 * needs a line number, so on a failed parse we walk the text once more with a small
 * recogniser that only finds the first offending offset; it builds no values.
 */
export interface JsonErrorLocation {
  /** UTF-16 offset of the first character that cannot be there (text.length when it ends too early). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters of that line. */
  column: number;
  /** The text stops before the JSON is complete: a truncated or cut-off file. */
  truncated: boolean;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/** Line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const at = (offset: number): JsonErrorLocation => ({
    offset,
    ...lineAndColumn(text, offset),
    truncated: offset >= text.length,
  });
  const skipWs = () => {
    while (i < text.length && WS.has(text[i] ?? '')) i++;
  };
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) {
        i += k;
        return false;
      }
    }
    i += word.length;
    return true;
  };
  const string = (): boolean => {
    i++; // opening quote
    STRING_BODY.lastIndex = i;
    STRING_BODY.exec(text);
    i = STRING_BODY.lastIndex;
    if (text[i] !== '"') return false;
    i++;
    return true;
  };

  // An explicit stack instead of recursion: a hostile file nested a million deep
  // must get a message, not a stack overflow.
  type Frame = { kind: 'array' | 'object'; state: 'start' | 'value' | 'key' | 'colon' | 'sep' };
  const stack: Frame[] = [];
  const value = (): boolean => {
    skipWs();
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push({ kind: 'object', state: 'start' });
      return true;
    }
    if (c === '[') {
      i++;
      stack.push({ kind: 'array', state: 'start' });
      return true;
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return true;
    }
    return false;
  };

  if (!value()) return at(i);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    skipWs();
    const c = text[i];
    if (top.kind === 'array') {
      if (top.state === 'start' && c === ']') {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === 'sep') {
        if (c === ',') {
          i++;
          top.state = 'value';
          continue;
        }
        if (c === ']') {
          i++;
          stack.pop();
          continue;
        }
        return at(i);
      }
      top.state = 'sep';
      if (!value()) return at(i);
      continue;
    }
    // object
    if ((top.state === 'start' || top.state === 'key') && c === '"') {
      if (!string()) return at(i);
      top.state = 'colon';
      continue;
    }
    if (top.state === 'start' && c === '}') {
      i++;
      stack.pop();
      continue;
    }
    if (top.state === 'colon') {
      if (c !== ':') return at(i);
      i++;
      top.state = 'sep';
      if (!value()) return at(i);
      continue;
    }
    if (top.state === 'sep') {
      if (c === ',') {
        i++;
        top.state = 'key';
        continue;
      }
      if (c === '}') {
        i++;
        stack.pop();
        continue;
      }
    }
    return at(i);
  }
  skipWs();
  return i < text.length ? at(i) : undefined;
}
