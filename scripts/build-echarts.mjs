// trunk pre_build hook (also run by `make build`): bundles scripts/echarts-entry.js with
// esbuild into target/echarts/echarts.min.js, which index.html copies into dist/. Rebuilds
// only when the entry or the installed ECharts version changed.
import { build } from "esbuild";
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "scripts", "echarts-entry.js");
const outfile = join(root, "target", "echarts", "echarts.min.js");
const stamp = `${outfile}.stamp`;
const version = JSON.parse(readFileSync(join(root, "node_modules", "echarts", "package.json"), "utf8")).version;
const key = `${version}\n${readFileSync(entry, "utf8")}`;

// The default view's early live chart (scripts/early-chart.js with the formatters it imports),
// one small file beside ECharts; built every time, in milliseconds.
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, "scripts", "early-chart.js")],
  outfile: join(dirname(outfile), "early-chart.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
});

if (existsSync(outfile) && existsSync(stamp) && readFileSync(stamp, "utf8") === key) {
  process.exit(0);
}
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  banner: { js: `/*! Apache ECharts ${version} (custom build: bar, line, grid, legend, markLine, title, tooltip; canvas + SVG) | Apache-2.0 */` },
});
writeFileSync(stamp, key);
console.log(`build-echarts: wrote ${outfile}`);
