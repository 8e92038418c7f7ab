// trunk post_build step (scripts/post-build.mjs), after the page is complete and before it is
// compressed: drops index.html's HTML comments. They explain the page to whoever edits
// index.html, where they stay; every reader downloaded them too: 0.66 KB of the page's 13.7 KB
// brotli, enough to take it past what a new connection's first round trip carries (about
// 14 KB with the headers), and in Lighthouse's slow 4G the largest paint came a round trip
// (150 ms) later. Script and style elements are left exactly as they are: the CSP allows the
// inline ones by the hash of their text.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stagingDir } from "./staging-dir.mjs";

/** `html` without its comments (and the line each stood on), outside `<script>` and `<style>`
 * elements. One left-to-right scan: whichever starts first, a comment or such an element, is
 * taken whole, so a comment that names `<style>` is still a comment. */
export function stripComments(html) {
  return html.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?|<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, (m) =>
    m.trimStart().startsWith("<!--") ? "" : m,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const indexPath = join(stagingDir("strip-comments"), "index.html");
  const html = readFileSync(indexPath, "utf8");
  const stripped = stripComments(html);
  writeFileSync(indexPath, stripped);
  console.log(`strip-comments: index.html ${html.length} → ${stripped.length} bytes`);
}
