// The page's Content-Security-Policy allows exactly two inline blocks, each by its hash: the
// first-view script (scripts/first-view.js, minified) and the stylesheet (style/main.css, which
// scripts/inline-style.mjs puts into index.html so the first screen needs no second request).
// The policy is written twice, in index.html's <meta http-equiv> and in the nginx config's
// header (scripts/nginx/heist-explorer.http.conf), and the build refuses a page whose policy
// does not allow what it inlines. After editing either file, `make csp` (this script with
// --write) puts the new hashes in both places.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const STYLE = new URL("../style/main.css", import.meta.url);
const POLICY_FILES = [new URL("../index.html", import.meta.url), new URL("nginx/heist-explorer.http.conf", import.meta.url)];

/** A CSP hash source (`'sha256-…'`) for an inline block's exact text. */
export function hashSource(text) {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

/** scripts/first-view.js as index.html inlines it (minified by esbuild, whose exact version
 * package-lock.json pins, so the text and its hash change only with the script), and its CSP
 * source. */
export function firstViewScript() {
  const source = readFileSync(new URL("first-view.js", import.meta.url), "utf8");
  const code = transformSync(source, { minify: true, target: "es2019" }).code.trim();
  return { code, source: hashSource(code) };
}

/** The stylesheet as index.html inlines it: style/main.css (which trunk copies unchanged, as
 * `original`) minified by esbuild, whose comments are for its editors; and its CSP source. */
export function inlineStyle() {
  const original = readFileSync(STYLE, "utf8");
  const css = transformSync(original, { loader: "css", minify: true }).code.trim();
  return { css, original, source: hashSource(css) };
}

export { pagePolicy } from "./page-policy.mjs";

/** Whether `policy`'s `directive` lists `source`. */
export function allows(policy, directive, source) {
  return policy.split("; ").some((part) => {
    const [name, ...sources] = part.split(" ");
    return name === directive && sources.includes(source);
  });
}

/** `policy` with `directive`'s hash source replaced by `source`, right after its `'self'` (each
 * directive allows one inline block). */
export function withHash(policy, directive, source) {
  let found = false;
  const next = policy
    .split("; ")
    .map((part) => {
      const [name, ...sources] = part.split(" ");
      if (name !== directive) return part;
      found = true;
      const kept = sources.filter((s) => !s.startsWith("'sha256-"));
      kept.splice(kept.indexOf("'self'") + 1, 0, source);
      return [name, ...kept].join(" ");
    })
    .join("; ");
  if (!found) throw new Error(`csp: the policy has no ${directive}: ${policy}`);
  return next;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes("--write")) {
  const script = firstViewScript().source;
  const style = inlineStyle().source;
  for (const file of POLICY_FILES) {
    const text = readFileSync(file, "utf8");
    // The policy is the one double-quoted string that starts with default-src.
    const next = text.replace(/"(default-src [^"]+)"/g, (_, policy) => `"${withHash(withHash(policy, "script-src", script), "style-src", style)}"`);
    if (next === text) console.log(`csp: ${fileURLToPath(file)} already allows both`);
    else {
      writeFileSync(file, next);
      console.log(`csp: wrote ${script} (script) and ${style} (style) into ${fileURLToPath(file)}`);
    }
  }
}
