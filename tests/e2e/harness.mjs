// Shared E2E plumbing: a static server for dist/ (optionally under a sub-path), headless
// Debian Chromium via playwright-core, and page probes that collect console errors and CSP
// violations.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".csv"]);

/** Serves `dir` at `prefix` (e.g. "/explorer/") on a free loopback port. With `compress`,
 * answers like a production host: brotli or gzip by Accept-Encoding, cached per file. */
export async function serve(dir = DIST, prefix = "/", { compress = false } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      let body = await readFile(file);
      const headers = {};
      const accept = req.headers["accept-encoding"] ?? "";
      if (compress && COMPRESSIBLE.has(extname(file))) {
        const encoding = accept.includes("br") ? "br" : accept.includes("gzip") ? "gzip" : null;
        if (encoding) {
          const key = `${encoding}:${file}`;
          if (!cache.has(key)) {
            cache.set(key, encoding === "br"
              ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(body, { level: 9 }));
          }
          body = cache.get(key);
          headers["content-encoding"] = encoding;
          headers["vary"] = "accept-encoding";
        }
      }
      // CORS for every file, as GitHub Pages and most CDNs send: a sandboxed (opaque-origin)
      // embed fetches our module scripts and wasm cross-origin.
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
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

/** Every row of data/incidents.csv, whatever its scope. */
export async function allIncidents() {
  return parseCsv(await readFile(join(ROOT, "data", "incidents.csv"), "utf8"));
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
