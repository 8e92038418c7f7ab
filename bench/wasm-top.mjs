// `make wasm-top` (and `make bench`): what the app's wasm bytes are. Takes cargo's output of the
// last release build (target/wasm32-unknown-unknown/release/crypto-heist-explorer.wasm, which
// `make build` leaves), runs it through wasm-bindgen and `wasm-opt -Oz` as trunk does but keeps
// the names (`-g`), and writes bench/WASM-TOP.md: the wasm's sections (code, static data) raw and
// brotli, the largest items by twiggy (`twiggy top`) and the bytes by crate. The analysed copy
// differs from dist's by a few KB (names change what wasm-opt may merge); the file says by how
// much. Needs twiggy (`./bootstrap.sh --bench` installs it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants as zlib } from "node:zlib";

const ROOT = new URL("..", import.meta.url).pathname;
const INPUT = join(ROOT, "target/wasm32-unknown-unknown/release/crypto-heist-explorer.wasm");
const TOP = Number(process.env.WASM_TOP ?? 15);

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
const grouped = (n) => n.toLocaleString("en");
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/** The module's sections: id, name (custom sections) and bytes. */
function sections(bytes) {
  const NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"];
  let at = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const out = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const start = at;
    let name = NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      const length = leb();
      name = `custom "${bytes.subarray(at, at + length).toString()}"`;
    }
    out.push({ name, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

/** The crate an item's code comes from, as its name says: the first path in it. */
function crateOf(name) {
  if (name.startsWith("data segment")) return "static data (strings, tables, the dataset)";
  if (name.startsWith("import ")) return "imports (the JS glue's functions)";
  if (/^code\[\d+\]$/.test(name)) return "code without a name";
  const paths = [...name.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
  const first = paths.find((p) => !/^[A-Z]$/.test(p));
  return first ?? name.replace(/\[\d+\]$/, "");
}

/** Records of twiggy's CSV (names hold commas and quotes). */
function csvRecords(text) {
  const records = [];
  let record = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (record.push(field), (field = ""));
    else if (c === "\n") (record.push(field), records.push(record), (record = []), (field = ""));
    else if (c !== "\r") field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

const work = mkdtempSync(join(tmpdir(), "wasm-top-"));
try {
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, INPUT]);
  const bound = join(work, readdirSync(work).find((f) => f.endsWith("_bg.wasm")));
  const named = join(work, "named.wasm");
  const stripped = join(work, "stripped.wasm");
  run("wasm-opt", ["-Oz", "-g", bound, "-o", named]);
  run("wasm-opt", ["-Oz", bound, "-o", stripped]);
  const plain = readFileSync(stripped);
  const dist = readdirSync(join(ROOT, "dist")).find((f) => f.endsWith("_bg.wasm"));
  const distBytes = dist ? readFileSync(join(ROOT, "dist", dist)) : null;

  const rows = csvRecords(run("twiggy", ["top", "-n", "1000000", "--format", "csv", named]))
    .slice(1)
    .map(([name, size]) => ({ name, size: Number(size) }))
    .filter((r) => r.name && !/names" subsection$/.test(r.name) && !r.name.startsWith("custom section"));
  const total = plain.length;
  const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;

  const md = [
    "## What the wasm's bytes are",
    "",
    `Written by \`node bench/wasm-top.mjs\` (\`make wasm-top\`, also run by \`make bench\`) from the last release build, ${new Date().toISOString().slice(0, 10)}: cargo's output through wasm-bindgen and \`wasm-opt -Oz\` as trunk runs them, names kept for twiggy ${run("twiggy", ["--version"]).trim().split(" ")[1]}.`,
    `That copy without names: ${grouped(plain.length)} bytes raw / ${grouped(brotli(plain))} brotli${distBytes ? `; dist/${dist}: ${grouped(distBytes.length)} / ${grouped(brotli(distBytes))}` : ""}.`,
    "",
    "| section | raw bytes | brotli bytes |",
    "|---|---:|---:|",
  ];
  for (const s of sections(plain).filter((s) => s.body.length >= 1024)) {
    md.push(`| ${s.name} | ${grouped(s.body.length)} | ${grouped(brotli(s.body))} |`);
  }
  md.push("", `Largest items (\`twiggy top\`; shallow bytes, raw; % of the wasm without names):`, "", "| bytes | % | item |", "|---:|---:|---|");
  for (const r of rows.slice(0, TOP)) {
    const item = r.name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "").replace(/\|/g, "\\|");
    md.push(`| ${grouped(r.size)} | ${pct(r.size)} | \`${item.length > 110 ? `${item.slice(0, 107)}…` : item}\` |`);
  }
  const byCrate = new Map();
  for (const r of rows) {
    const crate = crateOf(r.name);
    const entry = byCrate.get(crate) ?? { size: 0, items: 0 };
    entry.size += r.size;
    entry.items += 1;
    byCrate.set(crate, entry);
  }
  md.push("", "By crate (the first path in each item's name, so a generic function counts where it is defined, not where it is used):", "", "| crate | bytes | % | items |", "|---|---:|---:|---:|");
  for (const [crate, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, TOP)) {
    md.push(`| ${crate} | ${grouped(e.size)} | ${pct(e.size)} | ${grouped(e.items)} |`);
  }
  writeFileSync(join(ROOT, "bench", "WASM-TOP.md"), md.join("\n") + "\n");
  console.log(md.join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
