// The app's own Rust on the host (`crypto-heist-explorer <command>`, src/main.rs), for post-build
// steps that need what the app computes: the notes and sources file (details.mjs), oEmbed
// responses (oembed.mjs), static charts (prerender.mjs). Run with `cargo run --offline`, as the trunk hook's environment allows.
import { spawnSync } from "node:child_process";

/** The command's standard output; throws with cargo's error if it fails. */
export function runHostBinary(step, args) {
  // A host build: no std rebuilt for it (route B sets this for the wasm32 build only).
  const env = { ...process.env };
  delete env.CARGO_UNSTABLE_BUILD_STD;
  delete env.CARGO_BUILD_TARGET;
  const run = spawnSync("cargo", ["run", "--offline", "--quiet", "--bin", "crypto-heist-explorer", "--", ...args], {
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${step}: the host binary failed:\n${run.stderr || run.error?.message}`);
  }
  return run.stdout;
}
