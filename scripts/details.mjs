// Post-build step: writes the incidents' notes and sources, which the app loads after its first
// chart instead of carrying them in the wasm, as data/details-<hash>.json (the hash of its text,
// so hosts cache it like trunk's hashed files). The file comes from the app's own Rust
// (`crypto-heist-explorer details <dir>` on the host), the same build.rs output the wasm names.
import { runHostBinary } from "./host-binary.mjs";
import { stagingDir } from "./staging-dir.mjs";

const dir = stagingDir("details");
console.log(`details: wrote ${runHostBinary("details", ["details", dir]).trim()}`);
