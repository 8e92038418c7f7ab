// Escaping for the markup the build writes (preview cards' SVG, the pages' <head>).

/** Text for HTML or SVG markup, in an element or a double-quoted attribute. */
export const escape = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
