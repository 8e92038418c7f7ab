// The default view's live chart, drawn as soon as ECharts has run instead of once the wasm has
// downloaded, compiled and mounted the app: a reader can hover it from the first second. The
// options are the app's own (src/first_screen.rs writes them into the page as a JSON data
// block); the formatters are the build's port of the app's (scripts/chart-format.mjs, checked
// against the Rust formatters at every build). Clicks narrow the filters only once the app is
// there: it adopts this instance (src/ui/chart_host.rs), leaves this drawing as it is when its
// own option text is the one marked drawn here, and sets its own formatters with its next draw.
//
// Bundled by scripts/build-echarts.mjs into echarts's folder as early-chart.js; index.html names
// it with an inert tag that scripts/first-view.js makes live once the first screen has painted,
// to run right after echarts.min.js. Anything unexpected leaves the static drawing in place:
// this is an improvement, never a requirement.
import { escapeHtml, formatValue, installFormatters } from "./chart-format.mjs";

function tooltip(units, swatches) {
  // src/ui/formatters.rs `Formatters::new`, the tooltip closure.
  return (params) => {
    const items = Array.isArray(params) ? params : [params];
    let html = "";
    items.forEach((item, i) => {
      if (i === 0) html += `<strong>${escapeHtml(String(item.name ?? ""))}</strong>`;
      const unit = units[item.seriesIndex ?? 0] ?? "usd";
      if (unit === "event") {
        html += `<br/>${escapeHtml(String(item.data?.name ?? ""))}`;
        return;
      }
      if (typeof item.value !== "number") return;
      const swatch = swatches[item.color] ?? "sw";
      html += `<br/><span class="${swatch}"></span>${escapeHtml(String(item.seriesName ?? ""))}: <strong>${escapeHtml(formatValue(unit, item.value))}</strong>`;
    });
    return html;
  };
}

function draw() {
  const root = document.documentElement;
  const block = document.getElementById("early-chart");
  const box = document.querySelector("#boot .early-chart");
  const echarts = window.echarts;
  if (!block || !box || !echarts || typeof echarts.init !== "function") return;
  // Only where the first screen shows this view's drawing (scripts/first-view.js decided).
  if (box.closest(".static-view")?.getAttribute("data-view") !== root.getAttribute("data-static-view")) return;
  const data = JSON.parse(block.textContent);
  const theme = root.getAttribute("data-theme") === "dark" ? "dark" : "light";
  const option = JSON.parse(data[theme]);
  installFormatters(option, data.placeholders, { tooltip: tooltip(data.units, data.swatches) });
  const chart = echarts.init(box);
  const frame = box.closest(".static-chart-frame");
  chart.on("finished", function shown() {
    chart.off("finished", shown);
    // The canvas is drawn over the same box; the drawing under it steps aside.
    frame?.classList.add("live");
  });
  chart.setOption(option);
  // Which option text is on screen: the app, adopting this chart, skips drawing the same again.
  box.setAttribute("data-drawn", theme);
}

try {
  draw();
} catch (error) {
  console.warn("early chart: the static drawing stays", error);
}
