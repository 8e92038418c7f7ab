// What a reader sees when a resource fails: the chart library missing or throwing, the wasm or
// its bindings blocked, a download in a frame that may drop it. Each failure is said in place,
// with a retry that works once the resource is back; the rest of the page stays usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, probedPage, chartSeries, cspViolations, kpi, value, dataCsv } from "./harness.mjs";

const env = suite();
const only2024 = () => env.rows.filter((r) => r.date.startsWith("2024"));
const sum = (list) => list.reduce((s, r) => s + value(r), 0);

test("ECharts blocked: the chart box says so, figures and table still work, and Try again draws the chart", async () => {
  const { page, problems, context } = await probedPage(env.browser);
  await page.route("**/echarts.min.js", (route) => route.abort());
  await page.goto(`${env.server.url}?year=2024`);
  const failed = page.locator("[data-testid=chart-failed]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /charting library \(echarts\.min\.js\) did not load/);
  // The figures and the table do not need the chart library.
  assert.equal(await kpi(page, "stolen"), String(sum(only2024())));
  await page.waitForSelector("[data-testid=incident-table] tbody tr");
  assert.ok((await page.innerText("[data-testid=summary]")).startsWith("In 2024"));
  // The filters keep working without a chart.
  await page.click("[data-testid=filter-attr-dprk] input");
  await page.waitForURL(/attr=dprk/);
  assert.equal(await failed.count(), 1);

  await page.unroute("**/echarts.min.js");
  await page.click("[data-testid=chart-retry]");
  const series = await chartSeries(page);
  assert.ok(series.length > 0);
  assert.equal(await failed.count(), 0);
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  await context.close();
});

test("ECharts throwing in init: the reason is shown in place of the chart, with a retry", async () => {
  const { page, problems, context } = await probedPage(env.browser);
  await page.route("**/echarts.min.js", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: 'window.echarts = { init() { throw new Error("no canvas here"); } };',
    }),
  );
  await page.goto(env.server.url);
  const failed = page.locator("[data-testid=chart-failed]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /no canvas here/);
  await page.click("[data-testid=chart-retry]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /no canvas here/, "still failing, still said");
  assert.notEqual(await kpi(page, "stolen"), null);
  assert.deepEqual(problems.pageErrors, [], "page errors");
  await context.close();
});

test("the sources and notes file blocked: the table and an incident's page say so with a retry, the figures stand, and Try again lists the sources", async () => {
  const DETAILS = "**/data/details-*.json";
  const { page, problems, context } = await probedPage(env.browser);
  await page.route(DETAILS, (route) => route.abort());
  await page.goto(`${env.server.url}?view=table&year=2024`);
  const failed = page.locator(".table-section [data-testid=details-failed]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /sources and notes could not be loaded \(.+\)/);
  // The rows and every figure come from the wasm: only the sources are missing.
  assert.equal(await kpi(page, "stolen"), String(sum(only2024())));
  const dmm = page.locator("[data-testid=incident-row][data-id=dmm-bitcoin-2024]");
  await dmm.waitFor();
  // The row still names its sources (the wasm knows who published them), with no links.
  // (Its best three: the rest are on its page.)
  const publishers = (await dataCsv("sources.csv")).filter((s) => s.incident_id === "dmm-bitcoin-2024").map((s) => s.publisher).slice(0, 3);
  const names = () => dmm.locator(".sources a").evaluateAll((as) => as.map((a) => a.firstChild.textContent));
  assert.deepEqual(await names(), publishers);
  assert.equal(await dmm.locator(".sources a[href]").count(), 0);
  await page.unroute(DETAILS);
  await page.click(".table-section [data-testid=details-retry]");
  await dmm.locator(".sources a[href]").first().waitFor();
  assert.deepEqual(await names(), publishers);
  assert.ok(await failed.isHidden(), "the message goes once they are there");

  // An incident's page, on a fresh load: its facts at once, its sources after Try again.
  await page.route(DETAILS, (route) => route.abort());
  await page.goto(`${env.server.url}?incident=dmm-bitcoin-2024`);
  const panel = page.locator("[data-testid=incident-panel]");
  await panel.waitFor({ state: "visible" });
  const inPanel = panel.locator("[data-testid=details-failed]");
  await inPanel.waitFor();
  assert.match(await panel.innerText(), /As first reported/);
  assert.equal(await panel.locator("[data-testid=incident-sources] li").count(), 0);
  await page.unroute(DETAILS);
  await panel.locator("[data-testid=details-retry]").click();
  await panel.locator("[data-testid=incident-sources] li a").first().waitFor();
  assert.ok(await inPanel.isHidden());
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  await context.close();
});

for (const [what, pattern] of [
  ["the wasm", "**/*_bg.wasm"],
  ["the wasm bindings", /crypto-heist-explorer-[0-9a-f]+\.js$/],
]) {
  test(`${what} blocked: the page says the explorer could not start, links the data, and Try again starts it`, async () => {
    const { page, problems, context } = await probedPage(env.browser);
    await page.route(pattern, (route) => route.abort());
    await page.goto(env.server.url);
    const failed = page.locator("[data-testid=boot-failed]");
    await failed.waitFor();
    // The pre-rendered first screen stays under the notice: the reader keeps the story, the
    // numbers and the chart.
    assert.ok(await page.locator("#boot .static-view[data-view=overview]").isVisible(), "the first screen stays");
    assert.notEqual((await page.innerText("#boot-failed-reason")).trim(), "");
    assert.equal(await page.getAttribute("[data-testid=boot-failed] a[href='data/incidents.csv']", "href"), "data/incidents.csv");
    // A link the first screen has no drawing for: its reserved frame no longer says a chart is
    // coming.
    await page.goto(`${env.server.url}?year=2024`);
    await failed.waitFor();
    assert.ok(await page.locator("#boot .static-empty").isVisible());
    assert.ok(await page.locator("#boot .static-empty .chart-status").isHidden(), "no promise of a chart");
    await page.goto(env.server.url);
    await failed.waitFor();
    await page.unroute(pattern);
    await Promise.all([page.waitForEvent("load"), page.click("[data-testid=boot-retry]")]);
    await chartSeries(page);
    assert.ok(await failed.isHidden());
    await page.waitForSelector("#boot", { state: "detached" });
    assert.deepEqual(problems.pageErrors, [], "page errors");
    assert.deepEqual(await cspViolations(page), [], "CSP violations");
    await context.close();
  });
}

test("a download in a sandboxed frame is reported as started, never as done", async () => {
  const { page, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?year=2024`);
  await chartSeries(page);
  // A frame without allow-downloads drops the download silently; the page cannot know.
  await page.evaluate((src) => {
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
    frame.style.width = "1100px";
    frame.style.height = "900px";
    frame.src = src;
    frame.id = "sandboxed";
    document.body.prepend(frame);
  }, `${env.server.url}?year=2024`);
  const frame = page.frameLocator("#sandboxed");
  await frame.locator("[data-testid=chart][data-rendered]").waitFor();
  for (const button of ["share-png", "download-csv"]) {
    await frame.locator(`[data-testid=${button}]`).click();
    const status = frame.locator("[data-testid=share-status]");
    await status.filter({ hasText: "started" }).waitFor();
    assert.doesNotMatch(await status.innerText(), /downloaded/);
  }
  await context.close();
});
