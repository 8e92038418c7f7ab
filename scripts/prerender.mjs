// Post-build step: every canonical view's chart drawn at build time, from the option JSON the
// app's own Rust builds (`crypto-heist-explorer static-charts`), by ECharts' server-side SVG
// renderer in Node. Writes
//   static/<view>.svg, static/<view>-dark.svg  the chart as the app draws it at default filters;
//   og/<view>.png                              a 1200×630 preview image: title, scope, chart, source;
// and writes into index.html the first screen of every canonical view (`{{FIRST_SCREEN}}`, from
// src/first_screen.rs: the page's words and numbers beside these charts) and the script that
// picks, before first paint, which of it a link may show (`{{FIRST_VIEW_SCRIPT}}`, from
// scripts/first-view.js; the page's CSP must allow it by its hash). Offline: nothing is
// downloaded.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as echarts from "echarts/core";
import { checkSamples, installFormatters } from "./chart-format.mjs";
import { ECHARTS_MODULES } from "./echarts-modules.mjs";
import { allows, firstViewScript, pagePolicy } from "./csp.mjs";
import { runHostBinary } from "./host-binary.mjs";
import { ogCard } from "./og-card.mjs";
import { appFontStack, measureText } from "./text-width.mjs";
import { stagingDir } from "./staging-dir.mjs";
import { stretchableSvg } from "./stretch-svg.mjs";

// The ECharts the app ships, module for module (see scripts/echarts-modules.mjs).
echarts.use(ECHARTS_MODULES);

/** The chart box (`[data-testid=chart]`) at the desktop layout, in CSS px: measured in headless
 * Chromium at 1280 px wide and at 1440 (the page stops growing at `.page`'s max-width, 1240 px,
 * so every desktop window gives the same box): the column beside the filters is 892 px wide and
 * `.chart`'s height, clamp(300px, 55vw, 440px), is at its maximum. A drawing that follows its box
 * (`stretchableSvg`) is drawn at any box's size; a fixed one carries a viewBox and scales down
 * into a narrower box. tests/e2e/static_charts.test.mjs measures it again. */
export const CHART_BOX = { width: 892, height: 440 };
/** The sizes a drawing is drawn at besides its own, to follow its box (scripts/stretch-svg.mjs):
 * the far end of the range it is shown in, and a size to check it at. `.chart` is
 * clamp(300px, 55vw, 440px) and `.page`'s margins 3vw (12 px to 32 px) a side. A phone's drawing
 * (336 × 300, a 360 px window's box) is shown up to a 699 px window: 657 × 384; checked at a
 * 430 px phone's width. The desktop one (892 × 440) from a 900 px window, the narrowest with the
 * filters beside the chart (551 px wide), and a 700 px one (385 px tall); checked between. */
const PHONE_RANGE = { widths: [657, 404], heights: [384, 340] };
const DESKTOP_RANGE = { widths: [540, 700], heights: [385, 410] };
export const FIRST_SCREEN = "{{FIRST_SCREEN}}";
export const FIRST_VIEW_SCRIPT = "{{FIRST_VIEW_SCRIPT}}";

/** How far a legend's items run below its first line, in px (0 when they fit on one). */
function legendOverflow(chart) {
  const legend = chart.getModel().getComponent("legend");
  const items = legend ? chart.getViewOfComponentModel(legend).getContentGroup().children() : [];
  const ys = items.map((item) => item.y);
  return ys.length ? Math.max(...ys) - Math.min(...ys) : 0;
}

/** One chart as an SVG string, drawn as the app's chart host draws it, without animation and
 * tooltip (a static image has no pointer). The app's one-line legend scrolls with arrows when
 * its items do not fit; an image cannot scroll, so its legend wraps and the plot moves down. */
export function renderSvg(option, placeholders, { width, height }, fontFamily) {
  const drawn = installFormatters(structuredClone(option), placeholders);
  drawn.animation = false;
  drawn.textStyle = { ...drawn.textStyle, fontFamily };
  if (drawn.legend) drawn.legend.type = "plain";
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(drawn);
    const overflow = legendOverflow(chart);
    if (overflow > 0) {
      for (const grid of [drawn.grid ?? []].flat()) {
        if (typeof grid.top === "number") grid.top += overflow;
      }
      chart.setOption(drawn, { notMerge: true });
    }
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function main() {
  const dir = stagingDir("prerender");
  const out = JSON.parse(runHostBinary("prerender", ["static-charts"]));
  const wrong = checkSamples(out.samples);
  if (wrong.length) {
    console.error(`prerender: scripts/chart-format.mjs formats differently from the app's Rust:\n  ${wrong.join("\n  ")}`);
    process.exit(1);
  }
  // ECharts in Node has no canvas to measure text with; see scripts/text-width.mjs.
  echarts.setPlatformAPI({ measureText });
  const fontFamily = appFontStack("sans");
  for (const path of out.charts.flatMap((c) => [c.svg, c.svg_dark, c.svg_narrow, c.svg_narrow_dark, c.image])) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
  }
  const sizes = [];
  // The views whose drawings follow their box's size.
  const stretchy = new Set();
  // Every drawing by its path, for the ones the first screen carries in the page itself.
  const drawn = new Map();
  const draw = (path, svg) => {
    writeFileSync(join(dir, path), svg);
    drawn.set(path, svg);
  };
  for (const chart of out.charts) {
    // A chart of labelled rows (reports vs data) is as tall as its rows, as in the app.
    const box = { ...CHART_BOX, height: chart.min_height ?? CHART_BOX.height };
    // Drawn for a box and, where the chart's layout allows, following it over the range of
    // sizes it is shown at (scripts/stretch-svg.mjs); `label` names it in the build's log.
    const drawing = (option, { width, height }, sizes, label) => {
      const render = (w, h) => renderSvg(option, out.placeholders, { width: w, height: h }, fontFamily);
      // A chart of labelled rows is as tall as its rows, whatever the window.
      const heights = chart.min_height ? [height, height, height] : [height, ...sizes.heights];
      const stretched = stretchableSvg(render, { widths: [width, ...sizes.widths], heights });
      if (stretched) stretchy.add(label);
      return stretched ?? render(width, height);
    };
    const light = drawing(chart.light, box, DESKTOP_RANGE, chart.view);
    const dark = drawing(chart.dark, box, DESKTOP_RANGE, chart.view);
    draw(chart.svg, light);
    draw(chart.svg_dark, dark);
    // For phones, drawn at their own chart box: a desktop drawing scaled down would write its
    // labels at a third of their size. It follows the box as far as a 699 px window's.
    const [nw, nh] = out.narrow_box;
    const narrow = { width: nw, height: chart.min_height ?? nh };
    draw(chart.svg_narrow, drawing(chart.light, narrow, PHONE_RANGE, `${chart.view} (phone)`));
    draw(chart.svg_narrow_dark, drawing(chart.dark, narrow, PHONE_RANGE, `${chart.view} (phone)`));
    const png = ogCard({
      chart,
      palette: out.palettes.light,
      size: { width: out.image_size[0], height: out.image_size[1] },
      layoutWidth: CHART_BOX.width,
      drawChart: (box, family) => renderSvg(chart.light, out.placeholders, box, family),
    });
    writeFileSync(join(dir, chart.image), png);
    sizes.push(`${chart.view} ${Math.round(light.length / 1024)}/${Math.round(dark.length / 1024)} KB`);
  }
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  for (const placeholder of [FIRST_SCREEN, FIRST_VIEW_SCRIPT]) {
    if (html.split(placeholder).length !== 2) {
      console.error(`prerender: index.html must hold the ${placeholder} placeholder once`);
      process.exit(1);
    }
  }
  const script = firstViewScript();
  if (!allows(pagePolicy(html), "script-src", script.source)) {
    console.error(`prerender: the CSP in index.html (and scripts/nginx/heist-explorer.http.conf) must allow scripts/first-view.js: put ${script.source} in script-src (run \`make csp\`)`);
    process.exit(1);
  }
  const defaultChart = out.charts.find((c) => c.view === out.default_view);
  const firstScreen = inlineCharts(out.first_screen, defaultChart, drawn);
  html = html.replace(FIRST_VIEW_SCRIPT, script.code).replace(FIRST_SCREEN, firstScreen);
  writeFileSync(indexPath, html);
  console.log(`prerender: ${out.charts.length} charts (light/dark SVG: ${sizes.join(", ")}), preview images, first screen of ${out.charts.length} views; drawings that follow their box's size: ${[...stretchy].join(", ") || "none"}`);
}

/** An SVG as a `data:` URL that can stand in an HTML attribute, `srcset` included: `%` and `#`
 * (which a URL would read as an escape and a fragment), white space (which ends a `srcset`
 * candidate) and `"` are percent-encoded, and `&` is written as the HTML entity, so that the
 * HTML parser hands the URL parser the SVG's own `&amp;`. */
function svgDataUrl(svg) {
  const body = svg.replace(/[%#"\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `data:image/svg+xml,${body}`.replace(/&/g, "&amp;");
}

/** The default view's static charts go into the first screen itself, as `data:` URLs: the
 * chart then paints with the HTML instead of waiting for a request of its own, which on a slow
 * connection queues behind the stylesheet, ECharts and the wasm. (The files stay, for links.)
 * `drawn` holds every drawing by its path. */
function inlineCharts(firstScreen, chart, drawn) {
  let html = firstScreen;
  for (const path of [chart.svg, chart.svg_dark, chart.svg_narrow, chart.svg_narrow_dark]) {
    const attribute = `="${path}"`;
    if (html.split(attribute).length !== 2) {
      console.error(`prerender: the first screen must name ${path} once`);
      process.exit(1);
    }
    html = html.replace(attribute, `="${svgDataUrl(drawn.get(path))}"`);
  }
  return html;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
