// trunk's one post_build hook. trunk starts every hook of a stage at the same time, and these
// steps must not overlap: six of them rewrite index.html, and precompress must see the final
// files. So they run here, one after the other; the first failure stops the build.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const STEPS = [
  "externalize-loader.mjs", // inline module loader → loader-<hash>.js (CSP without 'unsafe-inline')
  "inline-style.mjs", // the stylesheet into index.html, allowed by its hash
  "covered-years.mjs", // the covered years into the title and descriptions
  "details.mjs", // data/details-<hash>.json: the notes and sources the app loads after its first chart
  "oembed.mjs", // with HEIST_PUBLIC_URL: oEmbed responses and the discovery link
  "prerender.mjs", // static/<view>.svg, og/<view>.png and the <noscript> chart
  "strip-comments.mjs", // index.html's comments, for its editors, not sent to readers
  "view-pages.mjs", // views/<view>.html: the page with that view's link preview
  "precompress.mjs", // .br and .gz next to every compressible file, last
];

for (const step of STEPS) {
  const { status, signal, error } = spawnSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url))], { stdio: "inherit" });
  if (status !== 0) {
    console.error(`post-build: ${step} failed (${error?.message ?? signal ?? `exit ${status}`})`);
    process.exit(1);
  }
}
