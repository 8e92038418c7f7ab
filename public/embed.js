/* Crypto Heist Explorer embed helper (optional). Sets the height of our iframes
 * (<iframe data-heist-embed>) to their content height, whichever loads first: the frames or
 * this script.
 *
 * Protocol, version 1 (README.md, "Embed protocol"):
 * - frame → host: { source: "crypto-heist-explorer", version: 1, height: <px> }, posted when
 *   the frame's height changes and in answer to a request. Accepted only from one of our
 *   iframes' windows and from the origin of that iframe's src (a sandboxed frame without
 *   allow-same-origin has the opaque origin "null").
 * - host → frame: { source: "crypto-heist-explorer", version: 1, type: "request-height" },
 *   sent to each of our frames when this script starts, whenever one of them loads (a late
 *   script, a frame inserted later, a lazy frame scrolled into view, a reload), and after the
 *   first height a frame's page posts. A frame that receives it lays itself out at its natural
 *   height (without this script it fits the frame it is given) and answers with its height. */
(function () {
  "use strict";
  if (window.__heistEmbed) return;
  window.__heistEmbed = true;
  var SOURCE = "crypto-heist-explorer", VERSION = 1, MIN = 120, MAX = 6000;
  var SELECTOR = "iframe[data-heist-embed]";
  // Frames whose current page has been asked after it started posting: a request sent at the
  // frame's load event arrives before the app inside is listening, so the first height a frame
  // posts is answered with a request too.
  var answered = new WeakSet();
  function originOf(frame) {
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return ""; }
  }
  function opaque(frame) {
    return frame.hasAttribute("sandbox") && !frame.sandbox.contains("allow-same-origin");
  }
  function ask(frame) {
    if (!frame.contentWindow) return;
    // An opaque (sandboxed) frame can only be addressed with "*"; the request carries nothing.
    var target = opaque(frame) ? "*" : originOf(frame);
    if (!target || target === "null") target = "*";
    try {
      frame.contentWindow.postMessage({ source: SOURCE, version: VERSION, type: "request-height" }, target);
    } catch (e) { /* a frame still at about:blank has another origin: its load event asks again */ }
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.source !== SOURCE || data.version !== VERSION) return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var expected = opaque(frame) ? "null" : originOf(frame);
      if (event.origin !== expected) return;
      var height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height)));
      frame.style.height = height + "px";
      frame.setAttribute("height", String(height));
      if (!answered.has(frame)) {
        answered.add(frame);
        ask(frame);
      }
      return;
    }
  });
  // load does not bubble; a capturing listener sees every frame's, including frames added later.
  document.addEventListener("load", function (event) {
    var frame = event.target;
    if (frame && frame.matches && frame.matches(SELECTOR)) {
      answered.delete(frame);
      ask(frame);
    }
  }, true);
  var frames = document.querySelectorAll(SELECTOR);
  for (var i = 0; i < frames.length; i++) ask(frames[i]);
})();
