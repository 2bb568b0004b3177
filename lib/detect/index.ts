import type { Mention } from '../types';

// PLACEHOLDER until the detection work lands: the signature is the contract the
// content script, the scan command and the facts extractor code against.
export function detect(text: string): Mention[] {
  void text;
  return [];
}
