// Post-build step: with HEIST_PUBLIC_URL set (the address the site will be served at, e.g.
// https://news.example/graphics/heists/), writes the oEmbed response of every canonical view to
// oembed/<view>.json and puts the default view's discovery link into index.html, so a CMS that
// speaks oEmbed turns a pasted link to the explorer into the embed; and makes the link preview's
// addresses absolute (og:image, og:url). The responses come from the
// app's own Rust (`crypto-heist-explorer oembed <url>` on the host). Without HEIST_PUBLIC_URL
// nothing is written: an oEmbed response must carry absolute URLs, and dist/ is built to be
// served at any path.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runHostBinary } from "./host-binary.mjs";
import { escape } from "./markup.mjs";
import { stagingDir } from "./staging-dir.mjs";

const dir = stagingDir("oembed");
const publicUrl = process.env.HEIST_PUBLIC_URL;
if (!publicUrl) {
  console.log("oembed: HEIST_PUBLIC_URL not set; no oEmbed files (see README, Embedding)");
  process.exit(0);
}
if (!/^https?:\/\/[^\s"<>]+$/.test(publicUrl)) {
  console.error(`oembed: HEIST_PUBLIC_URL must be an absolute http(s) URL, got ${JSON.stringify(publicUrl)}`);
  process.exit(1);
}
const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
const responses = JSON.parse(runHostBinary("oembed", ["oembed", base]));
mkdirSync(join(dir, "oembed"), { recursive: true });
for (const [view, response] of Object.entries(responses)) {
  writeFileSync(join(dir, "oembed", `${view}.json`), JSON.stringify(response, null, 2) + "\n");
}
const overview = responses.overview;
const link = `<link rel="alternate" type="application/json+oembed" href="${escape(`${base}oembed/overview.json`)}" title="${escape(overview.title)}">`;
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
// Link previews too need absolute addresses (Facebook, LinkedIn and X do not resolve a
// relative og:image): the preview image's, and the page's own as og:url.
const image = '<meta property="og:image" content="og-image.png">';
if (!html.includes(image)) {
  console.error("oembed: index.html has no relative og:image to make absolute");
  process.exit(1);
}
html = html.replace(image, `<meta property="og:image" content="${escape(`${base}og-image.png`)}">\n  <meta property="og:url" content="${escape(base)}">`);
writeFileSync(indexPath, html.replace("</head>", `  ${link}\n</head>`));
console.log(`oembed: ${Object.keys(responses).length} responses for ${base}`);
