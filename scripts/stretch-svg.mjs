// A static drawing that keeps its layout at any width of a phone's chart box. ECharts lays a
// chart out for one width; drawn for a 360 px phone, its plot ended 15 px short of the live
// chart's on a 375 px phone, 51 px on a 412 px one and 68 px on a 430 px one, and the plot
// widened under the reader's eyes when the live chart took over.
//
// ECharts draws the same chart at two widths, and a third checks the rule: every coordinate
// that differs is a straight line in the box's width (a plot edge, a bar, an axis label between
// a fixed left margin and a fixed right one). The drawing keeps its numbers for the first width
// and gets, per element that moves, the same geometry as CSS with `calc(… px + …%)`, where 100%
// is the drawing's own width (SVG's geometry properties and transforms resolve percentages
// against the viewport): a bar is a <rect> whose `x` and `width` follow the box, a label a
// `translate()`. The root <svg> is as wide as its image (`width="100%"`, no viewBox), so the
// <img> box sets the width it is drawn at. The rules stand in one `@supports` block: a browser
// without SVG geometry in CSS draws every element at the first width, as before, never labels
// moved over bars that stayed. Anything the rule does not describe (labels ECharts hides at one
// width and not the other, a path that changes shape) leaves the drawing as it was.

/** Numbers in an element's text, with where they stand. */
const NUMBER = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

/** Rounded for the CSS: two decimals of a pixel, six of a percent. */
const px = (v) => Number(v.toFixed(2));
const pct = (v) => Number((v * 100).toFixed(6));

/** A length that is `at` in a drawing `drawnWidth` wide and grows by `slope` per px of width,
 * as CSS: `calc(a px + b%)`, or plain px when it does not move. */
function cssLength({ at, slope }, drawnWidth) {
  const offset = px(at - slope * drawnWidth);
  if (slope === 0) return `${px(at)}px`;
  return `calc(${offset}px + ${pct(slope)}%)`;
}

/**
 * `render(width)` draws the chart as an SVG string at that width (same height each time).
 * Returns the drawing for `widths[0]` that stretches between them, or null when the chart does
 * not follow the rule (the caller then keeps the fixed drawing).
 * @param {(width: number) => string} render
 * @param {[number, number, number]} widths the drawing's width, a second, and one to check
 */
export function stretchableSvg(render, [w1, w2, w3]) {
  const [a, b, c] = [w1, w2, w3].map((w) => ownClassNames(render(w)).split("\n"));
  if (a.length !== b.length || a.length !== c.length) return null;
  const out = [];
  // Each movement's CSS, and the class that carries it.
  const rules = new Map();
  for (let i = 0; i < a.length; i++) {
    const shape = (line) => line.replace(NUMBER, "#");
    if (shape(a[i]) !== shape(b[i]) || shape(a[i]) !== shape(c[i])) return null;
    const [na, nb, nc] = [a[i], b[i], c[i]].map((line) => [...line.matchAll(NUMBER)].map((m) => Number(m[0])));
    const moves = [];
    for (let k = 0; k < na.length; k++) {
      if (na[k] === nb[k]) {
        if (nc[k] !== na[k]) return null;
        continue;
      }
      const slope = (nb[k] - na[k]) / (w2 - w1);
      // The third width must fall on the same straight line (ECharts rounds to a tenth of a
      // pixel or so; half a pixel is the tolerance).
      if (Math.abs(na[k] + slope * (w3 - w1) - nc[k]) > 0.5) return null;
      moves.push({ index: k, at: na[k], slope });
    }
    if (moves.length === 0) {
      out.push(a[i]);
      continue;
    }
    const stretched = stretchLine(a[i], na, moves, w1);
    if (stretched === null) return null;
    if (!stretched.css) {
      out.push(stretched.line);
      continue;
    }
    // Elements that move alike (the gridlines) share a class.
    if (!rules.has(stretched.css)) rules.set(stretched.css, `zs-${letters(rules.size)}`);
    out.push(withClass(stretched.line, rules.get(stretched.css)));
  }
  const end = out.lastIndexOf("</svg>");
  if (end < 0) return null;
  const css = [...rules].map(([movement, name]) => `.${name}{${movement}}`);
  out.splice(end, 0, `<style>@supports (x: calc(1px + 1%)) and (width: calc(1px + 1%)) {\n${css.join("\n")}\n}</style>`);
  return out.join("\n");
}

/** 0 → "a", 25 → "z", 26 → "ba": names without digits, which would read as coordinates. */
function letters(n) {
  return [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("");
}

/** `line` with `name` among its classes. */
function withClass(line, name) {
  return / class="/.test(line) ? line.replace(/ class="/, ` class="${name} `) : line.replace(/^<(\w+) /, `<$1 class="${name}" `);
}

/** zrender numbers its class names by instance (`zr0-cls-3` in one drawing is `zr1-cls-7` in
 * the next); named by first appearance instead, the same drawing at two widths names alike. */
function ownClassNames(svg) {
  const names = new Map();
  return svg.replace(/zr\d+-cls-\d+/g, (name) => {
    if (!names.has(name)) names.set(name, `zc-${letters(names.size)}`);
    return names.get(name);
  });
}

/** One element whose numbers `moves` follow the width, rewritten to follow it: the element at
 * the first width, and the CSS that moves it (none for the root and its background, which are
 * as wide as the image); null when its kind is not one this knows how to rewrite. */
function stretchLine(line, numbers, moves, drawnWidth) {
  const moved = new Map(moves.map((m) => [m.index, m]));
  // The root: as wide as its image. Its numbers are its width and the viewBox's.
  if (line.startsWith("<svg ")) {
    return { line: line.replace(/ width="[^"]*"/, ' width="100%"').replace(/ viewBox="[^"]*"/, "") };
  }
  // The background: as wide as the drawing.
  if (/^<rect width="[\d.]+" height="[\d.]+" x="0" y="0"/.test(line) && moves.length === 1 && moves[0].index === 0) {
    return { line: line.replace(/^<rect width="[\d.]+"/, '<rect width="100%"') };
  }
  // A horizontal rule (gridline, axis line): `M x1 y L x2 y`, stroked. Drawn as a filled
  // <rect> the stroke's width tall, whose `x` and `width` CSS can compute.
  const rule = /^<path d="M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)" (.*)><\/path>$/.exec(line);
  if (rule && rule[2] === rule[4] && !moved.has(1) && !moved.has(3)) {
    const stroke = /stroke="([^"]+)"/.exec(rule[5]);
    if (!stroke || /transform=/.test(rule[5])) return null;
    const strokeWidth = Number(/stroke-width="([\d.]+)"/.exec(rule[5])?.[1] ?? 1);
    const x1 = moved.get(0) ?? { at: numbers[0], slope: 0 };
    const x2 = moved.get(2) ?? { at: numbers[2], slope: 0 };
    const w = { at: x2.at - x1.at, slope: x2.slope - x1.slope };
    const y = Number(rule[2]) - strokeWidth / 2;
    const classes = /class="[^"]*"/.exec(rule[5])?.[0] ?? "";
    return {
      line: `<rect x="${px(x1.at)}" y="${px(y)}" width="${px(w.at)}" height="${strokeWidth}" fill="${stroke[1]}" ${classes}></rect>`,
      css: `x:${cssLength(x1, drawnWidth)};width:${cssLength(w, drawnWidth)}`,
    };
  }
  // A bar: `M x y l w 0 l 0 h l -w 0 Z`.
  const bar = /^<path d="M(-?[\d.]+) (-?[\d.]+)l(-?[\d.]+) 0l0 (-?[\d.]+)l(-?[\d.]+) 0Z" (.*)><\/path>$/.exec(line);
  // Its numbers: x 0, y 1, w 2, (0 3, 0 4), h 5, -w 6.
  if (bar && !moved.has(1) && !moved.has(5) && Number(bar[3]) === -Number(bar[5]) && !/transform=/.test(bar[6])) {
    const x = moved.get(0) ?? { at: numbers[0], slope: 0 };
    const w = moved.get(2) ?? { at: numbers[2], slope: 0 };
    const right = moved.get(6);
    if (right && (right.at !== -w.at || right.slope !== -w.slope)) return null;
    // A negative width draws leftwards: the rect starts at the far edge instead.
    const left = w.at >= 0 ? x : { at: x.at + w.at, slope: x.slope + w.slope };
    const size = w.at >= 0 ? w : { at: -w.at, slope: -w.slope };
    const y = Number(bar[2]);
    const h = Number(bar[4]);
    return {
      line: `<rect x="${px(left.at)}" y="${px(Math.min(y, y + h))}" width="${px(size.at)}" height="${px(Math.abs(h))}" ${bar[6]}></rect>`,
      css: `x:${cssLength(left, drawnWidth)};width:${cssLength(size, drawnWidth)}`,
    };
  }
  // Anything placed by `transform="translate(x y)"` whose x alone moves: the same translate as
  // CSS, which takes the place of the attribute where the browser has it.
  const placed = /^(<\w+ [^>]*?)transform="translate\((-?[\d.]+) (-?[\d.]+)\)"(.*)$/.exec(line);
  if (placed) {
    const before = placed[1].match(NUMBER)?.length ?? 0;
    const xIndex = before;
    if (moves.length !== 1 || moves[0].index !== xIndex) return null;
    return { line, css: `transform:translate(${cssLength(moves[0], drawnWidth)},${placed[3]}px)` };
  }
  return null;
}
