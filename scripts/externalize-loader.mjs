// trunk post_build hook: trunk writes its wasm loader as an inline <script type="module">,
// which a Content-Security-Policy without 'unsafe-inline' blocks. Move it to a file next to
// index.html, named by content hash, and reference it with a relative URL.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-loader: TRUNK_STAGING_DIR is not set (run as a trunk hook)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (_, body) => {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `loader-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  moved += 1;
  return `<script type="module" src="./${name}"></script>`;
});
if (moved === 0) {
  console.error("externalize-loader: no inline module script found; trunk's output changed?");
  process.exit(1);
}
// trunk's nonce placeholder is useless without a server that rewrites it per request.
html = html.replace(/ nonce="[^"]*"/g, "");
writeFileSync(indexPath, html);
console.log(`externalize-loader: moved ${moved} inline script(s)`);
