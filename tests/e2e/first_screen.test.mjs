// The first screen is HTML: the default view's story, numbers and chart are painted from
// index.html before the wasm runs (src/first_screen.rs, scripts/prerender.mjs); a link to
// another view never shows the default chart; the app takes over with no layout shift and keeps
// the reader's focus, its live chart's plot where the drawing's was; the default view's live
// chart is drawn before the wasm (scripts/early-chart.js) and adopted by the app; nothing trips
// the CSP (scripts/first-view.js is allowed by its hash).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { suite, probedPage, chartSeries, cspViolations } from "./harness.mjs";
import { firstViewScript, inlineStyle, pagePolicy } from "../../scripts/csp.mjs";

const env = suite();

/** A page whose wasm is held back until `release()` (or never). */
async function heldPage(options = {}) {
  const probed = await probedPage(env.browser, options);
  let release;
  const released = new Promise((done) => (release = done));
  await probed.page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return { ...probed, release };
}

/** Records every layout shift from the page's start; `shifted(page)` sums those a reader's own
 * input did not cause (the ones CLS counts). */
const watchShifts = (page) =>
  page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }).observe({ type: "layout-shift", buffered: true });
  });
const shifted = (page) => page.evaluate(() => window.__shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0));

const shown = (page, selector) =>
  page.$eval(selector, (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && box.width > 0 && box.height > 0;
  });

test("the default view is painted from the HTML before the wasm runs: story, numbers and its chart", async () => {
  const { page, problems, context } = await probedPage(env.browser);
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(env.server.url);
  const figure = "#boot .static-view[data-view=overview]";
  assert.ok(await shown(page, figure));
  const image = page.locator(`${figure} picture.when-light img`);
  await page.waitForFunction((sel) => { const img = document.querySelector(sel); return img.complete && img.naturalWidth > 0; }, `${figure} picture.when-light img`);
  // In the HTML itself, as a data: URL of the very file the build drew.
  const src = await image.getAttribute("src");
  assert.ok(src.startsWith("data:image/svg+xml,"), src.slice(0, 40));
  const drawn = await (await page.request.get(env.server.url + "static/overview.svg")).text();
  assert.equal(decodeURIComponent(src.slice("data:image/svg+xml,".length)), drawn);
  assert.match(await page.innerText("#boot .story"), /Chainalysis/);
  assert.match(await page.innerText("#boot .kpis"), /\$\d/);
  // The failed start is said above it, and the first screen stays.
  await page.waitForSelector("[data-testid=boot-failed]", { state: "visible" });
  assert.ok(await shown(page, figure), "the static chart is still there");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("beside the chart, the filter column is there before the app, as the app lays it out, and nothing in it can be used until the app's replaces it", async () => {
  // What a reader sees of the panel: every heading, label and count, and where each option is.
  const panel = (page, root) =>
    page.$eval(root, (aside) => {
      const shownInPanel = (el) => el.tagName === "SUMMARY" || !el.closest("details:not([open])");
      return {
      text: aside.innerText,
      // (The first screen's closed "more" section is empty; the app's holds the chain list and
      // the range inputs, not shown while it is closed.)
      boxes: [...aside.querySelectorAll(".option, legend, input, .reset, summary")]
        .filter(shownInPanel)
        .map((el) => el.getBoundingClientRect())
        .map((r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(",")),
      checked: [...aside.querySelectorAll("input")].filter(shownInPanel).map((i) => i.checked),
      };
    });
  for (const viewport of [{ width: 1280, height: 900 }, { width: 800, height: 900 }]) {
    const { page, problems, context, release } = await heldPage({ viewport });
    await watchShifts(page);
    await page.goto(env.server.url);
    await page.waitForFunction(() => !document.documentElement.hasAttribute("data-first-paint-pending"));
    const before = await panel(page, "#boot aside.filters");
    // A tick on the first screen's panel would be lost when the app arrives: it takes none.
    const box = await page.$eval("#boot aside.filters .facet input[type=checkbox]", (el) => el.getBoundingClientRect().toJSON());
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await page.$eval("#boot aside.filters .facet input[type=checkbox]", (el) => el.checked), false, "the static panel took a click");
    release();
    await page.waitForSelector("#boot", { state: "detached" });
    await page.waitForSelector("[data-testid=facet-year]");
    const after = await panel(page, "aside.filters");
    assert.equal(after.text, before.text, `${viewport.width}px: the panel's text`);
    assert.deepEqual(after.boxes, before.boxes, `${viewport.width}px: where each option is`);
    assert.deepEqual(after.checked, before.checked, `${viewport.width}px: what is ticked`);
    await page.waitForTimeout(300);
    assert.equal(await shifted(page), 0, `${viewport.width}px: layout shift`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
  // A phone opens the filters in a sheet from its "Filters" button: no column to show.
  const { page, context } = await probedPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.route(/_bg\.wasm$/, () => {});
  await page.goto(env.server.url);
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-first-paint-pending"));
  assert.equal(await shown(page, "#boot aside.filters"), false);
  await context.close();
});

/** The first table rows' ids, places on the page, heights and the sources they name. */
const rowBoxes = (page, selector) =>
  page.$$eval(selector, (rows) =>
    rows.slice(0, 10).map((row) => {
      const box = row.getBoundingClientRect();
      const sources = [...row.querySelectorAll(".sources a")].map((a) => a.textContent).join(", ");
      return [row.dataset.id, Math.round(box.top + scrollY), Math.round(box.height), sources];
    }),
  );

test("the table's first rows are in the HTML: after the first frame with script, from the start without, and the app's table takes their place", async () => {
  // No script: the rows are there, each name a link to its incident.
  {
    const { page, context } = await probedPage(env.browser, { javaScriptEnabled: false });
    await page.goto(env.server.url);
    const rows = page.locator("#boot .table-section tbody tr");
    assert.equal(await rows.count(), 10);
    assert.ok(await shown(page, "#boot .table-section tbody tr"));
    assert.match(await rows.first().locator("a.incident-name").getAttribute("href"), /^\?incident=[a-z0-9-]+$/);
    await context.close();
  }
  // With script and the wasm held back: not in the first frame (a taller page to paint held it
  // back), but there right after it, below the chart. On a phone the sources' loading line
  // wraps under the table's heading: the first screen has it too, and it keeps its place.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const at = `${viewport.width}px`;
    const { page, problems, context, release } = await heldPage({ viewport });
    // The sources' links come later still.
    let releaseSources;
    const sourcesHeld = new Promise((done) => (releaseSources = done));
    await page.route(/details-[0-9a-f]+\.json$/, async (route) => {
      await sourcesHeld;
      await route.continue();
    });
    await watchShifts(page);
    await page.addInitScript(() => {
      window.__rowsAtFirstPaint = null;
      new PerformanceObserver(() => {
        if (window.__rowsAtFirstPaint === null) {
          const row = document.querySelector("#boot .table-section tbody tr");
          window.__rowsAtFirstPaint = row !== null && row.getBoundingClientRect().height > 0;
        }
      }).observe({ type: "paint", buffered: true });
    });
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.__rowsAtFirstPaint !== null);
    assert.equal(await page.evaluate(() => window.__rowsAtFirstPaint), false, `${at}: rows in the first frame`);
    await page.waitForFunction(() => !document.documentElement.hasAttribute("data-first-paint-pending"));
    assert.ok(await shown(page, "#boot .table-section tbody tr"));
    const staticIds = await page.$$eval("#boot .table-section tbody tr", (rows) => rows.map((r) => r.dataset.id));
    // A reader has scrolled to the rows when the app arrives: they stay where they are.
    await page.$eval("#boot .table-section", (el) => el.scrollIntoView());
    const staticBoxes = await rowBoxes(page, "#boot .table-section tbody tr");
    assert.ok((await page.$$eval("#boot .table-section .sources a", (as) => as.length)) > 10, "the rows name their sources");
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 300, `scrolled to the table: ${scrolled}`);
    release();
    await page.waitForSelector("#boot", { state: "detached" });
    await page.waitForSelector("[data-testid=incident-row]");
    const liveIds = await page.$$eval("[data-testid=incident-row]", (rows) => rows.map((r) => r.dataset.id));
    assert.deepEqual(liveIds.slice(0, staticIds.length), staticIds);
    assert.equal(await page.locator(".table-section").count(), 1, "the app's table has replaced the first screen's");
    // Each row is where it was and as tall, naming the same sources; then their links arrive in
    // the names' place and nothing moves.
    assert.deepEqual(await rowBoxes(page, "[data-testid=incident-row]"), staticBoxes, at);
    assert.equal(await page.locator(".table-section .sources a[href]").count(), 0, "no links before the sources arrive");
    releaseSources();
    await page.locator(".table-section .sources a[href]").first().waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=details-loading]:not([hidden])"));
    assert.deepEqual(await rowBoxes(page, "[data-testid=incident-row]"), staticBoxes, at);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, at);
    assert.equal(await shifted(page), 0, `${at}: layout shifts`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

/** When the first contentful paint, the first screen's drawing and each script and the wasm
 * were requested, on the page's own clock, once the app has started. */
async function loadOrder(page) {
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  // The chart is marked drawn in the task that draws it; an embed, which shows nothing before,
  // paints for the first time only after that task.
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  return page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    const requested = Object.fromEntries(
      performance
        .getEntriesByType("resource")
        .filter((e) => /(echarts\.min|early-chart|loader-[0-9a-f]+|crypto-heist-explorer-[0-9a-f]+)\.js$|_bg\.wasm$/.test(e.name))
        .map((e) => [e.name.split("/").pop().replace(/-[0-9a-f]{8,}/, ""), e.startTime]),
    );
    const parsed = performance.getEntriesByType("navigation")[0].domContentLoadedEventStart;
    return { paint, parsed, requested };
  });
}

test("nothing but the first screen is requested before it has painted; an embed, which has no first screen, does not wait", async () => {
  const { page, problems, context } = await probedPage(env.browser);
  // The drawing's Element Timing entry, recorded from the start (the page does not keep it).
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === "static-chart") window.__drawing ??= e.renderTime || e.loadTime;
    }).observe({ type: "element", buffered: true });
    // When ECharts has run: its script's load event, which the loader waits for (seen while
    // capturing, so before the page's own handler lets the loader go on).
    document.addEventListener("load", (e) => e.target?.id === "echarts-script" && (window.__echartsRan ??= performance.now()), true);
  });
  await page.goto(env.server.url);
  const { paint, parsed, requested } = await loadOrder(page);
  const { drawing, echartsRan, sheets } = await page.evaluate(() => ({
    drawing: window.__drawing,
    echartsRan: window.__echartsRan,
    sheets: [...document.styleSheets].map((sheet) => sheet.href),
  }));
  assert.deepEqual(Object.keys(requested).sort(), ["crypto-heist-explorer.js", "crypto-heist-explorer_bg.wasm", "early-chart.js", "echarts.min.js", "loader.js"]);
  // The stylesheet is in the HTML (scripts/inline-style.mjs): the first screen is one request.
  assert.deepEqual(sheets, [null], "one stylesheet, inline");
  assert.ok(paint > 0 && drawing > 0, `painted at ${paint} ms, drawing at ${drawing} ms`);
  // Painted, and so every byte of the first screen (the HTML with its stylesheet, the drawing)
  // had arrived: no script shares the connection with them.
  for (const [file, at] of Object.entries(requested)) {
    assert.ok(at >= paint && at >= drawing, `${file} requested at ${at} ms, before the first paint (${paint} ms) or the drawing (${drawing} ms)`);
    assert.ok(at >= parsed, `${file} requested at ${at} ms, before the HTML was parsed (${parsed} ms)`);
  }
  // The wasm waits for ECharts to have run (scripts/externalize-loader.mjs): the two do not
  // compete for the cores.
  const wasmAt = requested["crypto-heist-explorer_bg.wasm"];
  assert.ok(echartsRan > 0 && wasmAt >= echartsRan, `the wasm was requested at ${wasmAt} ms, before ECharts had run (${echartsRan} ms)`);
  assert.equal(await page.$$eval('script[type="text/x-after-paint"]', (s) => s.length), 0, "every inert script was made live");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);

  // An embed paints nothing until the app has drawn it: its scripts are requested as soon as
  // the HTML is parsed, not after the one-second safety net.
  await page.goto(`${env.server.url}?embed=1`);
  const embed = await loadOrder(page);
  assert.ok(embed.paint > 0);
  for (const [file, at] of Object.entries(embed.requested)) {
    assert.ok(at < embed.paint, `embed: ${file} requested at ${at} ms, after its first paint (${embed.paint} ms)`);
    assert.ok(at - embed.parsed < 500, `embed: ${file} requested ${at - embed.parsed} ms after the HTML was parsed`);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("before the app, the view tabs show each view's first screen and change the link, back and forward too; the app then shows the view the link names", async () => {
  const { page, problems, context, release } = await heldPage({ viewport: { width: 1280, height: 900 } });
  await watchShifts(page);
  await page.goto(env.server.url);
  // The default view's early live chart is drawn (scripts/early-chart.js) before the reader
  // moves on: the app must still draw the view the link names.
  await page.waitForSelector("#boot .static-chart-frame.live");
  const shownViews = () =>
    page.$$eval("#boot .static-view", (figures) => figures.filter((f) => getComputedStyle(f).display !== "none").map((f) => f.dataset.view));
  const current = () => page.$$eval("#boot [data-static-tab][aria-current=page]", (tabs) => tabs.map((t) => t.dataset.staticTab));
  assert.deepEqual(await current(), ["overview"]);
  for (const view of ["compare", "monthly", "claims"]) {
    await page.click(`#boot [data-static-tab=${view}]`);
    assert.equal(new URL(page.url()).search, `?view=${view}`);
    assert.deepEqual(await shownViews(), [view]);
    assert.deepEqual(await current(), [view]);
    assert.ok(await shown(page, `#boot .static-view[data-view=${view}] .static-chart-frame img, #boot .static-view[data-view=${view}] .chart-title`));
  }
  await page.goBack();
  assert.equal(new URL(page.url()).search, "?view=monthly");
  assert.deepEqual(await shownViews(), ["monthly"]);
  await page.click("#boot [data-static-tab=overview]");
  assert.equal(new URL(page.url()).search, "");
  assert.deepEqual(await shownViews(), ["overview"]);
  // The table view's first screen is its words over the table's first rows.
  await page.click("#boot [data-static-tab=table]");
  assert.equal(new URL(page.url()).search, "?view=table");
  assert.deepEqual(await shownViews(), ["table"]);
  assert.deepEqual(await current(), ["table"]);
  assert.ok(await shown(page, "#boot .table-section tbody tr"));
  await page.click("#boot [data-static-tab=overview]");
  await page.click("#boot [data-static-tab=compare]");
  const title = await page.innerText("#boot .static-view[data-view=compare] .chart-title");
  await page.focus("#boot [data-static-tab=compare]");
  release();
  await page.waitForSelector("#boot", { state: "detached" });
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  assert.equal(new URL(page.url()).search, "?view=compare");
  assert.equal(await page.getAttribute("[data-testid=view-compare]", "aria-current"), "page");
  assert.equal(await page.innerText("[data-testid=chart-title]"), title);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "view-compare", "focus kept");
  assert.equal(await shifted(page), 0, "layout shifts");
  // The chart is the view's own, as a link to it draws it (not the default view's early chart).
  const direct = await probedPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await direct.page.goto(`${env.server.url}?view=compare`);
  assert.deepEqual(await chartSeries(page), await chartSeries(direct.page));
  await direct.context.close();
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).search === "");
  await page.waitForFunction(() => document.querySelector("[data-testid=view-overview]")?.getAttribute("aria-current") === "page");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("before the app, the theme button shows the other theme and changes the link, back too; the app then draws in it, the focus on its button", async () => {
  const { page, problems, context, release } = await heldPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await watchShifts(page);
  await page.goto(env.server.url);
  await page.waitForSelector("#boot .static-chart-frame.live");
  const state = () =>
    page.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      search: location.search,
      pictures: [...document.querySelectorAll("#boot .static-view[data-view=overview] picture")]
        .filter((p) => getComputedStyle(p).display !== "none")
        .map((p) => p.className),
      label: document.querySelector("#boot .theme-toggle").innerText,
      live: document.querySelector("#boot .static-chart-frame.live") !== null,
    }));
  await page.click("#boot .theme-toggle");
  // The early chart was drawn in light colours: the dark drawing shows instead.
  assert.deepEqual(await state(), { theme: "dark", search: "?theme=dark", pictures: ["when-dark"], label: "Light theme", live: false });
  await page.goBack();
  assert.deepEqual(await state(), { theme: "light", search: "", pictures: ["when-light"], label: "Dark theme", live: false });
  await page.click("#boot .theme-toggle");
  assert.equal((await state()).theme, "dark");
  await page.focus("#boot .theme-toggle");
  release();
  await page.waitForSelector("#boot", { state: "detached" });
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  assert.equal(new URL(page.url()).search, "?theme=dark");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "theme-toggle", "focus kept");
  assert.equal(await shifted(page), 0, "layout shifts");
  // The chart is drawn in the dark theme, as a link to it draws it.
  const option = (p) => p.evaluate(() => JSON.stringify(echarts.getInstanceByDom(document.querySelector("[data-testid=chart]")).getOption()));
  const direct = await probedPage(env.browser, { viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await direct.page.goto(`${env.server.url}?theme=dark`);
  await direct.page.waitForSelector("[data-testid=chart][data-rendered]");
  assert.equal(await option(page), await option(direct.page));
  await direct.context.close();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("a button clicked before the app is carried out by the app's own once it has taken over, and looks busy until then", async () => {
  const { page, problems, context, release } = await heldPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await page.waitForSelector("#boot .static-chart-frame.live");
  const actions = await page.$$eval("#boot [data-static-action]", (els) => [...new Set(els.map((el) => el.dataset.staticAction))]);
  const pending = () =>
    page.evaluate(() => ({
      action: document.documentElement.dataset.staticPending ?? null,
      busy: [...document.querySelectorAll("#boot [aria-busy=true]")].map((el) => el.dataset.staticAction),
      said: document.querySelector("#boot [role=status][data-static-announce]").textContent,
    }));
  const said = "Still loading: this happens as soon as the explorer is ready.";
  // The last click wins; a view tab, answered before the app, drops it.
  await page.click("#boot .masthead-actions [data-static-action=open-methodology]");
  assert.deepEqual(await pending(), { action: "open-methodology", busy: ["open-methodology"], said });
  await page.click("#boot [data-static-tab=compare]");
  assert.deepEqual(await pending(), { action: null, busy: [], said: "" });
  await page.click("#boot [data-static-tab=overview]");
  await page.click("#boot .static-view[data-view=overview] [data-static-action=source-methodology]");
  await page.click("#boot .masthead-actions [data-static-action=open-methodology]");
  assert.deepEqual(await pending(), { action: "open-methodology", busy: ["open-methodology"], said });
  assert.equal(await page.$eval("#boot .static-pending", (el) => getComputedStyle(el).cursor), "progress");
  release();
  const dialog = page.locator("[data-testid=methodology]");
  await dialog.waitFor({ state: "visible" });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.staticPending ?? null), null, "carried out once");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "open-methodology", "focus back on the app's button");
  // Every button the first screen keeps a click for names a control of the app's (the
  // phone's Filters button is checked on a phone below).
  for (const testid of actions.filter((a) => a !== "open-filters")) {
    assert.equal(await page.locator(`[data-testid=${testid}]`).count(), 1, testid);
  }
  assert.ok(actions.includes("table-more") && actions.includes("sort-loss") && actions.includes("download-csv"), actions.join(" "));
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();

  // A link with filters has no first screen to switch views in: the app's tab does it, with them.
  const filtered = await heldPage({ viewport: { width: 1280, height: 900 } });
  await filtered.page.goto(`${env.server.url}?year=2024&attr=dprk`);
  await filtered.page.click("#boot [data-static-tab=monthly]");
  assert.equal(await filtered.page.evaluate(() => document.documentElement.dataset.staticPending), "view-monthly");
  assert.equal(new URL(filtered.page.url()).search, "?year=2024&attr=dprk", "the link waits for the app");
  filtered.release();
  await filtered.page.waitForFunction(() => new URLSearchParams(location.search).get("view") === "monthly");
  const search = new URLSearchParams(new URL(filtered.page.url()).search);
  assert.deepEqual([search.get("year"), search.get("attr")], ["2024", "dprk"]);
  await filtered.page.waitForSelector("[data-testid=view-monthly][aria-current=page]");
  assert.deepEqual(filtered.problems.pageErrors, []);
  await filtered.context.close();

  // On a phone: the filters sheet's button, then the table's "Show 50 more", which the app
  // carries out (the last click), where the reader is.
  const phone = await heldPage({ viewport: { width: 390, height: 800 } });
  await phone.page.goto(env.server.url);
  await phone.page.waitForSelector("#boot .table-section .table-more");
  await phone.page.click("#boot [data-static-action=open-filters]");
  await phone.page.click("#boot [data-static-action=table-more]");
  const scrolled = await phone.page.evaluate(() => scrollY);
  assert.ok(scrolled > 0);
  phone.release();
  await phone.page.waitForSelector("#boot", { state: "detached" });
  await phone.page.waitForFunction(() => /^Showing 100 of /.test(document.querySelector("[data-testid=incident-table]")?.closest("section")?.querySelector(".table-more .muted")?.textContent ?? ""));
  assert.equal(await phone.page.locator("[data-testid=filters-sheet]").isVisible(), false, "only the last click is carried out");
  assert.equal(await phone.page.locator("[data-testid=open-filters]").count(), 1);
  assert.equal(await phone.page.evaluate(() => document.activeElement?.dataset.testid), "table-more");
  assert.equal(await phone.page.evaluate(() => scrollY), scrolled, "the page stays where the reader was");
  assert.deepEqual(await cspViolations(phone.page), []);
  assert.deepEqual(phone.problems.console, []);
  assert.deepEqual(phone.problems.pageErrors, []);
  await phone.context.close();
});

test("a link to another view never shows the default chart, from the first paint", async () => {
  for (const [query, visible] of [
    ["?view=monthly", "monthly"],
    ["?view=claims&theme=dark", "claims"],
    ["?year=2024", "none"],
    ["?view=overview&attr=dprk", "none"],
    ["?view=table", "table"],
    ["?view=nonsense", "none"],
  ]) {
    const { page, context, release } = await heldPage();
    // What every frame shows, from the first (animation frame callbacks run before each frame
    // is painted, and none runs while the stylesheet still blocks rendering) until the first
    // frame with the whole first screen parsed. The parsed document without its stylesheet,
    // as at DOMContentLoaded, is never painted.
    await page.addInitScript(() => {
      window.__frames = [];
      requestAnimationFrame(function sample() {
        const figures = [...document.querySelectorAll("#boot .static-view")]
          .filter((f) => getComputedStyle(f).display !== "none")
          .map((f) => f.dataset.view);
        const numbers = [...document.querySelectorAll("#boot .static-default")].map((el) => getComputedStyle(el).visibility);
        const parsed = document.querySelector("#boot ~ noscript") !== null;
        window.__frames.push({ view: document.documentElement.dataset.staticView, figures, numbers, parsed });
        if (!parsed) requestAnimationFrame(sample);
      });
    });
    await page.goto(env.server.url + query, { waitUntil: "domcontentloaded" });
    const frames = await page.waitForFunction(() => window.__frames.at(-1)?.parsed && window.__frames).then((h) => h.jsonValue());
    assert.deepEqual([...new Set(frames.flatMap((f) => f.figures))], [visible], `${query}: ${JSON.stringify(frames)}`);
    if (visible === "none") {
      assert.ok(frames.every((f) => f.numbers.every((v) => v === "hidden")), `${query}: the default selection's numbers are not shown`);
      // The reserved frame says what it waits for, in the live chart box's words.
      const status = page.locator("#boot .static-empty .chart-status");
      assert.ok(await status.isVisible(), `${query}: the frame's status`);
      assert.equal(await status.innerText(), "Loading the chart…");
    }
    release();
    await page.waitForSelector("#boot", { state: "detached" });
    await context.close();
  }
  // An embed shows none of the full page's first screen.
  const { page, context, release } = await heldPage();
  await page.goto(`${env.server.url}?embed=1&view=claims`, { waitUntil: "domcontentloaded" });
  assert.equal(await page.$eval("#boot", (el) => getComputedStyle(el).display), "none");
  release();
  await context.close();
});

test("the app takes over the first screen with no layout shift, in the same place, keeping focus", async () => {
  // A phone's drawing follows its box's width (scripts/stretch-svg.mjs): drawn for a 360 px
  // phone, it ended 51 px short of the live plot on a 412 px one.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 760 }, { width: 412, height: 823 }, { width: 500, height: 800 }]) {
    const { page, problems, context, release } = await heldPage({ viewport });
    await watchShifts(page);
    await page.goto(env.server.url);
    const staticBox = await page.$eval("#boot .static-view[data-view=overview] .chart", (el) => el.getBoundingClientRect().toJSON());
    const staticTitle = await page.$eval("#boot .static-view[data-view=overview] .chart-title", (el) => el.getBoundingClientRect().toJSON());
    // A keyboard reader is on a view tab when the app arrives.
    await page.focus("#boot [data-static-tab=compare]");
    release();
    await page.waitForSelector("#boot", { state: "detached" });
    await page.waitForSelector("[data-testid=chart][data-rendered]");
    const liveBox = await page.$eval("[data-testid=chart]", (el) => el.getBoundingClientRect().toJSON());
    const liveTitle = await page.$eval("[data-testid=chart-title]", (el) => el.getBoundingClientRect().toJSON());
    for (const key of ["x", "y", "width", "height"]) {
      assert.ok(Math.abs(staticBox[key] - liveBox[key]) <= 1, `${viewport.width}px chart ${key}: ${staticBox[key]} → ${liveBox[key]}`);
      assert.ok(Math.abs(staticTitle[key] - liveTitle[key]) <= 1, `${viewport.width}px title ${key}: ${staticTitle[key]} → ${liveTitle[key]}`);
    }
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "view-compare");
    await page.waitForTimeout(500);
    const shift = await shifted(page);
    assert.equal(shift, 0, `${viewport.width}px: cumulative layout shift`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test("a link to the table view has its first screen too: the app takes it over with no layout shift", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 800, height: 900 }, { width: 360, height: 760 }]) {
    const at = `${viewport.width}px`;
    const { page, problems, context, release } = await heldPage({ viewport });
    await watchShifts(page);
    await page.goto(`${env.server.url}?view=table`);
    await page.waitForFunction(() => !document.documentElement.hasAttribute("data-first-paint-pending"));
    const box = (selector) => page.$eval(selector, (el) => el.getBoundingClientRect().toJSON());
    const staticTitle = await box("#boot .static-view[data-view=table] .chart-title");
    const staticText = await page.innerText("#boot .static-view[data-view=table] .chart-title");
    const staticRow = await box("#boot .table-section tbody tr");
    assert.ok(await shown(page, "#boot .story.static-default"), `${at}: the story is shown`);
    assert.equal(await page.$eval("#boot .kpis.static-default", (el) => getComputedStyle(el).visibility), "visible", `${at}: the numbers are shown`);
    release();
    await page.waitForSelector("#boot", { state: "detached" });
    await page.waitForSelector("[data-testid=incident-row]");
    assert.equal(await page.innerText("[data-testid=chart-title]"), staticText);
    const liveTitle = await box("[data-testid=chart-title]");
    const liveRow = await box("[data-testid=incident-row]");
    for (const key of ["x", "y", "width", "height"]) {
      assert.ok(Math.abs(staticTitle[key] - liveTitle[key]) <= 1, `${at} title ${key}: ${staticTitle[key]} → ${liveTitle[key]}`);
      assert.ok(Math.abs(staticRow[key] - liveRow[key]) <= 1, `${at} first row ${key}: ${staticRow[key]} → ${liveRow[key]}`);
    }
    await page.waitForTimeout(500);
    assert.equal(await shifted(page), 0, `${at}: cumulative layout shift`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

/** A host in front of the test server that sends index.html in two parts, `pause` ms apart,
 * cut just before the first screen's charts: what a slow connection does to a long page. */
async function slowHtmlHost(pause) {
  const html = Buffer.from(await (await fetch(env.server.url)).arrayBuffer());
  const cut = html.indexOf('<figure class="figure static-view"');
  assert.ok(cut > 0, "the first screen has its charts");
  const host = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.write(html.subarray(0, cut));
      await new Promise((done) => setTimeout(done, pause));
      res.end(html.subarray(cut));
      return;
    }
    const upstream = await fetch(env.server.url + path.slice(1) + new URL(req.url, "http://x").search);
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((done) => host.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${host.address().port}/`, close: () => host.close() };
}

test("the first screen paints in one piece, however its HTML arrives: on a phone nothing moves before the app", async () => {
  // On a phone the headline numbers follow the chart by CSS order, though they come before it
  // in the HTML: a frame painted before the chart was parsed showed them in its place.
  const host = await slowHtmlHost(500);
  const { page, problems, context } = await probedPage(env.browser, { viewport: { width: 412, height: 823 } });
  await watchShifts(page);
  await page.goto(host.url);
  await page.waitForSelector("#boot", { state: "detached" });
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], "layout shifts");
  assert.ok(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime > 500), "no paint before the rest of the HTML");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  host.close();
});

/** The rows, from the top of the chart's box, of its first and last horizontal rules (the top
 * gridline and the x axis): the rows in which some run of painted pixels spans half the width
 * (bars, labels and the legend never do), and the column where the top one ends (the plot's
 * right edge). Reads the static drawing as the reader sees it (a screenshot of the <img>: the
 * browser fits the image into its box) or the live chart's canvas. */
async function ruleRows(page, selector) {
  const shot = (await page.locator(selector).evaluate((el) => el.tagName)) === "IMG"
    ? (await page.locator(selector).screenshot()).toString("base64")
    : null;
  return page.$eval(selector, async (el, shot) => {
    let pixels;
    let scale = 1;
    // Painted: any ink on the screenshot's white page, any alpha on the chart's own canvas.
    let painted;
    if (shot) {
      const image = new Image();
      image.src = `data:image/png;base64,${shot}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      scale = image.width / el.getBoundingClientRect().width;
      painted = (i) => pixels.data[i] < 250 || pixels.data[i + 1] < 250 || pixels.data[i + 2] < 250;
    } else {
      const canvas = el.querySelector("canvas");
      scale = canvas.width / el.getBoundingClientRect().width;
      pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      painted = (i) => pixels.data[i + 3] > 0;
    }
    const width = pixels.width;
    const rows = [];
    const ends = [];
    for (let y = 0; y < pixels.height; y++) {
      let run = 0;
      let longest = 0;
      let end = 0;
      for (let x = 0; x < width; x++) {
        run = painted((y * width + x) * 4) ? run + 1 : 0;
        if (run > longest) [longest, end] = [run, x];
      }
      if (longest >= width / 2) {
        rows.push(y);
        ends.push(end);
      }
    }
    return [rows[0], rows[rows.length - 1], ends[0]].map((v) => Math.round(v / scale));
  }, shot);
}

test("the live chart's plot lies where its static drawing's did, whatever fonts the system has", async () => {
  // This machine has no CJK font, so "国", whose width ECharts takes as a line's height,
  // measures 7.2px here instead of the 12px of a system with one (scripts/echarts-entry.js).
  // A phone's drawing follows its box's width (scripts/stretch-svg.mjs): drawn for a 360 px
  // phone, it ended 51 px short of the live plot on a 412 px one.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 760 }, { width: 412, height: 823 }, { width: 500, height: 800 }]) {
    const { page, problems, context, release } = await heldPage({ viewport });
    // The drawing alone: no early chart over it.
    await page.route(/early-chart\.js$/, (route) => route.abort());
    await page.goto(env.server.url);
    const img = "#boot .static-view[data-view=overview] picture.when-light img";
    await page.waitForFunction((sel) => document.querySelector(sel)?.complete, img);
    const drawn = await ruleRows(page, img);
    release();
    await page.waitForSelector("[data-testid=chart][data-rendered]");
    const live = await ruleRows(page, "[data-testid=chart]");
    assert.ok(drawn[0] > 0 && drawn[1] > drawn[0], `${viewport.width}px: the drawing's rules ${drawn}`);
    assert.ok(Math.abs(live[0] - drawn[0]) <= 1, `${viewport.width}px top gridline: drawn at ${drawn[0]}, live at ${live[0]}`);
    assert.ok(Math.abs(live[1] - drawn[1]) <= 1, `${viewport.width}px x axis: drawn at ${drawn[1]}, live at ${live[1]}`);
    assert.ok(Math.abs(live[2] - drawn[2]) <= 1, `${viewport.width}px plot's right edge: drawn at ${drawn[2]}, live at ${live[2]}`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

/** The tooltip ECharts shows when the pointer is at (fx, fy) of `selector`'s box. */
async function tooltipAt(page, selector, fx, fy) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
  await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} div`)].some((d) => d.innerHTML.startsWith("<strong>") && d.offsetParent), selector);
  return page.evaluate((sel) => [...document.querySelectorAll(`${sel} div`)].find((d) => d.innerHTML.startsWith("<strong>") && d.offsetParent).innerHTML, selector);
}

test("the default view's live chart is drawn before the wasm runs, with the app's tooltips, and the app adopts it", async () => {
  const { page, problems, context, release } = await heldPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  // Drawn by scripts/early-chart.js over its static drawing, which then steps aside.
  await page.waitForSelector("#boot .static-view[data-view=overview] .static-chart-frame.live .early-chart canvas");
  assert.equal(await page.$eval("#boot .static-chart-frame.live picture.when-light", (el) => getComputedStyle(el).visibility), "hidden");
  const early = await tooltipAt(page, "#boot .early-chart", 0.8, 0.6);
  assert.match(early, /^<strong>2025<\/strong><br><span class="sw sw-dprk"><\/span>DPRK-linked: <strong>\$[\d.]+[MB]<\/strong>/);
  // The app takes the same instance over: the canvas the reader was hovering is the one it drives.
  await page.evaluate(() => {
    window.__earlyCanvas = document.querySelector("#boot .early-chart canvas");
    // Counts what the app sets on the instance it adopts.
    const chart = window.echarts.getInstanceByDom(document.querySelector("#boot .early-chart"));
    const setOption = chart.setOption;
    window.__setOptions = 0;
    chart.setOption = function (...args) {
      window.__setOptions += 1;
      return setOption.apply(this, args);
    };
  });
  release();
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  await page.waitForSelector("#boot", { state: "detached" });
  assert.ok(await page.evaluate(() => document.querySelector("[data-testid=chart] canvas") === window.__earlyCanvas), "the early canvas was adopted");
  assert.equal(await page.locator("[data-testid=chart] canvas").count(), 1, "one chart, not two");
  // It shows the option the app would set, so the app does not draw it a second time.
  assert.equal(await page.evaluate(() => window.__setOptions), 0, "the adopted chart is not drawn again");
  // The tooltip is the one the early chart wrote.
  const live = await tooltipAt(page, "[data-testid=chart]", 0.8, 0.6);
  assert.equal(live, early);
  // And its clicks narrow the filters: a bar of 2025 selects that year.
  const box = await page.locator("[data-testid=chart]").boundingBox();
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.6);
  await page.waitForFunction(() => /(^|[?&])year=2025(&|$)/.test(location.search));
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("the inline first-view script and stylesheet are the ones in scripts/ and style/, and the CSP allows each by its hash, in the page and on the host", async () => {
  const html = await (await fetch(env.server.url)).text();
  const { code, source } = firstViewScript();
  assert.ok(html.includes(`<script>${code}</script>`));
  const style = inlineStyle();
  assert.ok(html.includes(`<style>${style.css}</style>`), "style/main.css is inlined, minified");
  assert.ok(style.css.length < style.original.length * 0.85 && !style.css.includes("/*"), "minified");
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  const meta = pagePolicy(html);
  const escaped = (text) => text.replace(/[+/=]/g, "\\$&");
  assert.match(meta, new RegExp(`script-src 'self' ${escaped(source)} 'wasm-unsafe-eval'`));
  assert.match(meta, new RegExp(`style-src 'self' ${escaped(style.source)};`));
  assert.doesNotMatch(meta, /unsafe-inline/);
  const header = (await fetch(env.server.url)).headers.get("content-security-policy");
  assert.equal(header, meta);
});
