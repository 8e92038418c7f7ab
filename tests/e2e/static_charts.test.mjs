// The build's static charts (scripts/prerender.mjs): every canonical view as an SVG drawn by
// ECharts in Node from the app's own option JSON, a 1200×630 preview image per view, and the
// default view's chart in the page's <noscript>. What the app computes is read from the host
// binary (`crypto-heist-explorer static-charts`), the same output the build drew from.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { checkSamples, formatValue, monthStartLabel } from "../../scripts/chart-format.mjs";
import { runHostBinary } from "../../scripts/host-binary.mjs";
import { cardSvg } from "../../scripts/og-card.mjs";
import { escape } from "../../scripts/markup.mjs";
import { CHART_BOX } from "../../scripts/prerender.mjs";
import { stretchableSvg } from "../../scripts/stretch-svg.mjs";
import { appFontStack } from "../../scripts/text-width.mjs";
import { probedPage, suite } from "./harness.mjs";

const env = suite();
let host;
before(() => {
  host = JSON.parse(runHostBinary("static_charts.test", ["static-charts"]));
});

const axes = (option, key) => [option[key] ?? []].flat();
const categories = (option) => axes(option, "xAxis").concat(axes(option, "yAxis")).filter((a) => a.type === "category");

/** The texts of an SVG's <text> elements, read by the browser's XML parser (null if the file is
 * not well-formed SVG). */
async function svgTexts(page, markup) {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
    if (doc.querySelector("parsererror") || doc.documentElement.localName !== "svg") return null;
    const root = doc.documentElement;
    return {
      width: root.getAttribute("width"),
      height: root.getAttribute("height"),
      viewBox: root.getAttribute("viewBox"),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
    };
  }, markup);
}

test("the JavaScript port of the chart formatters writes what the Rust formatters write", () => {
  assert.ok(host.samples.values.length >= 50 && host.samples.days.length >= 5, "a real sample table");
  assert.deepEqual(checkSamples(host.samples), []);
  // And the check can fail: a sample the port would get wrong is reported.
  const [usd] = host.samples.values.filter((s) => s.unit === "usd" && s.value === 1_125_000_000);
  assert.equal(usd.text, "$1.12B", "Rust rounds a tie to even");
  assert.equal(checkSamples({ values: [{ ...usd, text: "$1.13B" }], days: [] }).length, 1);
});

test("every canonical view has a light and a dark static SVG of its chart, with its labels and numbers", async () => {
  const { page, context } = await probedPage(env.browser);
  await page.goto(env.server.url + "favicon.svg");
  assert.deepEqual(
    host.charts.map((c) => c.view),
    ["overview", "compare", "share", "cumulative", "monthly", "sizes", "category", "vector", "claims"],
  );
  for (const chart of host.charts) {
    for (const [path, option, palette] of [
      [chart.svg, chart.light, host.palettes.light],
      [chart.svg_dark, chart.dark, host.palettes.dark],
    ]) {
      const response = await fetch(env.server.url + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), "image/svg+xml", path);
      const markup = await response.text();
      const svg = await svgTexts(page, markup);
      assert.ok(svg, `${path} parses as SVG`);
      // A chart of labelled rows is as tall as its rows, as in the app.
      const height = chart.min_height ?? CHART_BOX.height;
      // Drawn for that box; where it follows its image's size (scripts/stretch-svg.mjs), as
      // large as the image, its elements where ECharts put them in that box.
      if (svg.viewBox) {
        assert.deepEqual([svg.width, svg.height, svg.viewBox], [`${CHART_BOX.width}`, `${height}`, `0 0 ${CHART_BOX.width} ${height}`], path);
      } else {
        assert.deepEqual([svg.width, svg.height], ["100%", chart.min_height ? `${height}` : "100%"], path);
        assert.match(markup, /<rect width="100%" height="(100%|\d+)" x="0" y="0"/, path);
        assert.match(markup, /<style>@supports \(x: calc\(1px \+ 1%\)\)/, path);
      }
      assert.doesNotMatch(markup, /__\w+__/, `${path}: a formatter placeholder drawn as text`);
      // Every series is in the legend, under the name the Rust builder gave it.
      for (const series of option.series) assert.ok(svg.texts.includes(series.name), `${path}: legend ${series.name}`);
      // Category labels as the Rust builder wrote them, or, on a day axis, the months the
      // month-start formatter makes of them.
      for (const axis of categories(option)) {
        const labels = axis.axisLabel?.formatter === host.placeholders.month_start ? [...new Set(axis.data.map(monthStartLabel).filter(Boolean))] : axis.data;
        const drawn = labels.filter((l) => svg.texts.includes(String(l)));
        // A crowded axis writes every n-th label, as the app's does (the months: 9 of 36), the
        // first among them.
        assert.ok(svg.texts.includes(String(labels[0])), `${path}: first label ${labels[0]}`);
        assert.ok(drawn.length >= Math.min(labels.length, 4), `${path}: ${drawn.length} of ${labels.length} labels of ${JSON.stringify(labels.slice(0, 3))}…`);
      }
      // A dollar axis is labelled by the formatter: "$0" and amounts such as "$1.5B".
      const usdAxes = axes(option, "xAxis").concat(axes(option, "yAxis")).filter((a) => a.axisLabel?.formatter === host.placeholders.usd);
      if (usdAxes.length) {
        assert.ok(svg.texts.includes(formatValue("usd", 0)), `${path}: $0`);
        assert.ok(svg.texts.some((t) => /^\$\d+(\.\d+)?[KMB]$/.test(t)), `${path}: a formatted amount`);
      }
      // The theme's colours, not the other theme's.
      assert.ok(markup.includes(palette.dprk), `${path}: ${palette.dprk}`);
      const other = palette === host.palettes.light ? host.palettes.dark : host.palettes.light;
      assert.ok(!markup.includes(other.text), `${path}: no ${other.text}`);
      // The app's font stack (style/main.css --sans), not ECharts' default.
      assert.ok(markup.includes(`font-family:${appFontStack("sans")};`), path);
    }
  }
  await context.close();
});

test("the static SVG is the size of the app's chart box at the desktop layout", async () => {
  for (const width of [1280, 1440]) {
    const { page, context } = await probedPage(env.browser, { viewport: { width, height: 900 } });
    await page.goto(env.server.url);
    await page.waitForSelector("[data-testid=chart][data-rendered]");
    const box = await page.$eval("[data-testid=chart]", (el) => {
      const r = el.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    });
    assert.deepEqual(box, CHART_BOX, `at ${width} px`);
    await context.close();
  }
});

test("a drawing follows its box's size where ECharts' layout is a straight line in it, and stays fixed otherwise", async () => {
  // As ECharts lays a chart out in a w × h box: a plot from 60 px to 16 px short of the right
  // edge and from 40 px to 28 px above the bottom, a rule along its bottom, a bar in its middle
  // third half its height tall, a label under the bar.
  const plot = (w) => w - 76;
  const base = (h) => h - 28;
  const chart = (w, h, { label = "2024", ruleEnd = plot(w) + 60 } = {}) => [
    `<svg width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" x="0" y="0" fill="none"></rect>`,
    `<path d="M60 ${base(h) + 0.5}L${ruleEnd} ${base(h) + 0.5}" fill="none" stroke="#e3e6ea" class="zr${w}-cls-0"></path>`,
    `<path d="M${60 + plot(w) / 3} ${base(h)}l${plot(w) / 3} 0l0 ${-(h - 68) / 2}l-${plot(w) / 3} 0Z" fill="#c2410c" class="zr${w}-cls-1"></path>`,
    `<text text-anchor="middle" style="font-size:12px;" y="6" transform="translate(${60 + plot(w) / 2} ${base(h) + 8})" fill="#57606a">${label}</text>`,
    `<text text-anchor="end" style="font-size:12px;" transform="translate(52 40)" fill="#57606a">$3B</text>`,
    `<style ><![CDATA[\n.zr${w}-cls-1:hover {\ncursor:pointer;\n}\n]]></style>`,
    "</svg>",
  ].join("\n");
  const sizes = { widths: [336, 512, 404], heights: [300, 384, 340] };
  const stretched = stretchableSvg((w, h) => chart(w, h), sizes);
  assert.ok(stretched, "a straight-line layout stretches");
  assert.match(stretched, /^<svg width="100%" height="100%" xmlns="http:\/\/www.w3.org\/2000\/svg">/);
  // As drawn in attributes, for a browser without SVG geometry in CSS; the moves in one
  // @supports block (all or nothing).
  assert.match(stretched, /<rect x="60" y="272" width="260" height="1" fill="#e3e6ea" class="zs-a zc-a"><\/rect>/);
  assert.match(stretched, /<rect x="146.67" y="156" width="86.67" height="116" fill="#c2410c" class="zs-b zc-b"><\/rect>/);
  assert.match(stretched, /<text class="zs-c" [^>]*transform="translate\(190 280\)"[^>]*>2024</);
  assert.match(stretched, /transform="translate\(52 40\)" fill="#57606a">\$3B</, "what does not move stays as it is");
  assert.match(stretched, /\.zc-b:hover/, "class names follow the elements");
  const rules = /<style>@supports \(x: calc\(1px \+ 1%\)\) and \(width: calc\(1px \+ 1%\)\) \{\n([^]*)\n\}<\/style>\n<\/svg>$/.exec(stretched)?.[1];
  assert.deepEqual(rules?.split("\n"), [
    ".zs-a{x:60px;y:calc(-28px + 100%);width:calc(-76px + 100%)}",
    ".zs-b{x:calc(34.67px + 33.333333%);y:calc(6px + 50%);width:calc(-25.33px + 33.333333%);height:calc(-34px + 50%)}",
    ".zs-c{transform:translate(calc(22px + 50%),calc(-20px + 100%))}",
  ]);

  // In a browser, drawn in a 388 × 330 box it lays out as ECharts would there.
  const { page, context } = await probedPage(env.browser);
  const at = await page.evaluate((svg) => {
    const box = document.createElement("div");
    Object.assign(box.style, { width: "388px", height: "330px" });
    box.innerHTML = svg;
    document.body.append(box);
    const root = box.firstElementChild;
    const [rule, bar] = root.querySelectorAll("rect.zs-a, rect.zs-b");
    const label = [...root.querySelectorAll("text")].find((t) => t.textContent === "2024");
    const origin = root.getBoundingClientRect();
    const r = (el) => el.getBoundingClientRect();
    return {
      rule: [r(rule).right - origin.left, r(rule).top - origin.top],
      bar: [r(bar).left - origin.left, r(bar).width, r(bar).top - origin.top, r(bar).height],
      label: [(r(label).left + r(label).right) / 2 - origin.left, r(label).top - origin.top],
    };
  }, stretched);
  const near = (got, want, what) => assert.ok(Math.abs(got - want) < 1, `${what}: ${got}, not ${want}`);
  near(at.rule[0], 60 + plot(388), "the rule's right end");
  near(at.rule[1], base(330), "the rule's top");
  near(at.bar[0], 60 + plot(388) / 3, "the bar's left");
  near(at.bar[1], plot(388) / 3, "the bar's width");
  near(at.bar[3], (330 - 68) / 2, "the bar's height");
  near(at.bar[2], base(330) - (330 - 68) / 2, "the bar's top");
  near(at.label[0], 60 + plot(388) / 2, "the label's centre");
  await context.close();

  // A chart of one height keeps it; a label ECharts shows at one width and hides at another,
  // or a coordinate off the line, keeps the fixed drawing.
  const oneHeight = { widths: sizes.widths, heights: [300, 300, 300] };
  assert.match(stretchableSvg((w, h) => chart(w, h), oneHeight), /^<svg width="100%" height="300" /);
  assert.equal(stretchableSvg((w, h) => chart(w, h, { label: w > 400 ? "2024" : "" }), sizes), null);
  assert.equal(stretchableSvg((w, h) => chart(w, h, { ruleEnd: w === 404 ? 350 : plot(w) + 60 }), sizes), null);
});

test("every canonical view has a 1200×630 PNG preview image", async () => {
  for (const chart of host.charts) {
    const response = await fetch(env.server.url + chart.image);
    assert.equal(response.status, 200, chart.image);
    assert.equal(response.headers.get("content-type"), "image/png", chart.image);
    const png = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${chart.image} is a PNG`);
    assert.equal(png.toString("latin1", 12, 16), "IHDR");
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], host.image_size, chart.image);
    assert.ok(png.length > 20_000, `${chart.image}: ${png.length} bytes, more than a blank card`);
  }
});

test("a chart of labelled rows is told in words on its preview card, which draws every other chart", async () => {
  const rows = host.charts.filter((c) => c.min_height);
  assert.ok(rows.length > 0, "a chart of rows to check");
  for (const chart of host.charts) {
    let drawn = 0;
    const svg = cardSvg({
      chart,
      palette: host.palettes.light,
      size: { width: host.image_size[0], height: host.image_size[1] },
      layoutWidth: CHART_BOX.width,
      drawChart: ({ width, height }) => (drawn++, `<svg width="${width}" height="${height}"></svg>`),
    });
    if (chart.min_height) {
      assert.equal(drawn, 0, `${chart.view}: no chart squeezed into the card`);
      assert.ok(chart.card_text.length > 0, chart.view);
      // Each sentence whole on the card, wrapped into lines (here none is cut short).
      const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
      for (const sentence of chart.card_text) assert.ok(text.includes(escape(sentence)), `${chart.view}: ${sentence}`);
    } else {
      assert.equal(drawn, 1, `${chart.view}: its chart is drawn`);
      assert.deepEqual(chart.card_text, [], chart.view);
    }
  }
});

test("without JavaScript the page shows the default view's static chart, its words and the data", async () => {
  const home = host.charts.find((c) => c.view === host.default_view);
  const { page, context, problems } = await probedPage(env.browser, { javaScriptEnabled: false });
  // With JavaScript off Chromium still fetches trunk's modulepreload and blocks it (as "csp"):
  // scripts cannot run here anyway; every other request must succeed.
  const failed = [];
  page.on("requestfailed", (r) => r.resourceType() !== "script" && failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(env.server.url, { waitUntil: "load" });
  // The first screen pre-rendered into #boot shows the default view (style/main.css reads the
  // html[data-static-view] that index.html starts with).
  const figure = page.locator(`#boot .static-view[data-view=${home.view}]`);
  const image = figure.locator("picture.when-light img");
  await image.waitFor();
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), "the chart image loaded");
  assert.equal(await image.getAttribute("alt"), home.summary);
  // The default view's chart is in the HTML as a data: URL of the same drawing as its file.
  const drawn = await (await page.request.get(env.server.url + home.svg)).text();
  assert.equal(decodeURIComponent((await image.getAttribute("src")).replace(/^data:image\/svg\+xml,/, "")), drawn);
  assert.equal(await figure.locator(".chart-title").innerText(), home.title);
  assert.equal(await figure.locator(".chart-subtitle").innerText(), home.scope);
  assert.equal(await figure.locator(".summary").innerText(), home.summary);
  assert.match(await figure.locator(".source-line").innerText(), new RegExp(`^${home.source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  assert.ok(await figure.locator(".summary").isVisible());
  // Nothing that would do nothing is offered: no filter column, view tabs, share row, masthead
  // buttons or "Show more" (only the table's column headings and the methodology's name stay,
  // as words); the chart and the table take the page's width.
  const controls = await page.$$eval("#boot :is(button, input, select, textarea)", (els) =>
    els.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter((el) => !el.closest("thead") && !el.classList.contains("link-button"))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(controls, []);
  const content = await page.$eval("#boot .layout", (el) => el.getBoundingClientRect().width);
  assert.equal(Math.round((await image.boundingBox()).width), Math.round(content));
  assert.ok(content > CHART_BOX.width, `${content} px`);
  for (const file of ["incidents.csv", "sources.csv", "aggregates.csv"]) {
    const link = page.locator(`[data-testid=noscript] a[href="data/${file}"]`);
    assert.equal(await link.count(), 1, file);
    assert.equal((await fetch(new URL(await link.getAttribute("href"), env.server.url))).status, 200, file);
  }
  // Nothing blocked by the CSP (a blocked image fails its request) or anything else.
  assert.deepEqual(failed, []);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the pre-rendered first screen and the noscript note need nothing the CSP forbids", async () => {
  const html = await (await fetch(env.server.url)).text();
  const boot = html.slice(html.indexOf('<div id="boot">'), html.indexOf("<noscript>"));
  assert.ok(boot.includes("data-static-first"), "the placeholder was filled");
  // The default view's drawings are data: URLs of SVG images, which the browser renders as
  // images (no script runs in them, nothing is fetched), and which img-src allows.
  const images = [...boot.matchAll(/(?:src|srcset)="(data:[^"]*)"/g)].map((m) => m[1]);
  assert.equal(images.length, 4, "the default view's four drawings are in the page");
  for (const image of images) assert.match(image, /^data:image\/svg\+xml,<svg%20/);
  // One data block, the early chart's options: JSON the browser never runs.
  const blocks = [...boot.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(blocks, ['<script type="application/json" id="early-chart">']);
  const outsideImages = boot.replace(/(src|srcset)="data:[^"]*"/g, '$1=""').replace(/<script type="application\/json" id="early-chart">[^<]*<\/script>/, "");
  assert.doesNotMatch(outsideImages, /\{\{|style=|<style|<script|\son\w+=|https?:/);
  const noscript = html.slice(html.indexOf("<noscript>"), html.indexOf("</noscript>"));
  assert.doesNotMatch(noscript, /\{\{|style=|<style|<script|\son\w+=|https?:/);
});
