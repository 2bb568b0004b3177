/**
 * Accessibility checks with axe-core in the browser tests. axe runs in the page's main
 * world; it is evaluated there through the DevTools protocol, which extension pages' CSP
 * (no inline scripts) does not stop, and which leaves the page's own DOM alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { ROOT } from './harness';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The impacts a check fails on. */
export const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

/** One violation, in a line a failing test can print: rule, impact, where, and why. */
export interface Violation {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
  summary: string;
}

function describeViolations(results: Pick<AxeResults, 'violations'>): Violation[] {
  return results.violations
    .filter((v: Result) => v.impact && BLOCKING.includes(v.impact))
    .map((v: Result) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
      summary: v.nodes.map((n) => n.failureSummary ?? '').join(' | '),
    }));
}

async function injectAxe(page: Page | Frame): Promise<void> {
  if (await page.evaluate('typeof window.axe === "object"')) return;
  await page.evaluate(AXE_SOURCE);
}

/** Serious and critical violations on the whole page (WCAG 2.x A and AA, and axe's best practices). */
export async function seriousViolations(page: Page | Frame): Promise<Violation[]> {
  await injectAxe(page);
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as AxeResults;
  return describeViolations(results);
}

interface UiNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: UiNode[];
  shadowRoots?: UiNode[];
}

/** Every element of the page that holds a closed shadow root, with that root. */
async function closedShadowRoots(cdp: CDPSession): Promise<Array<{ host: UiNode; root: UiNode }>> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: UiNode };
  const found: Array<{ host: UiNode; root: UiNode }> = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const shadow of node.shadowRoots ?? []) {
      if (shadow.shadowRootType === 'closed') found.push({ host: node, root: shadow });
    }
    stack.push(...(node.shadowRoots ?? []), ...(node.children ?? []));
  }
  return found;
}

/**
 * Serious and critical violations inside the page's closed shadow roots (our in-page UI).
 * axe reads shadow trees through `host.shadowRoot`, which a closed root leaves null; the
 * test hands each closed root to axe through the DevTools protocol, by giving that one host
 * a `shadowRoot` property in the page's main world for the time of the check. The content
 * script, in its isolated world, never sees it; the extension ships no hook for this.
 */
export interface ClosedRootCheck {
  /** The host's tag. */
  host: string;
  /** Elements inside the root that axe was given. */
  elements: number;
  /** The root holds a dialog (the highlight card). */
  dialog: boolean;
  violations: Violation[];
}

export async function seriousViolationsInClosedShadowRoots(page: Page): Promise<ClosedRootCheck[]> {
  await injectAxe(page);
  const cdp = await page.context().newCDPSession(page);
  try {
    const roots = await closedShadowRoots(cdp);
    const checks: ClosedRootCheck[] = [];
    for (const { host, root } of roots) {
      const hostObject = (await cdp.send('DOM.resolveNode', { backendNodeId: host.backendNodeId })) as { object: { objectId: string } };
      const rootObject = (await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as { object: { objectId: string } };
      const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: hostObject.object.objectId,
        arguments: [{ objectId: rootObject.object.objectId }],
        functionDeclaration: `async function (root) {
          Object.defineProperty(this, 'shadowRoot', { get: () => root, configurable: true });
          try {
            const results = await axe.run({ include: [this] }, { resultTypes: ['violations'] });
            return {
              results,
              elements: root.querySelectorAll('*').length,
              dialog: root.querySelector('[role="dialog"]') !== null,
            };
          } finally {
            delete this.shadowRoot;
          }
        }`,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value: { results: AxeResults; elements: number; dialog: boolean } };
        exceptionDetails?: { exception?: { description?: string } };
      };
      if (exceptionDetails) throw new Error(`axe failed in a closed shadow root: ${exceptionDetails.exception?.description ?? 'unknown error'}`);
      const { results, elements, dialog } = result.value;
      checks.push({ host: host.localName ?? '', elements, dialog, violations: describeViolations(results) });
    }
    return checks;
  } finally {
    await cdp.detach();
  }
}
