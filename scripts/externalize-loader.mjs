// trunk post_build hook. trunk writes its wasm loader as an inline <script type="module">,
// which a Content-Security-Policy without 'unsafe-inline' blocks. This writes the loader to a
// file next to index.html, named by content hash, referenced with a relative URL, and makes
// its failure visible: should the bindings or the wasm fail to load or instantiate, the
// "Loading…" placeholder gives way to index.html's #boot-failed message with a retry.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stagingDir } from "./staging-dir.mjs";

const dir = stagingDir("externalize-loader");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

/** trunk's loader, rewritten around a dynamic import so that every failure lands in `catch`. */
function resilient(body) {
  const imported = body.match(/import init, \* as bindings from '(\.\/[^']+\.js)';/);
  const wasm = body.match(/await init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\)/);
  if (!imported || !wasm) {
    console.error("externalize-loader: trunk's loader has an unexpected shape:\n" + body);
    process.exit(1);
  }
  return `// Written by scripts/externalize-loader.mjs from trunk's loader.
function showFailure(error) {
  const boot = document.getElementById("boot");
  const failed = document.getElementById("boot-failed");
  if (!failed) return;
  // A pre-rendered first screen stays: the reader keeps the story, the numbers and the chart.
  if (boot && !boot.querySelector("[data-static-first]")) boot.hidden = true;
  const reason = document.getElementById("boot-failed-reason");
  if (reason) reason.textContent = String(error && error.message ? error.message : error);
  const retry = document.getElementById("boot-retry");
  if (retry) retry.addEventListener("click", () => location.reload(), { once: true });
  failed.hidden = false;
}
try {
  const bindings = await import('${imported[1]}');
  // The app starts once ECharts has run or failed (scripts/first-view.js publishes that as
  // window.echartsLoad), so it finds the library ready or knows at once that it failed. The
  // wasm is only requested then: its download and compile no longer compete with ECharts' for
  // bandwidth and cores, so the early live chart comes sooner, and the app no later.
  await Promise.resolve(window.echartsLoad).catch(() => {});
  const wasm = await bindings.default({ module_or_path: fetch('${wasm[1]}') });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (error) {
  showFailure(error);
}
`;
}

const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (_, body) => {
  const code = resilient(body);
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `loader-${hash}.js`;
  writeFileSync(join(dir, name), code);
  moved += 1;
  // Inert until the first screen has painted: scripts/first-view.js makes it a live module then.
  return `<script type="text/x-after-paint" data-type="module" src="./${name}"></script>`;
});
if (moved === 0) {
  console.error("externalize-loader: no inline module script found; trunk's output changed?");
  process.exit(1);
}
// trunk's nonce placeholder is useless without a server that rewrites it per request.
html = html.replace(/ nonce="[^"]*"/g, "");
// trunk preloads the wasm and its bindings at high priority. The first screen is HTML now
// (scripts/prerender.mjs), and on a slow connection those preloads take the bandwidth its
// stylesheet and chart image need (Lighthouse measured the stylesheet's download stretched to
// 1.5 s by them). The loader imports the bindings once the first screen has painted, and fetches
// the wasm once ECharts has run.
const preloads = /<link rel="(?:modulepreload|preload)"[^>]*>\n?/g;
const dropped = (html.match(preloads) ?? []).length;
html = html.replace(preloads, "");
writeFileSync(indexPath, html);
console.log(`externalize-loader: moved ${moved} inline script(s), dropped ${dropped} preload(s)`);
