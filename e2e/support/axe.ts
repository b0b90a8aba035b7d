import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

/**
 * Scans the page as it is now with axe-core (WCAG 2.x A and AA rules and
 * axe's best practices) and fails on any serious or critical violation,
 * naming each rule and the elements it found. Soft, so one run lists
 * the violations of every page a test visits.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  where: string,
): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        html: node.html.slice(0, 200),
        why: node.failureSummary?.split("\n").slice(1).join(" ").trim(),
      })),
    }));
  expect.soft(blocking, `axe violations on ${where}`).toEqual([]);
}
