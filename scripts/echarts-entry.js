// The ECharts we ship: only the chart types, components and renderers the explorer draws
// (src/charts/*, listed in scripts/echarts-modules.mjs, which the static drawings use too).
// charming's WasmRenderer and our bindings call the global `echarts`, so this bundle assigns it.
import * as echarts from "echarts/core";
import { ECHARTS_MODULES } from "./echarts-modules.mjs";

echarts.use(ECHARTS_MODULES);

// ECharts takes a line of text to be as tall as "国" is wide in its font (zrender's
// getLineHeight). Where the reader's system has a CJK font, as Windows, macOS, iOS and Android
// do, that is one em; without one, the browser measures its fallback glyph (7.2 px of a 12 px
// font in Debian's headless Chromium), every label's box shrinks, and the plot shifts a few
// pixels against its static drawing when the live chart replaces it. The drawing is measured
// in Node at one em (scripts/text-width.mjs counts a character outside its table as a full em),
// so the live chart takes one em too: the same layout on every system.
const WIDE = "国";
let measuring;
let measuringFont;
echarts.setPlatformAPI({
  measureText(text, font) {
    if (text === WIDE) {
      const size = /(\d+(?:\.\d+)?)px/.exec(font ?? "");
      return { width: size ? Number(size[1]) : 12 };
    }
    measuring ??= document.createElement("canvas").getContext("2d");
    const wanted = font || "12px sans-serif";
    if (measuringFont !== wanted) measuringFont = measuring.font = wanted;
    return measuring.measureText(text);
  },
});

window.echarts = echarts;
