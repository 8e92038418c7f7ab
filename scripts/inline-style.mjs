// trunk post_build step (scripts/post-build.mjs): the stylesheet goes into index.html as a
// <style> block instead of a <link>, minified (its comments are for its editors: 27.1 → 19.3 KB
// raw, 6.1 → 4.1 KB brotli). The first screen is HTML (scripts/prerender.mjs), and a
// stylesheet in its own file holds its first paint back by a second request, a round trip on a
// phone's connection: in Lighthouse's simulated slow 4G the first paint came 760 → 663–697 ms
// and the largest paint 910 → 751–775 ms (two warm runs each); on loopback, where a request
// costs nothing, first paint did not change. The page's CSP allows the block by its hash
// (scripts/csp.mjs; `make csp` writes it), so it keeps `style-src 'self'` without
// 'unsafe-inline'. The file stays in dist/ too, for anything that links it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allows, inlineStyle, pagePolicy } from "./csp.mjs";
import { stagingDir } from "./staging-dir.mjs";

const dir = stagingDir("inline-style");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/(main-[0-9a-f]+\.css)"[^>]*>/g)];
if (links.length !== 1) {
  console.error(`inline-style: expected one <link> to trunk's main-<hash>.css in index.html, found ${links.length}`);
  process.exit(1);
}
const [link, file] = links[0];
const { css, original, source } = inlineStyle();
if (readFileSync(join(dir, file), "utf8") !== original) {
  console.error(`inline-style: ${file} is not style/main.css as it is: trunk changed the stylesheet, so its hash would not be the one scripts/csp.mjs computes`);
  process.exit(1);
}
if (!allows(pagePolicy(html), "style-src", source)) {
  console.error(`inline-style: the CSP in index.html and scripts/nginx/heist-explorer.http.conf must allow the stylesheet: put ${source} in style-src (run \`make csp\`)`);
  process.exit(1);
}
if (/<\/style/i.test(css)) {
  console.error("inline-style: style/main.css contains </style, which would end the inline block");
  process.exit(1);
}
html = html.replace(link, () => `<style>${css}</style>`);
writeFileSync(indexPath, html);
console.log(`inline-style: ${file} (${Buffer.byteLength(css)} bytes) inlined, allowed by ${source}`);
