// trunk post_build hook: the page's static <title> and description name the years the data
// covers, read from data/incidents.csv (the same rows build.rs compiles in), so adding a year
// of data changes the copy with no edit to index.html.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stagingDir } from "./staging-dir.mjs";

const dir = stagingDir("covered-years");
const dataDir = process.env.HEIST_DATA_DIR ?? "data";
const years = readFileSync(join(dataDir, "incidents.csv"), "utf8")
  .split("\n")
  .slice(1)
  .map((line) => Number(line.split(",")[1]?.slice(0, 4)))
  .filter((y) => Number.isInteger(y) && y > 2000);
const first = Math.min(...years);
const last = Math.max(...years);
const words = first === last ? `${first}` : last - first === 1 ? `${first} and ${last}` : `${first} to ${last}`;
const span = first === last ? `${first}` : `${first}–${last}`;
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
if (!html.includes("{{YEARS}}")) {
  console.error("covered-years: no {{YEARS}} placeholder in index.html");
  process.exit(1);
}
writeFileSync(indexPath, html.replaceAll("{{YEARS_SPAN}}", span).replaceAll("{{YEARS}}", words));
