// What the charts say beside their marks: the reports-vs-data view's grouped and misreported
// claims (read back against data/aggregates.csv), the running total's numbered events and their
// key (against data/events.csv), a single-incident mark opening that incident, and an incident
// embedded on its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, probedPage, chartSeries, cspViolations, dataCsv } from "./harness.mjs";

const env = suite();

async function clean(page, problems) {
  assert.deepEqual(problems.console, [], "console errors");
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
}

test("reports vs data: one line per original figure, repeats folded in and linked, both seed articles' claims shown, the misreport explained", async () => {
  const figures = await dataCsv("aggregates.csv");
  const coinlume = figures.find((f) => f.source === "news_coinlume");
  const coinrise = figures.find((f) => f.source === "news_thecoinrise");
  assert.ok(coinlume.error && !coinrise.error, "the $1.6B is a misreport, the $1.3B a rounding");
  const repeats2024 = figures.filter((f) => f.year === "2024" && f.metric === "dprk_stolen_usd" && f.repeats && !f.error);

  const { page, problems, context } = await probedPage(env.browser, { viewport: { width: 360, height: 760 } });
  await page.goto(`${env.server.url}?view=claims&year=2024`);
  const series = await chartSeries(page);
  const labels = await page.evaluate(() => {
    const chart = window.echarts.getInstanceByDom(document.querySelector("[data-testid=chart]"));
    return chart.getOption().yAxis[0].data;
  });
  assert.ok(labels.includes(`2024 · DPRK · Chainalysis (Dec 2024) · ${repeats2024.length} repeats`), labels.join("\n"));
  assert.ok(labels.includes("2024 · DPRK · Coinlume: misreported as $1.6B"));
  assert.equal(labels.length, series[0].data.length);
  // The chart is as tall as its rows, so no label is squeezed out on a phone.
  const height = await page.evaluate(() => document.querySelector("[data-testid=chart]").getBoundingClientRect().height);
  assert.ok(height >= labels.length * 46, `${height}px for ${labels.length} rows`);

  const notes = page.locator("[data-testid=claim-notes] li");
  const misreport = notes.filter({ hasText: "Coinlume printed $1.6B" });
  assert.match(await misreport.innerText(), /which says \$1\.34B: most likely Chainalysis' other headline number/);
  assert.equal(await misreport.locator("a").getAttribute("href"), coinlume.url);
  const repeated = notes.filter({ hasText: "Chainalysis (Dec 2024)'s $1.34B for DPRK-linked 2024 thefts, repeated by:" });
  const links = repeated.locator("a");
  assert.equal(await links.count(), repeats2024.length);
  const coinriseLink = repeated.locator("a", { hasText: "TheCoinrise ($1.3B)" });
  assert.equal(await coinriseLink.getAttribute("href"), coinrise.url);
  await clean(page, problems);
  await context.close();
});

test("running total: every event of the shown years is a numbered marker on its year's line, explained in the key and the tooltip", async () => {
  const events = (await dataCsv("events.csv")).filter((e) => e.date.startsWith("2024"));
  const { page, problems, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?view=cumulative&year=2024`);
  const series = await chartSeries(page);
  const markers = series.find((s) => s.name === "Events");
  assert.equal(markers.data.length, events.length);
  const key = page.locator("[data-testid=event-key] li");
  assert.equal(await key.count(), events.length);
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  for (const [i, event] of sorted.entries()) {
    assert.equal(markers.data[i].value[2], i + 1);
    const text = await key.nth(i).innerText();
    assert.ok(text.includes(event.label), `${i + 1}: ${text}`);
    assert.equal(await key.nth(i).locator("a").getAttribute("href"), event.url.split(";")[0]);
  }
  // Hovering a marker shows its text.
  const summit = sorted.findIndex((e) => e.key === "1");
  await page.locator("[data-testid=chart]").scrollIntoViewIfNeeded();
  const point = await page.evaluate((i) => {
    const el = document.querySelector("[data-testid=chart]");
    const chart = window.echarts.getInstanceByDom(el);
    const s = chart.getOption().series.findIndex((x) => x.name === "Events");
    const [x, y] = chart.convertToPixel({ seriesIndex: s }, chart.getOption().series[s].data[i].value.slice(0, 2));
    const box = el.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, summit);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => /Putin-Kim summit/.test(document.querySelector("[data-testid=chart]").innerText));
  await clean(page, problems);
  await context.close();
});

test("a mark that stands for one incident opens it: the Bybit event narrows to its day and opens Bybit's page", async () => {
  const rows = env.rows.filter((r) => r.date === "2025-02-21");
  assert.equal(rows.length, 1, "one theft on the day of the Bybit event");
  const { page, problems, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?view=cumulative&year=2025`);
  await chartSeries(page);
  await page.locator("[data-testid=chart]").scrollIntoViewIfNeeded();
  const point = await page.evaluate(() => {
    const el = document.querySelector("[data-testid=chart]");
    const chart = window.echarts.getInstanceByDom(el);
    const series = chart.getOption().series;
    const s = series.findIndex((x) => x.name === "Events");
    const i = series[s].data.findIndex((d) => d.name.includes("21 Feb 2025"));
    const [x, y] = chart.convertToPixel({ seriesIndex: s }, series[s].data[i].value.slice(0, 2));
    const box = el.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForURL(/incident=bybit-2025/);
  assert.match(new URL(page.url()).search, /from=2025-02-21&to=2025-02-21/);
  await page.locator("[data-testid=incident-panel]").waitFor({ state: "visible" });
  assert.equal(await page.innerText("#incident-title"), rows[0].name);
  await clean(page, problems);
  await context.close();
});

test("an incident embeds on its own: the panel's embed code opens a card with its sources, no dialog", async () => {
  const { page, problems, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?incident=dmm-bitcoin-2024`);
  await page.locator("[data-testid=incident-panel]").waitFor({ state: "visible" });
  const code = await page.inputValue("[data-testid=incident-embed-code]");
  const src = code.match(/<iframe src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const url = new URL(src);
  assert.equal(url.searchParams.get("incident"), "dmm-bitcoin-2024");
  assert.equal(url.searchParams.get("embed"), "1");
  assert.match(code, /<script src="[^"]*embed\.js" async><\/script>/);

  await page.goto(`${env.server.url}${url.search}`);
  const card = page.locator("[data-testid=incident-card]");
  await card.waitFor({ state: "visible" });
  assert.equal(await card.locator("h1").innerText(), "DMM Bitcoin");
  const sources = (await dataCsv("sources.csv")).filter((s) => s.incident_id === "dmm-bitcoin-2024");
  assert.deepEqual(await card.locator("[data-testid=incident-sources] li a").allInnerTexts(), sources.map((s) => s.publisher));
  assert.equal(await page.locator("[data-testid=incident-panel]").isVisible(), false);
  assert.equal(await page.locator("[data-testid=chart]").count(), 0);
  await card.locator("[data-testid=explore-link]").waitFor();
  await clean(page, problems);
  await context.close();
});
