// The built dist/ in real Chromium: the default chart shows the right numbers, with no console
// errors and no CSP violations, also when served under a sub-path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, probedPage, chartSeries, cspViolations, kpi, incidents, isDprk, value } from "./harness.mjs";

let browser, root, sub, rows;
before(async () => {
  browser = await launch();
  root = await serve();
  sub = await serve(undefined, "/explorer/");
  rows = await incidents();
});
after(async () => {
  await browser?.close();
  root?.close();
  sub?.close();
});

/** Per covered year, oldest first: the years come from the rows, as in the app. */
function expectedByYear() {
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort();
  const span = [];
  for (let y = years[0]; y <= years[years.length - 1]; y++) span.push(y);
  const sums = { dprk: span.map(() => 0), others: span.map(() => 0) };
  for (const r of rows) {
    sums[isDprk(r) ? "dprk" : "others"][span.indexOf(Number(r.date.slice(0, 4)))] += value(r);
  }
  return sums;
}

for (const [label, server] of [["at the root", () => root], ["under /explorer/", () => sub]]) {
  test(`default view draws every covered year, DPRK vs everyone else, ${label}`, async () => {
    const { page, problems, context } = await probedPage(browser);
    await page.goto(server().url);
    const series = await chartSeries(page);
    const expected = expectedByYear();
    assert.equal(series[0].name, "DPRK-linked");
    assert.deepEqual(series[0].data, expected.dprk);
    assert.equal(series[1].name, "Everyone else");
    assert.deepEqual(series[1].data, expected.others);
    const total = rows.reduce((s, r) => s + value(r), 0);
    assert.equal(await kpi(page, "stolen"), String(total));
    assert.equal(await kpi(page, "incidents"), String(rows.length));
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
}

test("the built page sends no HTML comments, and scripts and styles exactly as written", async () => {
  const { readFile } = await import("node:fs/promises");
  const { stripComments } = await import("../../scripts/strip-comments.mjs");
  const html = await readFile(new URL("../../dist/index.html", import.meta.url), "utf8");
  const outside = html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, "");
  assert.doesNotMatch(outside, /<!--/);
  const source = await readFile(new URL("../../index.html", import.meta.url), "utf8");
  assert.match(source, /<!--/, "index.html keeps its comments for its editors");
  const kept = '<script>if (a <!--b) x("<!-- -->")</script><style>p::after{content:"<!--"}</style>';
  assert.equal(stripComments(`<p>a</p>\n  <!-- note\n more -->\n${kept}<!--x--><b>b</b>`), `<p>a</p>\n${kept}<b>b</b>`);
  assert.equal(stripComments(`<!-- the <style> below -->${kept}`), kept);
});

test("every asset URL in the built page is relative", async () => {
  const { readFile } = await import("node:fs/promises");
  const html = await readFile(new URL("../../dist/index.html", import.meta.url), "utf8");
  // Links out (the first screen's table rows cite their sources) fetch nothing: not assets.
  const urls = [...html.matchAll(/<(?!a\b)\w+\b[^>]*?\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length > 3);
  assert.ok(urls.some((u) => u.startsWith("static/")), "the drawings of the other views are found");
  // The default view's static drawings are in the page itself (data: URLs, which fetch nothing).
  for (const u of urls.filter((u) => !u.startsWith("data:image/svg+xml,"))) assert.ok(!u.startsWith("/") && !u.includes("://"), u);
});
