// The app's chart formatters, ported to JavaScript for the build's static charts (prerender.mjs):
// in the browser ECharts calls Rust closures (src/ui/formatters.rs, over Unit::format and the
// day-axis helpers in src/charts/mod.rs, and src/format.rs), which Node cannot. Port, not
// approximation: `crypto-heist-explorer static-charts` prints sample values as the Rust code
// formats them, and `checkSamples` (run by every build and by tests/e2e/static_charts.test.mjs)
// fails on any difference.

const U64_MAX = 18446744073709551615n;
const I64_MIN = -9223372036854775808n;
const I64_MAX = 9223372036854775807n;

/** Rust's `f64::round`: halves away from zero (Math.round takes them up). */
function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Rust's `x as u64`: truncated, NaN and negatives to 0, saturating. */
function toU64(x) {
  if (Number.isNaN(x) || x <= 0) return 0n;
  if (x >= 2 ** 64) return U64_MAX;
  return BigInt(Math.trunc(x));
}

/** Rust's `x as i64` for a whole number: saturating. */
function toI64(x) {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return I64_MAX;
  if (x < -(2 ** 63)) return I64_MIN;
  return BigInt(x);
}

/** Rust's `format!("{:.d}", x)`: from the double's exact binary value, ties to even (toFixed
 * rounds ties up: 1.125 → "1.13" where Rust writes "1.12"). */
function fixed(x, d) {
  if (!Number.isFinite(x)) return String(x);
  const negative = x < 0 || Object.is(x, -0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // |x| = mantissa × 2^exponent exactly.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const scaled = mantissa * 10n ** BigInt(d);
  let digits;
  if (exponent >= 0) {
    digits = scaled << BigInt(exponent);
  } else {
    const den = 1n << BigInt(-exponent);
    const q = scaled / den;
    const twice = (scaled % den) * 2n;
    digits = twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
  }
  let text = digits.toString().padStart(d + 1, "0");
  if (d > 0) text = `${text.slice(0, -d)}.${text.slice(-d)}`;
  return (negative ? "-" : "") + text;
}

function roundTo(v, decimals) {
  const scale = 10 ** decimals;
  return roundHalfAway(v * scale) / scale;
}

function trimmed(v, decimals) {
  const text = fixed(v, decimals);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** format::grouped: `1,234,567`. */
export function grouped(value) {
  return BigInt(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** format::usd, for a whole number of dollars (a BigInt, as Rust's u64). */
export function usd(value) {
  const v = Number(value);
  if (value >= 1_000_000_000n) return `$${trimmed(v / 1e9, 2)}B`;
  if (value >= 1_000_000n) {
    return roundTo(v / 1e6, 1) >= 1000 ? `$${trimmed(v / 1e9, 2)}B` : `$${trimmed(v / 1e6, 1)}M`;
  }
  if (value >= 1_000n) {
    return roundTo(v / 1e3, 1) >= 1000 ? `$${trimmed(v / 1e6, 1)}M` : `$${trimmed(v / 1e3, 1)}K`;
  }
  return `$${value}`;
}

/** format::incidents. */
export function incidents(count) {
  return count === 1n ? "1 incident" : `${grouped(count)} incidents`;
}

/** format::percent. */
export function percent(value) {
  if (!Number.isFinite(value)) return "–";
  if (Math.abs(value) < 10 && Math.abs(value - roundHalfAway(value)) >= 0.05) {
    return `${trimmed(value, 1)}%`;
  }
  return `${toI64(roundHalfAway(value))}%`;
}

/** charts::Unit::format, by the unit's name (`usd`, `count`, `percent`, `event`). */
export function formatValue(unit, value) {
  switch (unit) {
    case "usd":
      return usd(toU64(value));
    case "count":
      return incidents(toU64(value));
    case "percent":
      return percent(value);
    case "event":
      return ""; // an event marker is explained by its text, not its value
    default:
      throw new Error(`chart-format: unknown unit ${JSON.stringify(unit)}`);
  }
}

/** charts::month_start_label: "1 Jun" → "Jun", any other day → "". */
export function monthStartLabel(day) {
  return day.startsWith("1 ") ? day.slice(2) : "";
}

/** charts::is_month_start: a tick on the first of each month. */
export function isMonthStart(day) {
  return day.startsWith("1 ");
}

/** The differences between this port and the Rust formatters' sample table (`samples` of
 * `static-charts`); empty when they agree on every sample. */
export function checkSamples(samples) {
  const wrong = [];
  for (const { unit, value, text } of samples.values) {
    const ours = formatValue(unit, value);
    if (ours !== text) wrong.push(`${unit} ${value}: Rust ${JSON.stringify(text)}, JS ${JSON.stringify(ours)}`);
  }
  for (const { label, text, tick } of samples.days) {
    const ours = monthStartLabel(label);
    if (ours !== text) wrong.push(`day label ${JSON.stringify(label)}: Rust ${JSON.stringify(text)}, JS ${JSON.stringify(ours)}`);
    if (isMonthStart(label) !== tick) wrong.push(`day tick ${JSON.stringify(label)}: Rust ${tick}`);
  }
  return wrong;
}

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** src/format.rs `escape_html`. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Replaces the option's formatter placeholders (`placeholders` of `static-charts`) with the
 * port, as ui::formatters::Formatters::install does with the Rust closures. Without a `tooltip`
 * formatter the tooltip is dropped: a static chart has no pointer. Throws if a placeholder is
 * left anywhere, so a new one in the Rust code cannot reach an image as text. */
export function installFormatters(option, placeholders, { tooltip } = {}) {
  const functions = {
    [placeholders.usd]: (value) => formatValue("usd", typeof value === "number" ? value : 0),
    [placeholders.month_start]: (value) => monthStartLabel(typeof value === "string" ? value : ""),
    [placeholders.tick_month_start]: (_index, label) => typeof label === "string" && isMonthStart(label),
  };
  const swap = (obj, key) => {
    if (obj && typeof obj === "object" && Object.hasOwn(functions, obj[key])) obj[key] = functions[obj[key]];
  };
  for (const key of ["xAxis", "yAxis"]) {
    for (const axis of [option[key] ?? []].flat()) {
      swap(axis.axisLabel, "formatter");
      swap(axis.axisTick, "interval");
    }
  }
  // A live chart (scripts/early-chart.js) brings its tooltip formatter.
  if (tooltip) {
    functions[placeholders.tooltip] = tooltip;
    swap(option.tooltip, "formatter");
  } else {
    delete option.tooltip;
  }
  const names = new Set(Object.values(placeholders));
  const left = [];
  (function walk(value, path) {
    if (typeof value === "string" && names.has(value)) left.push(`${path} = ${value}`);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  })(option, "option");
  if (left.length) throw new Error(`chart-format: placeholders with no formatter: ${left.join(", ")}`);
  return option;
}
