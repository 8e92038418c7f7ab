// The production host: dist/ served by nginx with the config we ship (scripts/nginx/), as the
// rest of the suite is. What a newsroom's readers get from it: the build's own brotli/gzip
// files, types browsers need, CORS for sandboxed embeds, caching that fits trunk's hashed names,
// the page's CSP as a header, no framing ban, nothing outside dist/, the same under a sub-path;
// and `make serve`'s Node host answering the same way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, extname, basename } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { serve, launch, probedPage, chartSeries, ROOT, DIST } from "./harness.mjs";
import { serve as serveNode, CSP as NODE_CSP, COMPRESSIBLE } from "../../scripts/serve.mjs";
import { HTTP_CONF, LOCATION_CONF, nginxTest } from "../../scripts/nginx/run.mjs";
import { pagePolicy } from "../../scripts/page-policy.mjs";

const YEAR = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=300, must-revalidate";
const BR = { "accept-encoding": "gzip, deflate, br" };
const GZIP = { "accept-encoding": "gzip, deflate" };
const IDENTITY = { "accept-encoding": "identity" };

let root, sub, files, pageCsp;
before(async () => {
  root = await serve();
  sub = await serve(DIST, "/explorer/");
  files = await siteFiles(DIST);
  pageCsp = pagePolicy(await readFile(join(DIST, "index.html"), "utf8"));
});
after(async () => {
  await Promise.all([root?.close(), sub?.close()]);
});

/** dist/'s files as URL paths, without the precompressed siblings and dot-files. */
async function siteFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name));
    if (!entry.isFile() || /\.(br|gz)$/.test(path) || path.split("/").some((p) => p.startsWith("."))) continue;
    out.push(path);
  }
  return out.sort();
}
const find = (re) => {
  const file = files.find((f) => re.test(f));
  assert.ok(file, `dist/ has a file matching ${re}`);
  return file;
};
const get = (url, headers = {}) => fetch(url, { headers, redirect: "manual" });

test("every compressible file of the build has .br and .gz siblings with the same content", async () => {
  const compressible = files.filter((f) => COMPRESSIBLE.has(extname(f)));
  assert.ok(compressible.length >= 15, compressible.join(" "));
  for (const file of compressible) {
    const raw = await readFile(join(DIST, file));
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${file}.br`))).equals(raw), `${file}.br`);
    assert.ok(gunzipSync(await readFile(join(DIST, `${file}.gz`))).equals(raw), `${file}.gz`);
  }
});

test("nginx sends the build's brotli file to browsers that accept br, gzip to the others, raw to neither", async () => {
  for (const file of [find(/_bg\.wasm$/), find(/^crypto-heist-explorer-[0-9a-f]{8,16}\.js$/), "index.html", "echarts.min.js", "data/incidents.csv"]) {
    for (const [headers, encoding, suffix] of [[BR, "br", ".br"], [GZIP, "gzip", ".gz"], [IDENTITY, null, ""]]) {
      const res = await get(`${root.url}${file}`, headers);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get("content-encoding"), encoding, `${file} with ${headers["accept-encoding"]}`);
      // The file the build wrote, sent as it is (fetch decodes it; its length is the sibling's).
      assert.equal(Number(res.headers.get("content-length")), (await stat(join(DIST, file + suffix))).size, `${file}${suffix}`);
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(await readFile(join(DIST, file))), file);
      assert.equal(res.headers.get("vary"), "Accept-Encoding", file);
    }
  }
  const png = await get(`${root.url}og-image.png`, BR);
  assert.equal(png.headers.get("content-encoding"), null, "PNG is not compressed again");
  assert.equal(png.headers.get("vary"), null);
});

test("each kind of file gets its type; the wasm is application/wasm for streaming compilation", async () => {
  const expected = {
    [find(/_bg\.wasm$/)]: "application/wasm",
    [find(/^loader-[0-9a-f]{8,16}\.js$/)]: "text/javascript; charset=utf-8",
    [find(/^main-[0-9a-f]{8,16}\.css$/)]: "text/css; charset=utf-8",
    "index.html": "text/html; charset=utf-8",
    "favicon.svg": "image/svg+xml",
    "og-image.png": "image/png",
    "data/incidents.csv": "text/csv; charset=utf-8",
    "data/SOURCES.md": "text/markdown; charset=utf-8",
  };
  for (const [file, type] of Object.entries(expected)) {
    const res = await get(`${root.url}${file}`, BR);
    assert.equal(res.headers.get("content-type"), type, file);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", file);
  }
});

test("every file, and a 404, allows any origin (a sandboxed embed fetches with an opaque origin)", async () => {
  for (const file of [...files, "no-such-file.js"]) {
    const res = await get(`${root.url}${file}`, { ...BR, origin: "null" });
    assert.equal(res.headers.get("access-control-allow-origin"), "*", file);
  }
});

test("trunk's hashed files are cached for a year, everything else revalidated after 5 minutes", async () => {
  const hashed = files.filter((f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(basename(f)));
  assert.ok(hashed.length >= 4, hashed.join(" "));
  for (const file of files) {
    const res = await get(`${root.url}${file}`, BR);
    assert.equal(res.headers.get("cache-control"), hashed.includes(file) ? YEAR : REVALIDATE, file);
  }
  assert.equal((await get(root.url, BR)).headers.get("cache-control"), REVALIDATE, "the page itself");
});

test("HTML carries the page's own CSP as a header, byte for byte; the page may be framed", async () => {
  // Scripts from the page's origin, the one inline script by its hash, wasm; never inline code.
  assert.match(pageCsp, /script-src 'self' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(pageCsp, /'unsafe-inline'|'unsafe-eval'/);
  for (const path of ["", "index.html", "embed-demo.html"]) {
    const res = await get(`${root.url}${path}`, BR);
    assert.equal(res.headers.get("content-security-policy"), pageCsp, path || "/");
    assert.equal(res.headers.get("x-frame-options"), null, "embeddable");
  }
  assert.doesNotMatch(pageCsp, /frame-ancestors/);
  const js = await get(`${root.url}embed.js`, BR);
  assert.equal(js.headers.get("content-security-policy"), null, "only documents carry it");
  // The one source is index.html's <meta>: serve.mjs reads it, the nginx config repeats it.
  assert.ok((await readFile(HTTP_CONF, "utf8")).includes(`"${pageCsp}"`), "scripts/nginx/heist-explorer.http.conf");
  assert.equal(NODE_CSP, pageCsp, "scripts/serve.mjs");
  const source = pagePolicy(await readFile(join(ROOT, "index.html"), "utf8"));
  assert.equal(source, pageCsp, "index.html and dist/index.html");
});

test("a missing file is a 404; nothing outside dist/, no dot-files, no directory listings", async () => {
  assert.equal((await get(`${root.url}no-such-file.js`)).status, 404);
  assert.equal((await get(`${root.url}data/no-such.csv`)).status, 404);
  assert.equal((await get(`${root.url}data/`)).status, 403, "no index of data/");
  assert.ok((await stat(join(DIST, ".trunk-lock"))).isFile(), "trunk leaves .trunk-lock in dist/");
  assert.equal((await get(`${root.url}.trunk-lock`)).status, 404);
  for (const path of ["..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "data/..%2F..%2FCargo.toml"]) {
    const res = await get(`${root.url}${path}`);
    assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status}`);
    assert.doesNotMatch(await res.text(), /root:|\[package\]/, path);
  }
  assert.equal((await get(`${root.url}%E0%A4%A`)).status, 400, "a broken escape is a clean 400");
  const long = await get(`${root.url}?q=${"a".repeat(20_000)}`);
  assert.equal(long.status, 200, "a 20,000-character link reaches the page, which drops what it cannot use");
});

test("under /explorer/ the same rules hold, /explorer redirects there and nothing else is served", async () => {
  const wasm = find(/_bg\.wasm$/);
  const res = await get(`${sub.url}${wasm}`, BR);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/wasm");
  assert.equal(res.headers.get("content-encoding"), "br");
  assert.equal(res.headers.get("cache-control"), YEAR);
  const page = await get(sub.url, BR);
  assert.equal(page.headers.get("content-security-policy"), pageCsp);
  assert.equal(page.headers.get("cache-control"), REVALIDATE);
  assert.equal(page.headers.get("content-encoding"), "br");
  assert.equal(Number(page.headers.get("content-length")), (await stat(join(DIST, "index.html.br"))).size);
  const bare = await get(`${sub.origin}/explorer?view=compare`);
  assert.equal(bare.status, 301);
  assert.equal(new URL(bare.headers.get("location"), sub.origin).href, `${sub.url}?view=compare`);
  assert.equal((await get(`${sub.origin}/index.html`)).status, 404);
  assert.equal((await get(`${sub.origin}/explorer/..%2F${wasm}`)).status >= 400, true);
});

test("the sandboxed embed in the demo article draws under nginx, its files fetched cross-origin with brotli", async () => {
  const browser = await launch();
  try {
    const { page, problems, context } = await probedPage(browser, { viewport: { width: 720, height: 900 } });
    const fetched = [];
    page.on("response", async (res) => {
      if (/\.(wasm|js)$/.test(new URL(res.url()).pathname)) {
        fetched.push({ url: res.url(), frame: res.frame().name() || res.frame().url(), status: res.status(), headers: await res.allHeaders(), origin: await res.request().headerValue("origin") });
      }
    });
    await page.goto(`${sub.url}embed-demo.html`);
    const frameEl = page.locator("#embed-cumulative");
    assert.equal(await frameEl.getAttribute("sandbox"), "allow-scripts allow-popups", "the demo's sandboxed frame");
    await frameEl.scrollIntoViewIfNeeded();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector("[data-testid=chart][data-rendered]");
    const series = await frame.evaluate(() => {
      const el = document.querySelector("[data-testid=chart]");
      return window.echarts.getInstanceByDom(el).getOption().series.length;
    });
    assert.ok(series > 0, "the sandboxed frame drew a chart");
    assert.equal(await frame.evaluate(() => self.origin), "null", "opaque origin");
    assert.deepEqual(await frame.evaluate(() => window.__csp ?? []), [], "no CSP violation in the frame");
    const opaque = fetched.filter((f) => f.origin === "null");
    const wasm = opaque.find((f) => f.url.endsWith("_bg.wasm"));
    assert.ok(wasm, `the sandboxed frame fetched the wasm cross-origin: ${JSON.stringify(fetched.map((f) => [f.url, f.origin]))}`);
    for (const f of opaque) {
      assert.equal(f.status, 200, f.url);
      assert.equal(f.headers["access-control-allow-origin"], "*", f.url);
      assert.equal(f.headers["content-encoding"], "br", f.url);
    }
    assert.equal(wasm.headers["content-type"], "application/wasm");
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

test("`make serve`'s Node host (scripts/serve.mjs) answers as the nginx config does", async () => {
  const node = await serveNode(DIST, "/");
  try {
    // The same length too: both send the build's own .br and .gz files (compressing the wasm at
    // brotli's quality 11 on a first request took the Node host 1.6 s).
    const names = ["content-type", "content-encoding", "content-length", "cache-control", "content-security-policy",
      "access-control-allow-origin", "x-content-type-options", "x-frame-options", "vary"];
    const pick = (res) => Object.fromEntries(names.map((n) => [n, res.headers.get(n)?.toLowerCase() ?? null]).concat([["status", res.status]]));
    for (const file of ["", ...files, ".trunk-lock", "no-such-file.js"]) {
      for (const headers of [BR, GZIP, IDENTITY]) {
        const [a, b] = await Promise.all([get(`${root.url}${file}`, headers), get(`${node.url}${file}`, headers)]);
        if (a.status !== 200) {
          assert.equal(b.status, a.status, `${file}: status`);
          continue;
        }
        assert.deepEqual(pick(b), pick(a), `${file} with ${headers["accept-encoding"]}`);
      }
    }
  } finally {
    node.close();
  }
});

test("a link that names only a view previews that view: both hosts answer it with its page, index.html with that chart's title, summary, image and oEmbed link", async () => {
  const index = await readFile(join(DIST, "index.html"), "utf8");
  const meta = (html, property) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1] ?? null;
  const pages = files.filter((f) => f.startsWith("views/")).map((f) => f.slice("views/".length, -".html".length));
  // Every chart view but the default; the table view has no chart to preview.
  assert.deepEqual(pages.sort(), ["category", "claims", "compare", "cumulative", "monthly", "share", "sizes", "vector"]);
  const node = await serveNode(DIST, "/");
  try {
    for (const view of pages) {
      const page = await readFile(join(DIST, "views", `${view}.html`), "utf8");
      assert.equal(meta(page, "og:image"), `og/${view}.png`);
      assert.ok(files.includes(`og/${view}.png`));
      assert.notEqual(meta(page, "og:title"), meta(index, "og:title"), view);
      assert.equal(meta(page, "og:image:alt"), meta(page, "og:description"));
      // Nothing else differs: the app and the first screen are index.html's.
      const rest = (html) => html.replace(/[ \t]*<meta (?:property|name)="(?:description|og:[a-z:]+)" content="[^"]*">\n?/g, "");
      assert.equal(rest(page), rest(index), view);
      for (const query of [`view=${view}`, `view=${view}&theme=dark`, `theme=light&view=${view}`]) {
        for (const host of [root, sub, node]) {
          const res = await get(`${host.url}?${query}`, BR);
          assert.equal(res.status, 200);
          assert.equal(meta(await res.text(), "og:image"), `og/${view}.png`, `${host.url}?${query}`);
          assert.equal(res.headers.get("content-security-policy"), pageCsp);
        }
      }
    }
    // Any other link gets index.html: the default view, filters, an embed, a view without a page.
    for (const query of ["", "view=overview", "view=table", "view=compare&year=2024", "embed=1&view=compare", "view=nonsense", "view=compare&theme=blue"]) {
      for (const host of [root, sub, node]) {
        const html = await (await get(`${host.url}${query ? `?${query}` : ""}`, BR)).text();
        assert.equal(html, index, `${host.url}?${query}`);
      }
    }
  } finally {
    node.close();
  }
  // The app runs from a view's page as from index.html.
  const browser = await launch();
  try {
    const { page, problems } = await probedPage(browser);
    await page.goto(`${root.url}?view=compare`);
    await chartSeries(page);
    assert.equal(await page.getAttribute("[data-testid=view-compare]", "aria-current"), "page");
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await browser.close();
  }
});

test("the example server block a newsroom adapts is a valid nginx config with the shipped files", async () => {
  const { mkdtemp, writeFile, mkdir, copyFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { execFileSync } = await import("node:child_process");
  const tmp = await mkdtemp(join(tmpdir(), "heist-example-"));
  try {
    // Its certificate paths point at a throwaway certificate; everything else is as shipped.
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example.org",
      "-keyout", join(tmp, "key.pem"), "-out", join(tmp, "cert.pem")], { stdio: "ignore" });
    const example = (await readFile(join(ROOT, "scripts", "nginx", "example-server.conf"), "utf8"))
      .replace("/etc/letsencrypt/live/news.example.org/fullchain.pem", join(tmp, "cert.pem"))
      .replace("/etc/letsencrypt/live/news.example.org/privkey.pem", join(tmp, "key.pem"));
    assert.match(example, /include snippets\/heist-explorer\.location\.conf;/);
    await mkdir(join(tmp, "snippets"));
    await copyFile(LOCATION_CONF, join(tmp, "snippets", "heist-explorer.location.conf"));
    await writeFile(join(tmp, "example-server.conf"), example);
    // As on Debian: the http part from conf.d, the server block from sites-enabled.
    const result = nginxTest(tmp, `include ${HTTP_CONF};\n  include ${join(tmp, "example-server.conf")};`);
    assert.match(result, /test is successful/);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
