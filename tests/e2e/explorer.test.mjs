// The explorer as a reader uses it: filters by clicking, URL state through reload and
// back/forward, the notice for bad links, downloads, chart clicks, every view, empty state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  serve, launch, probedPage, chartSeries, cspViolations, kpi, incidents, isDprk, value, parseCsv, dataCsv,
} from "./harness.mjs";

let browser, server, rows;
before(async () => {
  browser = await launch();
  server = await serve();
  rows = await incidents();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const sum = (list) => list.reduce((s, r) => s + value(r), 0);
const query = (page) => new URL(page.url()).search;

async function clean(page, problems) {
  assert.deepEqual(problems.console, [], "console errors");
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
}

test("filters applied by clicking go into the URL, survive reload, and back/forward restore them", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  await page.click("[data-testid=filter-year-2024] input");
  await page.waitForURL(/year=2024/);
  await page.click("[data-testid=filter-attr-dprk] input");
  await page.waitForURL(/attr=dprk/);
  assert.equal(query(page), "?year=2024&attr=dprk");
  const expected = rows.filter((r) => r.date.startsWith("2024") && isDprk(r));
  assert.equal(await kpi(page, "stolen"), String(sum(expected)));
  assert.equal(await kpi(page, "incidents"), String(expected.length));

  await page.reload();
  await chartSeries(page);
  assert.equal(query(page), "?year=2024&attr=dprk");
  assert.equal(await kpi(page, "stolen"), String(sum(expected)));
  assert.ok(await page.isChecked("[data-testid=filter-year-2024] input"));

  await page.goBack();
  await page.waitForURL((u) => !u.search.includes("attr="));
  assert.equal(query(page), "?year=2024");
  const only2024 = rows.filter((r) => r.date.startsWith("2024"));
  await page.waitForFunction(
    (v) => document.querySelector("[data-testid=kpi-stolen]").dataset.value === v,
    String(sum(only2024)),
  );
  await page.goForward();
  await page.waitForURL(/attr=dprk/);
  await page.waitForFunction(
    (v) => document.querySelector("[data-testid=kpi-stolen]").dataset.value === v,
    String(sum(expected)),
  );
  await clean(page, problems);
  await context.close();
});

test("typing a search replaces the history entry instead of adding one per key", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  const before = await page.evaluate(() => history.length);
  await page.type("[data-testid=search]", "wazirx", { delay: 20 });
  await page.waitForURL(/q=wazirx/);
  assert.equal(await page.evaluate(() => history.length), before);
  const expected = rows.filter((r) => `${r.name}\n${r.note}`.toLowerCase().includes("wazirx"));
  assert.equal(await kpi(page, "incidents"), String(expected.length));
  await clean(page, problems);
  await context.close();
});

test("a bad parameter is ignored and named in a dismissible notice", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?min=abc&colour=red&year=2024`);
  const notice = page.locator("[data-testid=notice]");
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /min=abc/);
  assert.match(text, /colour=red/);
  assert.equal(await kpi(page, "incidents"), String(rows.filter((r) => r.date.startsWith("2024")).length));
  await page.click("[data-testid=notice-dismiss]");
  await notice.waitFor({ state: "detached" });
  await clean(page, problems);
  await context.close();
});

test("the CSV download holds exactly the filtered rows", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?year=2023&cat=cex,bridge`);
  await chartSeries(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("[data-testid=download-csv]"),
  ]);
  const csv = parseCsv(await readFile(await download.path(), "utf8"));
  const expected = rows.filter((r) => r.date.startsWith("2023") && ["cex", "bridge"].includes(r.category));
  assert.deepEqual(csv.map((r) => r.id).sort(), expected.map((r) => r.id).sort());
  // Chains are a set: the export writes them in canonical order. The export adds the basis and
  // what each row counts for on it after the data file's columns.
  const normal = (r) => ({ ...r, chains: r.chains.split(";").sort().join(";") });
  const { basis, counted_usd, ...exported } = csv.find((r) => r.id === expected[0].id);
  assert.deepEqual(normal(exported), normal(expected[0]));
  assert.equal(basis, "realised");
  assert.equal(counted_usd, String(value(expected[0])));
  await clean(page, problems);
  await context.close();
});

test("clicking a bar narrows the filters to it and shows its rows", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  await page.locator("[data-testid=chart]").scrollIntoViewIfNeeded();
  const point = await page.evaluate(() => {
    const el = document.querySelector("[data-testid=chart]");
    const chart = window.echarts.getInstanceByDom(el);
    const dprk2024 = chart.getOption().series[0].data[1];
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [1, dprk2024 / 2]);
    const box = el.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForURL(/year=2024&attr=dprk/);
  const expected = rows.filter((r) => r.date.startsWith("2024") && isDprk(r));
  // Below the chart, the rows past the first ten follow once the table nears the window.
  await page.locator(".table-section h2").scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (n) => document.querySelectorAll("[data-testid=incident-row]").length === n,
    expected.length,
  );
  await clean(page, problems);
  await context.close();
});

/** The chart's series (when it has a chart) and the table's row ids, before a click on the
 * 2024 year filter and in the first animation frame after it. The frame callback is registered
 * before the app's own (which the click's microtasks register), so it runs first in that frame. */
async function beforeAndInFirstFrame(page) {
  return page.evaluate(async () => {
    const el = document.querySelector("[data-testid=chart]");
    const chart = el && window.echarts.getInstanceByDom(el);
    const read = () => ({
      series: chart ? JSON.stringify(chart.getOption().series.map((s) => s.data)) : null,
      rows: [...document.querySelectorAll("[data-testid=incident-row]")].map((tr) => tr.dataset.id).join(","),
    });
    const before = read();
    document.querySelector("[data-testid=filter-year-2024] input").click();
    const inFrame = await new Promise((resolve) => requestAnimationFrame(() => resolve(read())));
    return { before, inFrame };
  });
}

test("a filter change reaches the chart in the next frame and the table in the task after it, and the table ends up matching", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  await page.waitForSelector("[data-testid=incident-row]");
  const seen = await beforeAndInFirstFrame(page);
  assert.notEqual(seen.inFrame.series, seen.before.series, "the chart has the new selection in the first frame");
  assert.equal(seen.inFrame.rows, seen.before.rows, "the table has not been rebuilt before that frame");
  await page.waitForURL(/year=2024/);
  const expected = rows.filter((r) => r.date.startsWith("2024"));
  await page.waitForFunction(
    (ids) => [...document.querySelectorAll("[data-testid=incident-row]")].every((tr) => ids.includes(tr.dataset.id)),
    expected.map((r) => r.id),
  );
  const after = await page.evaluate(() => [...document.querySelectorAll("[data-testid=incident-row]")].map((tr) => tr.dataset.id).join(","));
  assert.notEqual(after, seen.before.rows, "the table follows");
  assert.equal(await kpi(page, "incidents"), String(expected.length));
  await clean(page, problems);
  await context.close();
});

test("on the table view, which draws no chart ahead of the table, a filter change reaches the table in the next frame", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?view=table`);
  await page.waitForSelector("[data-testid=incident-row]");
  const seen = await beforeAndInFirstFrame(page);
  assert.notEqual(seen.inFrame.rows, seen.before.rows);
  await clean(page, problems);
  await context.close();
});

test("below the chart, ten rows are in the page, not rendered, until a reader nears them; then all fifty, ten a frame; the table view has them at once", async () => {
  // A short window, so the rows start further below it than the browser's look-ahead margin.
  const { page, problems, context } = await probedPage(browser, { viewport: { width: 1280, height: 400 } });
  const rendered = () =>
    page.$eval("[data-testid=incident-table]", (table) => table.checkVisibility({ contentVisibilityAuto: true }));
  const count = () => page.locator("[data-testid=incident-row]").count();
  // The row count at every frame once the table is there (src/ui/rows_in_dom.rs).
  await page.addInitScript(() => {
    window.__rowCounts = [];
    const watch = () => {
      const n = document.querySelectorAll("[data-testid=incident-row]").length;
      if (n && window.__rowCounts.at(-1) !== n) window.__rowCounts.push(n);
      if (n < 50) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(server.url);
  await chartSeries(page);
  await page.waitForSelector("[data-testid=incident-row]");
  await page.waitForTimeout(300);
  assert.equal(await count(), 10, "the first ten rows only, while the table is far below the window");
  // The browser decides what is near the window a frame after layout; give it a few.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)))));
  assert.equal(await rendered(), false, "the table below the chart is skipped while far off screen");
  await page.locator(".table-section h2").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=incident-row]").length === 50);
  const counts = await page.evaluate(() => window.__rowCounts);
  assert.ok(counts.every((n, i) => i === 0 || n - counts[i - 1] <= 10), `ten rows a frame at most: ${counts}`);
  await page.waitForFunction(() => document.querySelector("[data-testid=incident-table]").checkVisibility({ contentVisibilityAuto: true }));
  // Rendered, the rows have their real size; a click on one still opens its page.
  assert.ok((await page.locator("[data-testid=incident-row]").first().boundingBox()).height > 20);
  await page.goto(`${server.url}?view=table`);
  await page.waitForSelector("[data-testid=incident-row]");
  assert.equal(await count(), 50, "the table view's rows at once");
  // Rendered once the browser has seen the rows near the window (a frame after layout).
  await page.waitForFunction(() => document.querySelector("[data-testid=incident-table]").checkVisibility({ contentVisibilityAuto: true }), null, { timeout: 5000 });
  assert.equal(await rendered(), true, "the table view's rows are on the first screen");
  await clean(page, problems);
  await context.close();
});

test("every view draws from the real data with no errors", async () => {
  const { page, problems, context } = await probedPage(browser);
  for (const view of ["overview", "compare", "share", "cumulative", "monthly", "sizes", "category", "vector", "claims"]) {
    await page.goto(`${server.url}?view=${view}`);
    const series = await chartSeries(page);
    assert.ok(series.length >= 2, view);
    assert.ok(series.some((s) => s.data.some((v) => Number(v) > 0)), `${view} has values`);
    assert.ok((await page.getAttribute("[data-testid=chart]", "aria-label")).length > 20);
  }
  await page.goto(`${server.url}?view=table`);
  await page.waitForSelector("[data-testid=incident-table]");
  assert.equal(await page.locator("[data-testid=chart]").count(), 0);
  await clean(page, problems);
  await context.close();
});

test("sorting the table by clicking a header goes into the URL", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?view=table`);
  await page.waitForSelector("[data-testid=incident-row]");
  await page.click("[data-testid=sort-date]");
  await page.waitForURL(/sort=-date/);
  await page.click("[data-testid=sort-date]");
  await page.waitForURL(/sort=date/);
  const first = await page.getAttribute("[data-testid=incident-row]", "data-id");
  const earliest = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))[0];
  assert.equal(first, earliest.id);
  await clean(page, problems);
  await context.close();
});

test("when nothing matches, the page says so and one click resets", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?q=zzzznothing`);
  await page.waitForSelector("[data-testid=empty-state]");
  assert.equal(await kpi(page, "incidents"), "0");
  await page.click("[data-testid=empty-reset]");
  await page.waitForURL((u) => u.search === "");
  await chartSeries(page);
  assert.equal(await kpi(page, "incidents"), String(rows.length));
  await clean(page, problems);
  await context.close();
});

test("the methodology panel opens from the source line, shows the reconciliation, and Escape closes it", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  const dialog = page.locator("[data-testid=methodology]");
  // The dialog is in the page once the app has settled, its body only once it is first opened
  // (src/ui/modal.rs): the start-up does not build what most readers never open.
  await dialog.waitFor({ state: "attached" });
  assert.equal(await page.locator("[data-testid=reconciliation]").count(), 0, "a closed dialog's body is not built");
  await page.click("[data-testid=source-methodology]");
  await dialog.waitFor({ state: "visible" });
  // Per year: all thefts, DPRK confirmed, DPRK-linked, DPRK-linked without disputed rows.
  const years = new Set(rows.map((r) => r.date.slice(0, 4))).size;
  assert.equal(await page.locator("[data-testid=reconciliation] tbody tr").count(), 4 * years);
  assert.match(await page.innerText("[data-testid=reconciliation] tbody"), /leaving out disputed/);
  assert.match(await page.innerText("[data-testid=citation]"), /Crypto Heist Explorer/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  // Kept once built: opening it again shows the same body at once.
  assert.equal(await page.locator("[data-testid=reconciliation]").count(), 1);
  await clean(page, problems);
  await context.close();
});

test("no raw integer amount appears in the visible text of the default view", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  const text = await page.evaluate(() => document.body.innerText);
  // Seven or more digits in a row is an unformatted amount (a source's commit id after "@" is not).
  assert.doesNotMatch(text, /(?<![@\w])\d{7,}(?!\w)/);
  await clean(page, problems);
  await context.close();
});

test("typed range bounds use the link's parser: bad input is refused with a reason, good input goes into the URL", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?year=2024`);
  await chartSeries(page);
  await page.click("summary:has-text('Chain, size and dates')");
  const before = query(page);
  for (const bad of ["-5", "1.5", "1e6"]) {
    await page.fill("[data-testid=filter-min]", bad);
    await page.press("[data-testid=filter-min]", "Enter");
    await page.locator("[data-testid=filter-min]").blur();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=filter-min-error]").innerText.length > 0,
    );
    assert.equal(query(page), before, `${bad} must not change the link`);
    assert.equal(await page.getAttribute("[data-testid=filter-min]", "aria-invalid"), "true");
    assert.equal(await page.inputValue("[data-testid=filter-min]"), bad, "the typed text stays");
  }
  await page.fill("[data-testid=filter-min]", "2.5m");
  await page.locator("[data-testid=filter-min]").blur();
  await page.waitForURL(/min=2500000/);
  assert.equal(await page.innerText("[data-testid=filter-min-error]"), "");
  const expected = rows.filter((r) => r.date.startsWith("2024") && value(r) >= 2_500_000);
  await page.waitForFunction(
    (v) => document.querySelector("[data-testid=kpi-incidents]").dataset.value === v,
    String(expected.length),
  );
  // A date outside the covered years is refused, as the link would refuse it.
  const first = Math.min(...rows.map((r) => Number(r.date.slice(0, 4))));
  await page.fill("[data-testid=filter-to]", `${first - 1}-06-01`);
  await page.locator("[data-testid=filter-to]").blur();
  await page.waitForFunction(
    () => document.querySelector("[data-testid=filter-to-error]").innerText.length > 0,
  );
  assert.ok(!query(page).includes("to="));
  // The session and a reload of its link agree.
  const link = page.url();
  await page.goto(link);
  await chartSeries(page);
  assert.equal(await kpi(page, "incidents"), String(expected.length));
  await clean(page, problems);
  await context.close();
});

test("each of the four range inputs, typed, gives the same view as the same bound loaded from a link", async () => {
  const { page, problems, context } = await probedPage(browser);
  const cases = [
    { input: "filter-min", typed: "10,000,000", key: "min", value: "10000000" },
    { input: "filter-max", typed: "0.05b", key: "max", value: "50000000" },
    { input: "filter-from", typed: "2024-03-01", key: "from", value: "2024-03-01" },
    { input: "filter-to", typed: "2024-10-31", key: "to", value: "2024-10-31" },
  ];
  const seen = async () => ({
    stolen: await kpi(page, "stolen"),
    incidents: await kpi(page, "incidents"),
    summary: await page.innerText("[data-testid=summary]"),
    field: null,
  });
  for (const c of cases) {
    await page.goto(`${server.url}?year=2024`);
    await chartSeries(page);
    await page.click("summary:has-text('Chain, size and dates')");
    const before = await kpi(page, "incidents");
    await page.fill(`[data-testid=${c.input}]`, c.typed);
    await page.locator(`[data-testid=${c.input}]`).blur();
    await page.waitForURL((u) => u.searchParams.get(c.key) === c.value);
    await page.waitForFunction(
      (b) => document.querySelector("[data-testid=kpi-incidents]").dataset.value !== b,
      before,
    );
    assert.equal(await page.getAttribute(`[data-testid=${c.input}]`, "aria-invalid"), null);
    const typed = await seen();
    await page.goto(`${server.url}?year=2024&${c.key}=${c.value}`);
    await chartSeries(page);
    assert.deepEqual(await seen(), typed, `${c.input}: typed vs linked`);
  }
  await clean(page, problems);
  await context.close();
});

test("a filter to one side never states what it implies: ?attr=dprk shows the share of all theft, not 100%", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?attr=dprk`);
  await chartSeries(page);
  const shareKpi = await page.innerText("[data-testid=kpi-dprk-share] .kpi-value");
  assert.notEqual(shareKpi, "100%");
  // The share is of every attribution: the same as on the unfiltered view.
  const share = await kpi(page, "dprk-share");
  const all = sum(rows);
  const dprk = sum(rows.filter(isDprk));
  assert.equal(Number(share).toFixed(1), (dprk / all * 100).toFixed(1));
  const summary = await page.innerText("[data-testid=summary]");
  assert.doesNotMatch(summary, /100%/);
  assert.doesNotMatch(await page.innerText("[data-testid=chart-title]"), /vs everyone else/);
  await page.goto(`${server.url}?attr=dprk&view=share&year=2024`);
  const series = await chartSeries(page);
  assert.ok(series[0].data.every((v) => Number(v?.value ?? v) < 100), JSON.stringify(series[0].data));
  await clean(page, problems);
  await context.close();
});

test("the 2023–24 view leads with the quoted $1.34B from Chainalysis beside our sum, on the first screen", async () => {
  const { page, problems, context } = await probedPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}?year=2023,2024`);
  await chartSeries(page);
  const story = page.locator("[data-testid=story-reported]");
  assert.match(await story.innerText(), /^Chainalysis .*\$1\.34B in 47 incidents in 2024, 61% of the \$2\.2B stolen\.$/);
  const box = await story.boundingBox();
  assert.ok(box && box.y + box.height <= 800, `on the first screen: ${JSON.stringify(box)}`);
  const ours = rows.filter((r) => r.date.startsWith("2024") && isDprk(r));
  assert.match(await page.innerText("[data-testid=story-ours]"), new RegExp(`in ${ours.length} incidents`));
  await page.click("[data-testid=story-methodology]");
  await page.locator("[data-testid=reconciliation]").waitFor();
  await clean(page, problems);
  await context.close();
});

test("the source line names our list with its counts, and on the reports view whose figures are drawn", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?year=2024&attr=dprk`);
  await chartSeries(page);
  const expected = rows.filter((r) => r.date.startsWith("2024") && isDprk(r));
  const sources = new Set(expected.flatMap((r) => r.source_url.split(";").filter(Boolean)));
  const line = await page.innerText("[data-testid=source-line]");
  assert.match(line, new RegExp(`^Source: Crypto Heist Explorer incident list: ${expected.length} incidents, ${sources.size} sources \\(data [0-9a-f]{8}\\)\\.`));
  assert.doesNotMatch(line, /Chainalysis/);
  await page.goto(`${server.url}?view=claims&year=2024`);
  await chartSeries(page);
  assert.match(await page.innerText("[data-testid=source-line]"), /reported figures as printed by .*Chainalysis \(Dec 2024\)/);
  await clean(page, problems);
  await context.close();
});

test("on a 360×760 phone the chart starts on the first screen and the filters open in a sheet", async () => {
  const { page, problems, context } = await probedPage(browser, { viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true });
  await page.goto(server.url);
  await chartSeries(page);
  const chart = await page.locator("[data-testid=chart]").boundingBox();
  assert.ok(chart.y < 760, `the chart's top edge (${chart.y}px) is on the first screen`);
  // No filter column pushes the page; a button opens them in a modal sheet.
  assert.equal(await page.locator(".layout > .filters").count(), 0);
  await page.click("[data-testid=open-filters]");
  const sheet = page.locator("[data-testid=filters-sheet]");
  await sheet.waitFor({ state: "visible" });
  await sheet.locator("[data-testid=filter-year-2024] input").click();
  await page.waitForURL(/year=2024/);
  assert.equal(await page.innerText("[data-testid=open-filters]"), "Filters (1 on)");
  await page.keyboard.press("Escape");
  await sheet.waitFor({ state: "hidden" });
  await clean(page, problems);
  await context.close();
});

test("?incident=dmm-bitcoin-2024 opens the incident's page with its sources named by publisher; table rows open it; closing drops it from the link", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?incident=dmm-bitcoin-2024`);
  const panel = page.locator("[data-testid=incident-panel]");
  await panel.waitFor({ state: "visible" });
  assert.equal(await page.innerText("#incident-title"), "DMM Bitcoin");
  assert.match(await page.title(), /^DMM Bitcoin: \$305M stolen on 31 May 2024/);
  const sources = (await dataCsv("sources.csv"))
    .filter((s) => s.incident_id === "dmm-bitcoin-2024");
  const listed = await page.locator("[data-testid=incident-sources] li a").allInnerTexts();
  assert.deepEqual(listed, sources.map((s) => s.publisher));
  assert.match(await page.innerText("[data-testid=incident-attribution]"), /DPRK \(confirmed\), by /);
  assert.match(await page.innerText("[data-testid=incident-citation]"), /incident=dmm-bitcoin-2024/);
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "hidden" });
  await page.waitForURL((u) => !u.search.includes("incident="));

  // From the table: the row's name is a link to its page.
  await page.goto(`${server.url}?q=wazirx`);
  await page.waitForSelector("[data-testid=incident-link]");
  await page.click("[data-testid=incident-link]");
  await page.waitForURL(/incident=wazirx-2024/);
  await panel.waitFor({ state: "visible" });
  assert.equal(await page.innerText("#incident-title"), "WazirX");

  // An unknown id is named in the notice, and nothing opens.
  await page.goto(`${server.url}?incident=no-such-heist`);
  await page.waitForSelector("[data-testid=notice]");
  assert.match(await page.innerText("[data-testid=notice]"), /incident=no-such-heist \(no incident with this id\)/);
  assert.equal(await panel.isVisible(), false);
  await clean(page, problems);
  await context.close();
});

test("the theme follows the system's colour scheme live, unless the link chose one", async () => {
  const { page, problems, context } = await probedPage(browser, { colorScheme: "light" });
  await page.goto(server.url);
  await chartSeries(page);
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  await page.goto(`${server.url}?theme=light`);
  await chartSeries(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await page.getAttribute("html", "data-theme"), "light", "the link's choice wins");
  await clean(page, problems);
  await context.close();
});
