// The static host for dist/ that `make serve` and the benchmarks use: plain Node, so it needs no
// system package. The production config is nginx's (scripts/nginx/), which the E2E suite runs
// against; this host answers as that config does (tests/e2e/production_host.test.mjs compares
// them file by file): brotli or gzip by Accept-Encoding (the build's precompressed files where
// they are, compressed here and kept otherwise), the right MIME types (application/wasm for
// streaming compilation), long-lived caching for content-hashed files and a short one for the
// rest, `Access-Control-Allow-Origin: *` (a sandboxed embed has an opaque origin and fetches our
// scripts and wasm cross-origin), the page's Content-Security-Policy as a header, and no
// X-Frame-Options (the page is meant to be embedded), and for a link that names only a view,
// that view's page (`directoryPage`: the same page with that chart's link preview).
//
//   node scripts/serve.mjs [dir] [port]     (defaults: dist, $PORT or 8080; loopback only)
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, resolve, basename } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { fileURLToPath } from "node:url";
import { pagePolicy } from "./page-policy.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/** What is sent compressed; the build precompresses the same (scripts/precompress.mjs). */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".csv", ".md"]);

/** The page's Content-Security-Policy, read from index.html's <meta http-equiv>, its one source
 * (the nginx config repeats it; the E2E suite checks they are equal). */
export const CSP = pagePolicy(readFileSync(new URL("../index.html", import.meta.url), "utf8"));
if (!CSP) throw new Error("serve.mjs: index.html has no Content-Security-Policy <meta> to send");

/** trunk names its outputs `name-<hash>.ext` (the wasm `name-<hash>_bg.wasm`), the hash in hex
 * without leading zeros (usually 16 digits, sometimes fewer); those never change, so they may be
 * cached for a year. Everything else (index.html, echarts.min.js,
 * embed.js, data) is revalidated. */
export function cacheControl(file) {
  return /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(basename(file))
    ? "public, max-age=31536000, immutable"
    : "public, max-age=300, must-revalidate";
}

/** The page that answers a directory's URL: for a query that names only a view (`view=compare`,
 * with `theme=` before or after, as written), that view's page `views/<view>.html`
 * (scripts/view-pages.mjs: its link preview is that chart's) where the build wrote one, else
 * index.html. The nginx config's `$heist_index` map does the same. */
export function directoryPage(query) {
  const named = /^(?:view=([a-z]+)(?:&theme=(?:light|dark))?|theme=(?:light|dark)&view=([a-z]+))$/.exec(query);
  return named ? `views/${named[1] ?? named[2]}.html` : null;
}

/** The file that answers the directory `dir` of `root` for `query`: its view's page where the
 * build wrote one, else index.html. */
async function directoryIndex(root, dir, query) {
  const page = directoryPage(query);
  try {
    if (page && (await stat(join(root, dir, page))).isFile()) return page;
  } catch {
    // No page for that view: index.html answers it, as any other link.
  }
  return "index.html";
}

/** The build's own `.br`/`.gz` sibling of `file` (scripts/precompress.mjs), as nginx's
 * brotli_static and gzip_static serve it; null when there is none or it is not of this version
 * (precompress gives each sibling its original's mtime). Compressing the wasm at brotli's
 * quality 11 on a first request took 1.6 s here, and ECharts 1.1 s. */
async function precompressed(file, encoding, info) {
  const sibling = `${file}.${encoding === "br" ? "br" : "gz"}`;
  try {
    // Within a millisecond: utimes sets the sibling's to a millisecond's precision.
    if (Math.abs((await stat(sibling)).mtimeMs - info.mtimeMs) >= 1) return null;
    return await readFile(sibling);
  } catch {
    return null;
  }
}

function compressed(body, encoding) {
  return encoding === "br"
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(body, { level: 9 });
}

/** Serves `dir` at `prefix` (e.g. "/explorer/") on loopback; port 0 picks a free one. */
export async function serve(dir, prefix = "/", { compress = true, port = 0 } = {}) {
  const root = resolve(dir);
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    // A directory's URL is answered with its page, as nginx's `index` does.
    if (rel === "" || rel.endsWith("/")) rel += await directoryIndex(root, rel, url.search.slice(1));
    if (rel.split("/").some((part) => part.startsWith("."))) {
      // Dot-names (trunk's .trunk-lock, `..`) are not part of the site, as in the nginx config.
      res.writeHead(404).end("not found");
      return;
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      // The file itself only when it is sent as it is or has to be compressed here: an encoded
      // body, once built or read, is kept.
      let body = null;
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cache-control": cacheControl(file),
        "x-content-type-options": "nosniff",
      };
      if (extname(file) === ".html") headers["content-security-policy"] = CSP;
      const accept = req.headers["accept-encoding"] ?? "";
      if (compress && COMPRESSIBLE.has(extname(file))) {
        const encoding = accept.includes("br") ? "br" : accept.includes("gzip") ? "gzip" : null;
        if (encoding) {
          const key = `${encoding}:${file}:${info.mtimeMs}`;
          if (!cache.has(key)) cache.set(key, (await precompressed(file, encoding, info)) ?? compressed(await readFile(file), encoding));
          body = cache.get(key);
          headers["content-encoding"] = encoding;
        }
        headers["vary"] = "accept-encoding";
      }
      body ??= await readFile(file);
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    origin: `http://127.0.0.1:${bound}`,
    close: () => server.close(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const { url } = await serve(dir, "/", { port });
  console.log(`Serving ${dir} at ${url} (brotli/gzip, CORS, cache headers, CSP). Ctrl-C to stop.`);
}
