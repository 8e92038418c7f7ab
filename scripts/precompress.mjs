// trunk post_build step (run by scripts/post-build.mjs, after every step that edits files):
// writes a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) next to every compressible
// file of the build, so a production host serves them as they are (nginx `brotli_static` and
// `gzip_static`, see scripts/nginx/) instead of compressing on every request at a lower level.
// The siblings get their original's mtime, so every encoding has the same Last-Modified.
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPRESSIBLE } from "./serve.mjs";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { stagingDir } from "./staging-dir.mjs";


function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompress(dir) {
  let count = 0, raw = 0, br = 0;
  for (const file of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const body = readFileSync(file);
    const brotli = brotliCompressSync(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_MODE]: extname(file) === ".wasm" ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const { atime, mtime } = statSync(file);
    for (const [suffix, data] of [[".br", brotli], [".gz", gzipSync(body, { level: 9 })]]) {
      writeFileSync(file + suffix, data);
      utimesSync(file + suffix, atime, mtime);
    }
    count += 1;
    raw += body.length;
    br += brotli.length;
  }
  return { count, raw, br };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = stagingDir("precompress");
  const { count, raw, br } = precompress(dir);
  console.log(`precompress: ${count} files, ${(raw / 1024).toFixed(0)} KiB → ${(br / 1024).toFixed(0)} KiB brotli (+ .gz)`);
}
