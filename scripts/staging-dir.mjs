// The folder trunk is building the site in (TRUNK_STAGING_DIR), for the post-build steps
// (scripts/post-build.mjs runs them): each rewrites or adds files there before trunk moves it
// to dist/. Run by hand, a step stops here with a message instead of writing somewhere else.
export function stagingDir(step) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`${step}: TRUNK_STAGING_DIR is not set (run as a trunk hook)`);
    process.exit(1);
  }
  return dir;
}
