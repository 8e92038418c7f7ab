// A static drawing that keeps its layout at any size of its chart box. ECharts lays a chart
// out for one size; drawn for a 360 px phone, its plot ended 15 px short of the live chart's on
// a 375 px phone, 51 px on a 412 px one and 68 px on a 430 px one, and widened under the
// reader's eyes when the live chart took over; a 1024 px window showed the desktop drawing
// scaled to three quarters, labels and all.
//
// ECharts draws the same chart at a second width, at a second height, and at a size to check
// the rule: every coordinate that differs lies on a straight line in the box's width (a plot
// edge, a bar, an axis label between fixed margins) or in its height (a gridline, a bar's
// top). The drawing keeps its numbers for the first size and gets, per element that moves,
// the same geometry as CSS with `calc(… px + …%)`, where a percentage is of the drawing's own
// width or height (SVG's geometry properties and transforms resolve them against the
// viewport): a bar or rule is a <rect> whose `x`, `y`, `width` and `height` follow the box, a
// label a `translate()`. The root <svg> is the size of its image (`100%`, no viewBox), so the
// <img> box sets the size it is drawn at. The rules stand in one `@supports` block: a browser
// without SVG geometry in CSS draws every element at the first size, as before, never labels
// moved over bars that stayed. Anything the rule does not describe (labels ECharts hides at one
// size and not another, a legend that wraps, a path that changes shape) leaves the drawing as
// it was.

/** Numbers in an element's text, with where they stand. */
const NUMBER = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

/** Rounded for the CSS: two decimals of a pixel, six of a percent. */
const px = (v) => Number(v.toFixed(2));
const pct = (v) => Number((v * 100).toFixed(6));

/** A length that is `at` in the drawing as drawn and grows by `slope` per px of the drawing's
 * width (x) or height (y), `size` px as drawn, as CSS: `calc(a px + b%)`, or plain px when it
 * does not move. In a geometry property or a translate() a percentage is of that dimension. */
function cssLength({ at, slope }, size) {
  if (slope === 0) return `${px(at)}px`;
  return `calc(${px(at - slope * size)}px + ${pct(slope)}%)`;
}

/**
 * `render(width, height)` draws the chart as an SVG string of that size. Returns the drawing at
 * (`widths[0]`, `heights[0]`) that follows its image's size, or null when the chart does not
 * follow the rule (the caller then keeps the fixed drawing). ECharts draws it at a second width,
 * at a second height, and at a third of each, where every moving coordinate must be where its
 * straight lines put it. Equal heights: the drawing keeps its height.
 * @param {(width: number, height: number) => string} render
 * @param {{widths: [number, number, number], heights: [number, number, number]}} sizes
 * @param {(why: string) => null} refuse told why a chart does not stretch; returns null
 */
export function stretchableSvg(render, { widths: [w1, w2, w3], heights: [h1, h2, h3] }, refuse = () => null) {
  const tall = h2 !== h1;
  const drawings = [[w1, h1], [w2, h1], tall ? [w1, h2] : null, [w3, tall ? h3 : h1]];
  const [a, b, c, d] = drawings.map((size) => (size ? ownClassNames(render(...size)).split("\n") : null));
  const lines = [a, b, c, d].filter(Boolean);
  if (lines.some((l) => l.length !== a.length)) return refuse("a different number of elements at another size");
  const drawn = { x: w1, y: h1 };
  const out = [];
  // Each movement's CSS, and the class that carries it.
  const rules = new Map();
  for (let i = 0; i < a.length; i++) {
    const shape = (line) => line.replace(NUMBER, "#");
    if (lines.some((l) => shape(l[i]) !== shape(a[i]))) return refuse(`element ${i} changes at another size: ${a[i].slice(0, 80)}`);
    const numbers = (l) => (l ? [...l[i].matchAll(NUMBER)].map((m) => Number(m[0])) : null);
    const [na, nb, nc, nd] = [a, b, c, d].map(numbers);
    const moves = [];
    for (let k = 0; k < na.length; k++) {
      const byWidth = (nb[k] - na[k]) / (w2 - w1);
      const byHeight = nc ? (nc[k] - na[k]) / (h2 - h1) : 0;
      // The check drawing must fall on the same straight lines, within a pixel: ECharts puts
      // a 1 px rule on a pixel's middle (y.5), half a pixel off the line either way.
      const expected = na[k] + byWidth * (w3 - w1) + byHeight * (tall ? h3 - h1 : 0);
      if (Math.abs(expected - nd[k]) > 1) return refuse(`element ${i}'s number ${k} is ${nd[k]}, not ${px(expected)}: ${a[i].slice(0, 80)}`);
      // A coordinate that follows both would need a percentage of each: not one CSS length.
      if (byWidth !== 0 && byHeight !== 0) return refuse(`element ${i}'s number ${k} follows both width and height: ${a[i].slice(0, 80)}`);
      if (byWidth !== 0) moves.push({ index: k, at: na[k], slope: byWidth, axis: "x" });
      if (byHeight !== 0) moves.push({ index: k, at: na[k], slope: byHeight, axis: "y" });
    }
    if (moves.length === 0) {
      out.push(a[i]);
      continue;
    }
    const stretched = stretchLine(a[i], na, moves, drawn);
    if (stretched === null) return refuse(`element ${i} moves in a way not rewritten: ${a[i].slice(0, 80)}`);
    if (!stretched.css) {
      out.push(stretched.line);
      continue;
    }
    // Elements that move alike (the gridlines) share a class.
    if (!rules.has(stretched.css)) rules.set(stretched.css, `zs-${letters(rules.size)}`);
    out.push(withClass(stretched.line, rules.get(stretched.css)));
  }
  const end = out.lastIndexOf("</svg>");
  if (end < 0) return refuse("no </svg>");
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

/** One element whose numbers `moves` follow the drawing's size, rewritten to follow it: the
 * element as drawn, and the CSS that moves it (none for the root and its background, which are
 * the image's size); null when its kind is not one this knows how to rewrite. `drawn` is the
 * size it was drawn at. */
function stretchLine(line, numbers, moves, drawn) {
  const moved = new Map(moves.map((m) => [m.index, m]));
  // What number `index` is at `axis`: moving along it, or fixed.
  const at = (index, axis) => {
    const m = moved.get(index);
    if (m && m.axis !== axis) return null;
    return m ?? { at: numbers[index], slope: 0 };
  };
  const sum = (p, q) => (p && q ? { at: p.at + q.at, slope: p.slope + q.slope } : null);
  const neg = (p) => (p ? { at: -p.at, slope: -p.slope } : null);
  const x = (p) => cssLength(p, drawn.x);
  const y = (p) => cssLength(p, drawn.y);
  // The root and the background: the image's width, and its height where the drawing follows
  // that too. The root's viewBox goes, so that the image's size is the drawing's.
  const imageSized = (element) =>
    element
      .replace(/ width="[^"]*"/, ' width="100%"')
      .replace(/ height="[^"]*"/, moves.some((m) => m.axis === "y") ? ' height="100%"' : "$&");
  if (line.startsWith("<svg ")) return { line: imageSized(line).replace(/ viewBox="[^"]*"/, "") };
  if (/^<rect width="[\d.]+" height="[\d.]+" x="0" y="0"/.test(line) && moves.every((m) => m.index < 2)) {
    return { line: imageSized(line) };
  }
  // A rule: `M x1 y1 L x2 y2`, stroked, horizontal (a gridline, an axis line) or vertical (a
  // gridline of a horizontal bar chart, an axis tick). Drawn as a filled <rect> the stroke's
  // width across, whose `x`, `y`, `width` and `height` CSS can compute.
  const rule = /^<path d="M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)" (.*)><\/path>$/.exec(line);
  if (rule && (rule[2] === rule[4] || rule[1] === rule[3])) {
    const stroke = /stroke="([^"]+)"/.exec(rule[5]);
    if (!stroke || /transform=/.test(rule[5])) return null;
    const across = Number(/stroke-width="([\d.]+)"/.exec(rule[5])?.[1] ?? 1);
    const [x1, y1, x2, y2] = [at(0, "x"), at(1, "y"), at(2, "x"), at(3, "y")];
    if (!x1 || !y1 || !x2 || !y2) return null;
    const classes = /class="[^"]*"/.exec(rule[5])?.[0] ?? "";
    const rect = (left, top, width, height, css) => ({
      line: `<rect x="${px(left.at)}" y="${px(top.at)}" width="${px(width)}" height="${px(height)}" fill="${stroke[1]}" ${classes}></rect>`,
      css: `x:${x(left)};y:${y(top)};${css}`,
    });
    if (rule[2] === rule[4]) {
      if (y1.slope !== y2.slope) return null;
      const [left, right] = x1.at <= x2.at ? [x1, x2] : [x2, x1];
      const length = sum(right, neg(left));
      return rect(left, { at: y1.at - across / 2, slope: y1.slope }, length.at, across, `width:${x(length)}`);
    }
    if (x1.slope !== x2.slope) return null;
    const [top, bottom] = y1.at <= y2.at ? [y1, y2] : [y2, y1];
    const length = sum(bottom, neg(top));
    return rect({ at: x1.at - across / 2, slope: x1.slope }, top, across, length.at, `height:${y(length)}`);
  }
  // A bar: `M x y l w 0 l 0 h l -w 0 Z`. Its numbers: x 0, y 1, w 2, (0 3, 0 4), h 5, -w 6.
  const bar = /^<path d="M(-?[\d.]+) (-?[\d.]+)l(-?[\d.]+) 0l0 (-?[\d.]+)l(-?[\d.]+) 0Z" (.*)><\/path>$/.exec(line);
  if (bar && !/transform=/.test(bar[6])) {
    const [x0, y0, w, h, back] = [at(0, "x"), at(1, "y"), at(2, "x"), at(5, "y"), at(6, "x")];
    if (!x0 || !y0 || !w || !h || !back || back.at !== -w.at || back.slope !== -w.slope) return null;
    // A negative width or height draws leftwards or upwards: the rect starts at the far edge.
    const left = w.at >= 0 ? x0 : sum(x0, w);
    const top = h.at >= 0 ? y0 : sum(y0, h);
    const [width, height] = [w.at >= 0 ? w : neg(w), h.at >= 0 ? h : neg(h)];
    return {
      line: `<rect x="${px(left.at)}" y="${px(top.at)}" width="${px(width.at)}" height="${px(height.at)}" ${bar[6]}></rect>`,
      css: `x:${x(left)};y:${y(top)};width:${x(width)};height:${y(height)}`,
    };
  }
  // Anything placed by `transform="translate(x y)"`, whose other numbers stay: the same
  // translate as CSS, which takes the place of the attribute where the browser has it.
  const placed = /^(<\w+ [^>]*?)transform="translate\((-?[\d.]+) (-?[\d.]+)\)"(.*)$/.exec(line);
  if (placed) {
    const index = placed[1].match(NUMBER)?.length ?? 0;
    if (moves.some((m) => m.index !== index && m.index !== index + 1)) return null;
    const [tx, ty] = [at(index, "x"), at(index + 1, "y")];
    if (!tx || !ty) return null;
    return { line, css: `transform:translate(${x(tx)},${y(ty)})` };
  }
  return null;
}

