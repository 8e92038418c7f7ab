// Shared E2E plumbing: dist/ served by nginx with the shipped production config (optionally
// under a sub-path), headless Debian Chromium via playwright-core, and page probes that collect
// console errors and CSP violations.
import { before, after } from "node:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveNginx } from "../../scripts/nginx/run.mjs";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");

/** Serves `dir` (default `dist/`) at `prefix` ("/" or "/sub/path/") with nginx and the config
 * we ship (scripts/nginx/): the build's precompressed brotli/gzip files, CORS, cache headers and
 * the CSP header, exactly as a newsroom's server sends them. Resolves to `{ url, origin, close }`;
 * `close()` stops nginx (it is also killed when the test process ends). `options.port` picks a
 * port (default: a free one). nginx only serves the build's own .br/.gz files, so there is no
 * `compress: false` here: scripts/serve.mjs, which compresses on the fly, has that switch. */
export async function serve(dir = DIST, prefix = "/", options = {}) {
  if (options.compress === false) {
    throw new Error("the nginx host always serves the build's precompressed files; use scripts/serve.mjs for { compress: false }");
  }
  return serveNginx(dir, prefix, { port: options.port ?? 0 });
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that records console errors, page errors, dialogs and CSP violations. */
export async function probedPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.console.push(m.text());
  });
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  page.on("dialog", async (d) => {
    problems.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page, problems };
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__csp ?? []);
}

/** Waits until the chart has drawn and returns its series as plain data. */
export async function chartSeries(page) {
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  return page.evaluate(() => {
    const el = document.querySelector("[data-testid=chart]");
    const option = window.echarts.getInstanceByDom(el).getOption();
    return option.series.map((s) => ({ name: s.name, data: s.data }));
  });
}

export async function kpi(page, id) {
  return page.getAttribute(`[data-testid=kpi-${id}]`, "data-value");
}

/** Minimal RFC 4180 parser for the test's own independent reading of data/*.csv. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The rows of `data/<name>`, read independently of the app. */
export async function dataCsv(name) {
  return parseCsv(await readFile(join(ROOT, "data", name), "utf8"));
}

/** Every row of data/incidents.csv, whatever its scope. */
export async function allIncidents() {
  return dataCsv("incidents.csv");
}

/** The rows the default view counts: thefts (not white-hat returns, rug pulls…). */
export async function incidents() {
  return (await allIncidents()).filter((r) => r.scope === "theft");
}

/** A row's loss on a basis, read independently of the app's Rust: realised (face-value rows
 * at what was cashed out), reported (as first reported), net (realised minus recovered). */
export function value(row, basis = "realised") {
  const loss = Number(row.loss_usd);
  const realised = row.valuation === "face_value" ? Number(row.realised_usd) : loss;
  if (basis === "reported") return loss;
  if (basis === "net") return Math.max(0, realised - Number(row.recovered_usd || 0));
  return realised;
}

export const isDprk = (row) => row.attribution.startsWith("dprk_");

/** One browser, one server and the theft rows for a test file, opened before its tests and
 * closed after them: `const env = suite(); … env.browser, env.server, env.rows`. */
export function suite() {
  const env = {};
  before(async () => {
    env.browser = await launch();
    env.server = await serve();
    env.rows = await incidents();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
