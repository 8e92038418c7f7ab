// Post-build step, once index.html is final (after strip-comments) and before precompress: a page
// per canonical chart view but the default, views/<view>.html. Each is index.html with that
// view's link preview: its chart's title and summary as the page's description and Open Graph
// title and description, its preview image (og/<view>.png, with its size and the summary as its
// text) and, where the build has oEmbed responses (HEIST_PUBLIC_URL), the discovery link of its
// own. A link that names only a view (`?view=compare`, with `theme=` or without) is answered with
// it by both hosts (scripts/serve.mjs and the nginx config, `viewPageFor`), so a link pasted
// into a social network previews, and into a CMS embeds, the chart it names and not the default
// one: crawlers run no script. Everything else is index.html's, byte for byte: the app and the
// first screen read the view from the link as ever. The titles and summaries are the app's own
// (`crypto-heist-explorer static-charts`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runHostBinary } from "./host-binary.mjs";
import { escape } from "./markup.mjs";
import { stagingDir } from "./staging-dir.mjs";

/** `html` with the one match of `pattern` replaced; the build fails if index.html no longer has
 * exactly one, instead of shipping a page with the default preview. */
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`view-pages: index.html has ${matches.length} ${what}, expected 1`);
  return html.replace(pattern, replacement);
}

/** index.html as the page of `chart` (an entry of `static-charts`' `charts`); `oembed` is the
 * view's oEmbed response where the build wrote one. */
export function viewPage(index, chart, [width, height], oembed) {
  const title = escape(chart.title);
  const summary = escape(chart.summary);
  let html = index;
  html = replaceOnce(html, /<meta name="description" content="[^"]*">/, () => `<meta name="description" content="${summary}">`, "description");
  html = replaceOnce(html, /<meta property="og:title" content="[^"]*">/, () => `<meta property="og:title" content="${title}">`, "og:title");
  html = replaceOnce(html, /<meta property="og:description" content="[^"]*">/, () => `<meta property="og:description" content="${summary}">`, "og:description");
  // Absolute where the build knows the site's address (scripts/oembed.mjs made index.html's so).
  const base = /<meta property="og:url" content="([^"]*)">/.exec(html)?.[1];
  if (base) {
    html = replaceOnce(html, /<meta property="og:url" content="[^"]*">/, () => `<meta property="og:url" content="${base}?view=${chart.view}">`, "og:url");
  }
  html = replaceOnce(
    html,
    /<meta property="og:image" content="[^"]*">/,
    () =>
      `<meta property="og:image" content="${base ?? ""}${escape(chart.image)}">\n` +
      `  <meta property="og:image:width" content="${width}">\n` +
      `  <meta property="og:image:height" content="${height}">\n` +
      `  <meta property="og:image:alt" content="${summary}">`,
    "og:image",
  );
  // With HEIST_PUBLIC_URL, scripts/oembed.mjs put the default view's discovery link in: this
  // view's takes its place, titled as its response is.
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]*)oembed\/[a-z]+\.json" title="[^"]*">/;
  if (link.test(html) !== Boolean(oembed)) throw new Error(`view-pages: ${chart.view}: an oEmbed link without its response, or the reverse`);
  if (oembed) {
    html = replaceOnce(html, link, (_, base) => `<link rel="alternate" type="application/json+oembed" href="${base}oembed/${chart.view}.json" title="${escape(oembed.title)}">`, "oEmbed links");
  }
  return html;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = stagingDir("view-pages");
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const out = JSON.parse(runHostBinary("view-pages", ["static-charts"]));
  const charts = out.charts.filter((chart) => chart.view !== out.default_view);
  mkdirSync(join(dir, "views"), { recursive: true });
  for (const chart of charts) {
    const response = join(dir, "oembed", `${chart.view}.json`);
    const oembed = existsSync(response) ? JSON.parse(readFileSync(response, "utf8")) : null;
    writeFileSync(join(dir, "views", `${chart.view}.html`), viewPage(index, chart, out.image_size, oembed));
  }
  console.log(`view-pages: ${charts.map((c) => `views/${c.view}.html`).join(", ")}`);
}
