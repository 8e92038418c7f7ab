// Reading a page's Content-Security-Policy, on its own so that the Node host (scripts/serve.mjs)
// and the tests read it as the build does without loading esbuild, which scripts/csp.mjs needs to
// hash the minified first-view script.

/** The policy in a page's `<meta http-equiv="Content-Security-Policy">` ("" if it has none). */
export function pagePolicy(html) {
  return html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? "";
}
