/* Crypto Heist Explorer embed helper (optional). Sets the height of our iframes
 * (<iframe data-heist-embed>) to their content height. Accepts a message only if it comes
 * from one of those iframes' windows and from the origin of that iframe's src (a sandboxed
 * frame without allow-same-origin has the opaque origin "null"). Protocol:
 * { source: "crypto-heist-explorer", version: 1, height: <px> }. */
(function () {
  "use strict";
  if (window.__heistEmbed) return;
  window.__heistEmbed = true;
  var MIN = 120, MAX = 6000;
  function originOf(frame) {
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return ""; }
  }
  function opaque(frame) {
    return frame.hasAttribute("sandbox") && !frame.sandbox.contains("allow-same-origin");
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.source !== "crypto-heist-explorer" || data.version !== 1) return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.querySelectorAll("iframe[data-heist-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var expected = opaque(frame) ? "null" : originOf(frame);
      if (event.origin !== expected) return;
      var height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height)));
      frame.style.height = height + "px";
      frame.setAttribute("height", String(height));
      return;
    }
  });
})();
