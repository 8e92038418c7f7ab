// What a fact-checker checks: switching how losses are counted changes every headline number
// to the sum of the rows on that basis, the other kinds of incident can be counted back in,
// and each row names its sources by publisher and kind, with disputed attributions flagged.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serve, launch, probedPage, chartSeries, cspViolations, kpi, allIncidents, isDprk, value,
} from "./harness.mjs";

let browser, server, all;
before(async () => {
  browser = await launch();
  server = await serve();
  all = await allIncidents();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const sumOn = (list, basis) => list.reduce((s, r) => s + value(r, basis), 0);
const thefts = () => all.filter((r) => r.scope === "theft");

async function clean(page, problems) {
  assert.deepEqual(problems.console, [], "console errors");
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
}

async function kpiBecomes(page, id, expected) {
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid=kpi-${id}]`)?.dataset.value === v,
    [id, String(expected)],
  );
}

test("switching the basis changes the headline to the rows' sum on that basis", async () => {
  const { page, problems, context } = await probedPage(browser);
  await page.goto(server.url);
  await chartSeries(page);
  const realised = sumOn(thefts(), "realised");
  const reported = sumOn(thefts(), "reported");
  const net = sumOn(thefts(), "net");
  // The data really distinguishes the three, or this test could not fail.
  assert.ok(net < realised && realised < reported, `${net} < ${realised} < ${reported}`);
  assert.equal(await kpi(page, "stolen"), String(realised));

  await page.click("[data-testid=filter-basis-reported] input");
  await page.waitForURL(/basis=reported/);
  await kpiBecomes(page, "stolen", reported);
  assert.match(await page.textContent("body"), /value as first reported/);

  await page.click("[data-testid=filter-basis-net] input");
  await page.waitForURL(/basis=net/);
  await kpiBecomes(page, "stolen", net);

  // A shared link restores the basis, combined with other filters.
  await page.goto(`${server.url}?year=2024&attr=dprk&basis=reported`);
  await chartSeries(page);
  const dprk2024 = thefts().filter((r) => r.date.startsWith("2024") && isDprk(r));
  await kpiBecomes(page, "stolen", sumOn(dprk2024, "reported"));
  assert.equal(await kpi(page, "incidents"), String(dprk2024.length));
  assert.ok(await page.isChecked("[data-testid=filter-basis-reported] input"));
  await clean(page, problems);
  await context.close();
});

test("incidents that are not thefts are left out by default and can be counted back in", async () => {
  const { page, problems, context } = await probedPage(browser);
  const marked = all.filter((r) => r.scope !== "theft");
  assert.ok(marked.length > 0, "the data marks some rows");
  const kind = marked[0].scope;
  await page.goto(`${server.url}?scope=theft,${kind}`);
  await chartSeries(page);
  const counted = all.filter((r) => r.scope === "theft" || r.scope === kind);
  await kpiBecomes(page, "stolen", sumOn(counted, "realised"));
  assert.equal(await kpi(page, "incidents"), String(counted.length));
  // Unticking the extra kind goes back to the default link.
  await page.click(`[data-testid=filter-scope-${kind}] input`);
  await page.waitForURL((u) => !u.search.includes("scope="));
  await kpiBecomes(page, "stolen", sumOn(thefts(), "realised"));
  await clean(page, problems);
  await context.close();
});

test("the table names sources by publisher and kind, and flags disputed attributions", async () => {
  const { page, problems, context } = await probedPage(browser);
  const disputed = all.find((r) => r.scope === "theft" && r.disputed_by);
  assert.ok(disputed, "some attribution is disputed");
  await page.goto(`${server.url}?view=table&q=${encodeURIComponent(disputed.name)}`);
  const row = page.locator(`[data-testid=incident-row][data-id="${disputed.id}"]`);
  await row.waitFor();
  assert.equal(await row.locator("[data-testid=disputed]").count(), 1);
  assert.equal(
    await row.locator("[data-testid=disputed]").getAttribute("title"),
    disputed.disputed_by,
  );
  const links = await row.locator(".sources a").allTextContents();
  assert.ok(links.length > 0);
  for (const text of links) {
    assert.doesNotMatch(text, /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, `a bare domain: ${text}`);
    assert.match(text, /(official|victim|investigator|press|list|relay)$/, text);
  }
  await clean(page, problems);
  await context.close();
});

test("the newest year and mixed states show headlines equal to their rows' sums", async () => {
  const { page, problems, context } = await probedPage(browser);
  const newest = [...new Set(all.map((r) => r.date.slice(0, 4)))].sort().pop();
  const cases = [
    [`year=${newest}`, (r) => r.date.startsWith(newest), "realised"],
    [`year=${newest}&attr=dprk`, (r) => r.date.startsWith(newest) && isDprk(r), "realised"],
    [
      `year=${Number(newest) - 1},${newest}&cat=cex&basis=net`,
      (r) => (r.date.startsWith(newest) || r.date.startsWith(String(Number(newest) - 1))) && r.category === "cex",
      "net",
    ],
  ];
  for (const [query, pick, basis] of cases) {
    const rows = thefts().filter(pick);
    assert.ok(rows.length > 0, query);
    await page.goto(`${server.url}?${query}`);
    await chartSeries(page);
    await kpiBecomes(page, "stolen", sumOn(rows, basis));
    assert.equal(await kpi(page, "incidents"), String(rows.length), query);
  }
  // The change KPI names the two years it compares: the last two in view.
  await page.goto(server.url);
  await chartSeries(page);
  assert.match(
    await page.innerText("[data-testid=kpi-change] .kpi-label"),
    new RegExp(`${Number(newest) - 1} → ${newest}`),
  );
  await clean(page, problems);
  await context.close();
});
