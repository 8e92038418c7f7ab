// Post-build step: writes the incidents' notes and sources, which the app loads after its first
// chart instead of carrying them in the wasm, as data/details-<hash>.json (the hash of its text,
// so hosts cache it like trunk's hashed files). The file comes from the app's own Rust
// (`crypto-heist-explorer details <dir>` on the host), the same build.rs output the wasm names.
import { runHostBinary } from "./host-binary.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("details: TRUNK_STAGING_DIR is not set (run as a trunk hook)");
  process.exit(1);
}
console.log(`details: wrote ${runHostBinary("details", ["details", dir]).trim()}`);
