// Sharing and embedding: the demo article's two iframes (one sandboxed) draw and size
// themselves, "Explore the data" keeps the state, downloads are valid files, copy-link works
// or falls back visibly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serve, launch, probedPage, chartSeries, cspViolations, incidents } from "./harness.mjs";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("the demo article's iframes draw a chart and are resized to their content", async () => {
  const { page, problems, context } = await probedPage(browser, { viewport: { width: 720, height: 900 } });
  await page.goto(`${server.url}embed-demo.html`);
  for (const id of ["embed-compare", "embed-cumulative"]) {
    const frameEl = page.locator(`#${id}`);
    await frameEl.scrollIntoViewIfNeeded();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector("[data-testid=chart][data-rendered]");
    await frame.waitForSelector("[data-testid=explore-link]");
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await page.waitForFunction(
      ([sel, h]) => Math.abs(document.querySelector(sel).getBoundingClientRect().height - h) <= 3,
      [`#${id}`, content],
    );
    const hasScroll = await frame.evaluate(
      () => document.documentElement.scrollHeight > window.innerHeight + 1,
    );
    assert.equal(hasScroll, false, `${id} shows no scrollbar`);
  }
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("embed mode carries title, summary, source credit and an Explore link with the same state", async () => {
  const { page, problems, context } = await probedPage(browser, { viewport: { width: 300, height: 700 } });
  await page.goto(`${server.url}?view=monthly&year=2024&attr=dprk&embed=1&theme=dark`);
  await chartSeries(page);
  assert.equal(await page.locator(".filters").count(), 0, "no filter panel by default");
  assert.match(await page.innerText("[data-testid=source-line]"), /Source: Crypto Heist Explorer incident list/);
  assert.ok((await page.innerText("[data-testid=summary]")).length > 20);
  const link = page.locator("[data-testid=explore-link]");
  assert.equal(await link.getAttribute("target"), "_blank");
  const href = new URL(await link.getAttribute("href"), page.url());
  assert.equal(href.search, "?view=monthly&year=2024&attr=dprk&theme=dark");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "fits 300 px without horizontal scrolling");
  await page.goto(`${server.url}?embed=1&controls=1`);
  await chartSeries(page);
  assert.equal(await page.locator(".filters.compact").count(), 1, "controls=1 shows a compact panel");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("PNG and SVG downloads are valid image files", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?view=compare`);
  await chartSeries(page);
  const [png] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=share-png]")]);
  const pngBytes = await readFile(await png.path());
  assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(pngBytes.length > 10_000);
  const [svg] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=share-svg]")]);
  const svgText = await readFile(await svg.path(), "utf8");
  assert.match(svgText, /^<svg[\s>]/);
  assert.match(svgText, /<\/svg>\s*$/);
  assert.match(svgText, /Source: Crypto Heist Explorer incident list/);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test("copy link puts the current URL on the clipboard", async () => {
  const { page, context } = await probedPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.goto(`${server.url}?view=share&year=2024`);
  await chartSeries(page);
  await page.click("[data-testid=share-copy-link]");
  await page.waitForFunction(() => document.querySelector("[data-testid=share-status]").innerText.includes("copied"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await context.close();
});

test("a link copied from a bare URL writes the covered years, so it keeps its meaning", async () => {
  const { page, context } = await probedPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.goto(`${server.url}?view=cumulative`);
  await chartSeries(page);
  await page.click("[data-testid=share-copy-link]");
  await page.waitForFunction(() => document.querySelector("[data-testid=share-status]").innerText.includes("copied"));
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  const rows = await incidents();
  const years = [...new Set(rows.map((r) => r.date.slice(0, 4)))].sort();
  assert.equal(copied.searchParams.get("year"), years.join(","));
  assert.equal(copied.searchParams.get("view"), "cumulative");
  assert.equal(copied.pathname, new URL(page.url()).pathname);
  await context.close();
});

test("without a clipboard API, copy link shows the URL in a field instead", async () => {
  const { page, context } = await probedPage(browser);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
  });
  await page.goto(`${server.url}?year=2023`);
  await chartSeries(page);
  await page.click("[data-testid=share-copy-link]");
  const field = page.locator("[data-testid=share-fallback]");
  await field.waitFor();
  assert.equal(await field.inputValue(), page.url());
  await context.close();
});

test("the embed dialog shows the snippet for the current view and a live preview", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(`${server.url}?view=sizes&year=2024`);
  await chartSeries(page);
  await page.click("[data-testid=share-embed]");
  await page.locator("[data-testid=embed-dialog]").waitFor({ state: "visible" });
  const code = await page.inputValue("[data-testid=embed-code]");
  assert.match(code, /^<iframe src="[^"]*\?view=sizes&amp;year=2024&amp;embed=1"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /title="[^"]+"/);
  assert.match(code, /<script src="[^"]*embed\.js" async><\/script>$/);
  const preview = await (await page.locator("[data-testid=embed-preview]").elementHandle()).contentFrame();
  await preview.waitForSelector("[data-testid=chart][data-rendered]");
  await page.keyboard.press("Escape");
  await page.locator("[data-testid=embed-dialog]").waitFor({ state: "hidden" });
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the embed dialog offers responsive, fixed and newsletter code, each previewed and copyable", async () => {
  const { page, problems, context } = await probedPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.goto(`${server.url}?view=share&year=2023,2024`);
  await chartSeries(page);
  await page.click("[data-testid=share-embed]");
  await page.locator("[data-testid=embed-dialog]").waitFor({ state: "visible" });
  const copied = async () => {
    await page.click("[data-testid=embed-copy]");
    await page.locator("[data-testid=embed-dialog] [role=status]", { hasText: "copied" }).waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  // Responsive (the default): iframe + script.
  const responsive = await page.inputValue("[data-testid=embed-code]");
  assert.match(responsive, /data-heist-embed><\/iframe>\n<script src="[^"]*embed\.js" async><\/script>$/);
  assert.equal(await copied(), responsive);

  // Fixed: the iframe alone, its height from the column width, previewed at that size.
  await page.click("[data-testid=embed-kind-fixed] input");
  await page.selectOption("[data-testid=embed-width]", "360");
  const fixed = await page.inputValue("[data-testid=embed-code]");
  assert.match(fixed, /^<iframe src="[^"]*\?view=share&amp;year=2023,2024&amp;embed=1"[^>]* height="480"/);
  assert.doesNotMatch(fixed, /<script/);
  const frame = page.locator("[data-testid=embed-preview]");
  assert.deepEqual(
    await frame.evaluate((f) => [f.getAttribute("width"), Math.round(f.getBoundingClientRect().height)]),
    ["360", 480],
  );
  const preview = await (await frame.elementHandle()).contentFrame();
  await preview.waitForSelector("[data-testid=chart][data-rendered]");
  assert.ok(await preview.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), "the preview fits its frame");
  assert.equal(await copied(), fixed);

  // Newsletter link: image and title linking to the view, previewed as such.
  await page.click("[data-testid=embed-kind-link] input");
  const link = await page.inputValue("[data-testid=embed-code]");
  assert.match(link, /^<a href="[^"]*\?view=share&amp;year=2023,2024"><img src="[^"]*og-image\.png" alt="[^"]+"/);
  assert.doesNotMatch(link, /<iframe|<script/);
  const img = page.locator("[data-testid=embed-link-preview] img");
  await img.waitFor();
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), "the preview image loads");
  assert.equal(await copied(), link);
  assert.deepEqual(problems.console, []);
  await context.close();
});
