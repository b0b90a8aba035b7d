import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from "../../e2e/support/chromium";
import { Api, createAndWait, distinctSchema } from "../lib/api";
import { type BenchDatabase, freshDatabase } from "../lib/db";
import { figure, say, type SectionResult } from "../lib/report";
import { startApp } from "../lib/server";
import { median } from "../lib/stats";
import { firstLoadChunks } from "./bundle";
import type { BenchContext } from "./context";

const ENTRIES = 10_000;
const VIEWS = ["table", "timeline", "cards"] as const;
type View = (typeof VIEWS)[number];
const TARGET_MS = 500;
const CHROMIUM = process.env.BENCH_CHROMIUM ?? DEBIAN_CHROMIUM;

interface Switch {
  view: View;
  /** Press on the tab → the view's first commit (its layout effect). */
  commitMs: number;
  /** The view's own mount → first commit (the component's marks). */
  renderMs: number;
  /** Press → next paint, from the Event Timing API (8 ms steps). */
  paintMs: number | null;
  domNodes: number;
}

interface PageRun {
  initialView: string;
  /** Navigation start → the initial tab's view committed. */
  firstViewMs: number;
  htmlBytes: number;
  switches: Switch[];
  scripts: string[];
}

/**
 * The three data views with 10,000 entries in headless Chromium. Each run
 * loads the activity page afresh and switches to each view in turn; the
 * view components mark their mount and measure to their first commit
 * (performance.mark / measure, read here), and a capturing listener
 * records when the tab was pressed.
 */
export async function viewsSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const database = await freshDatabase("views");
  let browser: Browser | undefined;
  try {
    const app = await startApp({
      name: "views",
      dir,
      databaseUrl: database.url,
      env: { ANALYSIS_DEBOUNCE_SECONDS: "0", ANALYSIS_RPM: "1000000" },
    });
    const api = await new Api(app.url).signUp();
    const schema = distinctSchema(randomUUID().slice(0, 8));
    const { id } = await createAndWait(api, "10,000 entries", schema);
    await insertEntries(database, id);
    say("views", `${ENTRIES} entries inserted`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    const runs: PageRun[] = [];
    for (let run = 0; run < context.runs; run++) {
      const page = await openPage(browser, app.url, api.cookie);
      runs.push(await measurePage(page, `${app.url}/activities/${id}`));
      await page.context().close();
      const last = runs.at(-1)!;
      say(
        "views",
        `run ${run + 1}/${context.runs}: ` +
          last.switches
            .map(
              (s) =>
                `${s.view} ${s.commitMs.toFixed(0)}/${s.paintMs ?? "?"} ms`,
            )
            .join(", "),
      );
    }
    await browser.close();
    browser = undefined;
    await app.stop();

    const expected = new Set(
      firstLoadChunks(join(dir, ".next")).map((f) => `/_next/${f}`),
    );
    const scripts = runs[0]?.scripts ?? [];
    return {
      section: "views",
      seconds: (Date.now() - started) / 1000,
      figures: [
        ...VIEWS.flatMap((view) => {
          const of = runs.map((r) => r.switches.find((s) => s.view === view)!);
          const paints = of.map((s) => s.paintMs);
          const figures = [
            figure(
              "views",
              `${view}: press → first render committed (${ENTRIES} entries)`,
              "ms",
              of.map((s) => s.commitMs),
              { target: TARGET_MS },
            ),
          ];
          if (paints.every((p) => p !== null)) {
            figures.push(
              figure(
                "views",
                `${view}: press → next paint (Event Timing)`,
                "ms",
                paints as number[],
                { target: TARGET_MS },
              ),
            );
          }
          return figures;
        }),
        figure(
          "views",
          "page load: navigation → first view committed",
          "ms",
          runs.map((r) => r.firstViewMs),
        ),
      ],
      details: {
        entries: ENTRIES,
        runs,
        htmlKb: median(runs.map((r) => r.htmlBytes)) / 1000,
        scriptsInHtml: scripts,
        scriptsNotInManifestList: scripts.filter((s) => !expected.has(s)),
        manifestListNotInHtml: [...expected].filter(
          (s) => !scripts.includes(s),
        ),
      },
    };
  } finally {
    await browser?.close();
    await database.drop();
  }
}

/** 10,000 valid entries, one an hour back from now, in one statement. */
async function insertEntries(database: BenchDatabase, activityId: string) {
  await database.sql`
    insert into activity_entries (activity_id, data, occurred_at)
    select ${activityId}::uuid,
      jsonb_build_object(
        'title', 'Entry ' || g,
        'loggedAt', to_char(at_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'amount', round((random() * 500)::numeric, 2),
        'category', (array['home', 'work', 'sport', 'other'])[1 + g % 4],
        'done', g % 3 = 0,
        'notes', 'Note number ' || g
      ),
      at_time
    from generate_series(1, ${ENTRIES}::int) as g,
      lateral (select now() - make_interval(hours => g) as at_time) as t`;
}

async function openPage(
  browser: Browser,
  base: string,
  cookie: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }),
  );
  await context.addInitScript(() => {
    const bench = {
      press: 0,
      events: [] as { name: string; startTime: number; duration: number }[],
    };
    Object.assign(window, { __bench: bench });
    window.addEventListener(
      "pointerdown",
      (event) => (bench.press = event.timeStamp),
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.events.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
        });
      }
    }).observe({
      type: "event",
      buffered: true,
      durationThreshold: 16,
    } as PerformanceObserverInit);
  });
  return context.newPage();
}

async function measurePage(page: Page, url: string): Promise<PageRun> {
  await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  const initialView = await page.waitForFunction(
    () => {
      const entry = performance
        .getEntriesByType("measure")
        .find((e) => /^view-\w+:first-render$/.test(e.name));
      return entry ? entry.name.split(":")[0]!.slice("view-".length) : null;
    },
    null,
    { timeout: 60_000 },
  );
  const initial = (await initialView.jsonValue()) as string;
  const firstViewMs = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType("measure")
      .find((e) => /^view-\w+:first-render$/.test(e.name))!;
    return entry.startTime + entry.duration;
  });
  const htmlBytes = await page.evaluate(
    () =>
      (
        performance.getEntriesByType(
          "navigation",
        )[0] as PerformanceNavigationTiming
      ).decodedBodySize,
  );
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll("script[src]")]
      .map((s) => new URL((s as HTMLScriptElement).src).pathname)
      .filter((src) => src.startsWith("/_next/static/chunks/")),
  );

  // The initial view last, so that every press mounts its view afresh.
  const order = [
    ...VIEWS.filter((v) => v !== initial),
    ...VIEWS.filter((v) => v === initial),
  ];
  const switches: Switch[] = [];
  for (const view of order) switches.push(await switchTo(page, view));
  return { initialView: initial, firstViewMs, htmlBytes, switches, scripts };
}

async function switchTo(page: Page, view: View): Promise<Switch> {
  const name = `view-${view}:first-render`;
  const before = await page.evaluate(
    (n) => performance.getEntriesByName(n).length,
    name,
  );
  await page.click(`[data-testid="tab-${view}"]`, { timeout: 30_000 });
  await page.waitForFunction(
    ([n, count]) =>
      performance.getEntriesByName(n as string).length > (count as number),
    [name, before] as const,
    { timeout: 60_000, polling: 50 },
  );
  // Two frames and a task, so that the Event Timing entry is delivered.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => setTimeout(resolve, 50)),
        ),
      ),
  );
  return page.evaluate(
    ([n, v]) => {
      const bench = (
        window as unknown as {
          __bench: {
            press: number;
            events: { name: string; startTime: number; duration: number }[];
          };
        }
      ).__bench;
      const measure = performance.getEntriesByName(n!).at(-1)!;
      // The tab switches on mousedown; its paint ends both entries.
      const ends = bench.events
        .filter(
          (e) =>
            /^(pointerdown|mousedown)$/.test(e.name) &&
            e.startTime >= bench.press - 1 &&
            e.startTime - bench.press < 5,
        )
        .map((e) => e.startTime + e.duration - bench.press);
      const root = document.querySelector(`[data-testid="view-${v}"]`);
      return {
        view: v as View,
        commitMs: measure.startTime + measure.duration - bench.press,
        renderMs: measure.duration,
        paintMs: ends.length ? Math.max(...ends) : null,
        domNodes: root ? root.querySelectorAll("*").length : 0,
      };
    },
    [name, view] as const,
  );
}
