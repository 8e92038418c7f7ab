// The incidents' notes and sources are not in the wasm: the app loads them after its first chart
// from data/details-<hash>.json, which the build writes. What a reader sees is unchanged: the
// table and an incident's page list every source by publisher, the page shows the note, a search
// finds words that are only in a note (from a link, before its first numbers), and the CSV
// download carries the URLs and notes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { suite, probedPage, chartSeries, cspViolations, kpi, parseCsv, allIncidents, dataCsv, DIST } from "./harness.mjs";

const env = suite();
const DETAILS = /\/data\/details-[0-9a-f]{16}\.json$/;

async function clean(page, problems) {
  assert.deepEqual(problems.console, [], "console errors");
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
}

test("the wasm carries no source URL or note; the file that does is hashed, cached for good and fetched once the chart is drawn", async () => {
  const wasm = await readFile(join(DIST, (await readdir(DIST)).find((f) => f.endsWith("_bg.wasm"))));
  // The events and reported figures name their own URLs, which the wasm does carry.
  const elsewhere = [...(await dataCsv("events.csv")), ...(await dataCsv("aggregates.csv"))].map((r) => r.url);
  const longest = (await dataCsv("sources.csv"))
    .map((s) => s.url)
    .filter((url) => !elsewhere.includes(url))
    .sort((a, b) => b.length - a.length)[0];
  assert.equal(wasm.includes(Buffer.from(longest)), false, `${longest} is in the wasm`);
  const note = (await allIncidents()).map((r) => r.note).sort((a, b) => b.length - a.length)[0];
  assert.equal(wasm.includes(Buffer.from(note)), false, "the longest note is in the wasm");

  const { page, problems, context } = await probedPage(env.browser);
  const fetched = [];
  page.on("response", (r) => DETAILS.test(new URL(r.url()).pathname) && fetched.push(r));
  await page.goto(env.server.url);
  await chartSeries(page);
  await page.locator("[data-testid=incident-row] .sources a[href]").first().waitFor();
  assert.equal(fetched.length, 1, "fetched once");
  assert.equal(fetched[0].status(), 200);
  assert.match((await fetched[0].allHeaders())["cache-control"], /immutable/);
  await clean(page, problems);
  await context.close();
});

test("the table names an incident's best three sources and links the rest on its page, which lists them all by publisher, best first, with the note", async () => {
  const sources = (await dataCsv("sources.csv")).filter((s) => s.incident_id === "dmm-bitcoin-2024");
  const dmm = (await allIncidents()).find((r) => r.id === "dmm-bitcoin-2024");
  const { page, problems, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?view=table&year=2024`);
  const row = page.locator("[data-testid=incident-row][data-id=dmm-bitcoin-2024]");
  await row.locator(".sources a[href]").first().waitFor();
  const links = row.locator(".sources a");
  // Its best three; the other seven are on its page, which the row's last link opens.
  assert.equal(sources.length, 10);
  assert.deepEqual(
    await links.evaluateAll((as) => as.map((a) => [a.firstChild.textContent, a.getAttribute("href")])),
    sources.slice(0, 3).map((s) => [s.publisher, s.url]),
  );
  const more = row.locator(".sources-more");
  assert.equal(await more.innerText(), "7 more sources");
  assert.equal(new URLSearchParams((await more.getAttribute("href")).split("?")[1]).get("incident"), "dmm-bitcoin-2024");

  await more.click();
  const panel = page.locator("[data-testid=incident-panel]");
  await panel.waitFor({ state: "visible" });
  assert.equal(new URL(page.url()).searchParams.get("incident"), "dmm-bitcoin-2024");
  await panel.locator("[data-testid=incident-sources] li a").first().waitFor();
  assert.deepEqual(await panel.locator("[data-testid=incident-sources] li a").allInnerTexts(), sources.map((s) => s.publisher));
  if (dmm.note) assert.equal(await panel.locator("[data-testid=incident-note]").innerText(), dmm.note);
  await clean(page, problems);
  await context.close();
});

test("a link whose search is a word only in notes answers from its first numbers, and the CSV download carries notes and URLs", async () => {
  const rows = env.rows;
  const names = rows.map((r) => r.name.toLowerCase()).join("\n");
  // A word of a note that no name contains: only a search over the notes finds its rows.
  const word = rows
    .flatMap((r) => r.note.toLowerCase().match(/[a-z]{7,}/g) ?? [])
    .find((w) => !names.includes(w));
  assert.ok(word, "some note has a word no name has");
  const expected = rows.filter((r) => `${r.name}\n${r.note}`.toLowerCase().includes(word));
  const { page, problems, context } = await probedPage(env.browser);
  await page.goto(`${env.server.url}?q=${word}`);
  await page.waitForSelector("[data-testid=kpi-incidents]");
  // The app waited for the notes before it started: the first number counts them.
  assert.equal(await kpi(page, "incidents"), String(expected.length));
  await page.locator("[data-testid=incident-row]").first().waitFor();

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=download-csv]")]);
  const got = parseCsv(await readFile(await download.path(), "utf8"));
  assert.deepEqual(got.map((r) => r.id).sort(), expected.map((r) => r.id).sort());
  for (const r of got) {
    const source = expected.find((e) => e.id === r.id);
    assert.equal(r.note, source.note, r.id);
    assert.equal(r.source_url, source.source_url, r.id);
  }
  await clean(page, problems);
  await context.close();
});
