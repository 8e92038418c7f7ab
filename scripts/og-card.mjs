// A view's preview image (og/<view>.png, the oEmbed thumbnail): 1200×630, the app's name, the
// chart's title and scope, the chart, and its source line, composed as one SVG and rasterised
// with resvg (prerender.mjs calls it for every canonical view).
import { spawnSync } from "node:child_process";
import { Resvg } from "@resvg/resvg-js";
import { escape } from "./markup.mjs";
import { appFontStack, measureText } from "./text-width.mjs";

const PAD = 44;
const KICKER = { size: 16, line: 22, weight: 700, family: "sans" };
const TITLE = { size: 34, line: 42, weight: 700, family: "serif" };
const SCOPE = { size: 20, line: 28, weight: 400, family: "sans" };
const SOURCE = { size: 15, line: 20, weight: 400, family: "sans" };
// A chart told in words (`card_text`): the report's figure, then what our rows add up to.
const SAID = { size: 30, line: 40, weight: 400, family: "sans" };
const OURS = { size: 30, line: 40, weight: 700, family: "sans" };

/** The font fontconfig gives for a pattern (`serif:bold`), as a browser on this machine would
 * draw it: `{ family, file }`, or undefined without fontconfig. */
function fontconfig(pattern) {
  const run = spawnSync("fc-match", ["-f", "%{family[0]}\t%{file}", pattern], { encoding: "utf8" });
  const [family, file] = run.status === 0 ? run.stdout.split("\t") : [];
  return family && file ? { family, file } : undefined;
}

/** The app's stack for `generic` (`--sans`, `--font`) as resvg-js 2.6.2 can use it: the
 * machine's font for the generic family named before it, since resvg ignores its
 * `serifFamily`/`sansSerifFamily` options and draws every generic family in the first font it
 * loaded (thx/resvg-js#403), a sans even for `serif`; and no quotes, since it skips a list with a
 * quoted name after the first ("Georgia, 'DejaVu Serif'" draws neither). */
function cardStack(generic, machine) {
  const stack = appFontStack(generic === "serif" ? "font" : "sans").replace(/'/g, "");
  const keyword = generic === "serif" ? "serif" : "sans-serif";
  return machine ? stack.replace(new RegExp(`(^|,\\s*)${keyword}$`), `$1${machine.family}, ${keyword}`) : stack;
}

const MACHINE = Object.fromEntries(
  ["sans", "serif"].flatMap((generic) =>
    [400, 700].map((weight) => [`${generic} ${weight}`, fontconfig(`${generic === "sans" ? "sans-serif" : "serif"}:weight=${weight === 700 ? 200 : 80}`)]),
  ),
);
export const STACKS = { sans: cardStack("sans", MACHINE["sans 400"]), serif: cardStack("serif", MACHINE["serif 400"]) };

/** The width of `text` in a style as the card is rasterised: resvg with the machine's font
 * file; without fontconfig, the charts' generous estimate (text-width.mjs). */
function measure(text, style) {
  const font = MACHINE[`${style.family} ${style.weight}`];
  if (!font) return measureText(text, `${style.weight} ${style.size}px sans-serif`).width;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${text.length * style.size * 2 + 10}" height="${style.size * 2}"><text x="0" y="${style.size}" font-family="${font.family}" font-size="${style.size}" font-weight="${style.weight}" xml:space="preserve">${escape(text)}</text></svg>`;
  const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: font.family } }).getBBox();
  return box ? box.x + box.width : 0;
}

/** `text` in lines of at most `width` px, at most `max` of them, the last cut with "…". */
export function wrap(text, style, width, max) {
  const fits = (line) => measure(line, style) <= width;
  const lines = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let cut = `${kept[max - 1]} ${lines[max]}`;
  while (cut.includes(" ") && !fits(`${cut}…`)) cut = cut.slice(0, cut.lastIndexOf(" "));
  kept[max - 1] = `${cut.replace(/[\s,;:]+$/, "")}…`;
  return kept;
}

/** `<text>` elements for `lines`, the first line's box starting at `top`. */
function textLines(lines, style, top, color, extra = "") {
  // The baseline sits about 0.9 em below a 1.2-em line box's top.
  return lines
    .map((line, i) => {
      const y = top + i * style.line + Math.round((style.line - style.size) / 2 + style.size * 0.8);
      return `<text x="${PAD}" y="${y}" font-family="${STACKS[style.family]}" font-size="${style.size}" font-weight="${style.weight}" fill="${color}"${extra}>${escape(line)}</text>`;
    })
    .join("\n");
}

/** The card as SVG, `size` ({width, height}) px. `drawChart(box, fontFamily)` returns the
 * chart's SVG at that size; it is drawn `layoutWidth` px wide (the app's desktop chart box: the
 * same legend, labels and ticks) and scaled up to the card's width, which also makes its labels
 * larger. */
export function cardSvg({ chart, palette, size, layoutWidth, drawChart }) {
  const inner = size.width - 2 * PAD;
  const title = wrap(chart.title, TITLE, inner, 2);
  const scope = wrap(chart.scope, SCOPE, inner, 1);
  const source = wrap(chart.source, SOURCE, inner, 2);
  const titleTop = PAD + KICKER.line + 6;
  const scopeTop = titleTop + title.length * TITLE.line + 4;
  const chartTop = scopeTop + scope.length * SCOPE.line + 12;
  const sourceTop = size.height - PAD + 8 - source.length * SOURCE.line;
  const box = { width: inner, height: sourceTop - 12 - chartTop };
  const plot = chart.card_text?.length ? words(chart.card_text, palette, box, chartTop) : drawing(drawChart, layoutWidth, box, chartTop);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`,
    `<rect width="${size.width}" height="${size.height}" fill="${palette.tooltip_bg}"/>`,
    textLines(["CRYPTO HEIST EXPLORER"], KICKER, PAD, palette.dprk, ` letter-spacing="1.3"`),
    textLines(title, TITLE, titleTop, palette.text),
    textLines(scope, SCOPE, scopeTop, palette.muted),
    plot,
    textLines(source, SOURCE, sourceTop, palette.muted),
    `</svg>`,
  ].join("\n");
}

/** The chart, drawn `layoutWidth` wide and scaled to fill `box` below `top`. */
function drawing(drawChart, layoutWidth, box, top) {
  const zoom = box.width / layoutWidth;
  return drawChart({ width: layoutWidth, height: Math.round(box.height / zoom) }, STACKS.sans).replace(
    /^<svg width="\d+" height="\d+"/,
    `<svg x="${PAD}" y="${top}" width="${box.width}" height="${box.height}"`,
  );
}

/** A chart of labelled rows, whose rows the card cannot hold legibly, in words: each sentence
 * of `text` as a paragraph, the last (what our rows add up to) in bold in the DPRK colour. A
 * paragraph too long for the space left ends with "…". */
function words(text, palette, box, top) {
  const gap = 16;
  let room = box.height;
  const blocks = text.map((sentence, i) => {
    const style = i === text.length - 1 ? OURS : SAID;
    const lines = wrap(sentence, style, box.width, Math.max(1, Math.floor((room - (i ? gap : 0)) / style.line)));
    room -= lines.length * style.line + (i ? gap : 0);
    return { lines, style, color: i === text.length - 1 ? palette.dprk : palette.text };
  });
  // A third of the space left above the words, two thirds below: read from the top, as a page.
  let y = top + Math.max(0, Math.round(room / 3));
  return blocks
    .map(({ lines, style, color }, i) => {
      if (i) y += gap;
      const svg = textLines(lines, style, y, color);
      y += lines.length * style.line;
      return svg;
    })
    .join("\n");
}

/** The card as a PNG. */
export function ogCard(card) {
  return new Resvg(cardSvg(card), { font: { loadSystemFonts: true } }).render().asPng();
}
