// Inlined into index.html's <head> (minified by scripts/prerender.mjs, allowed by its hash in the
// CSP). Two jobs, both before anything else the page loads:
//
// 1. Before first paint, which view's pre-rendered first screen this link may show: its own for
//    `?view=…` alone (plus `theme=`), none for any other link, none in an embed; and the theme.
//
// 2. Once the first screen's frame has been produced, the scripts. index.html names them with
//    inert `<script type="text/x-after-paint">` tags (the browser fetches no script of an
//    unknown type); this turns each into a live one, in document order. Requested at parse time, as
//    `defer` scripts were, their downloads overlapped the HTML's and stylesheet's and their
//    evaluation came ahead of the first frame: on a slow phone connection the first screen
//    waited for bytes it does not need. Classic scripts keep their order (`async = false`);
//    ECharts' outcome is published as the promise `window.echartsLoad`, which the wasm loader
//    awaits before it starts the app (scripts/externalize-loader.mjs).
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var view = "overview";
  var embed = false;
  var other = false;
  var theme = query.get("theme");
  query.forEach(function (value, key) {
    if (key === "view") view = value;
    else if (key === "embed") embed = true;
    else if (key !== "theme") other = true;
  });
  root.setAttribute("data-static-view", embed ? "embed" : other || !/^[a-z]+$/.test(view) ? "none" : view);
  root.setAttribute(
    "data-theme",
    theme === "dark" || theme === "light" ? theme : matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light",
  );

  var started = false;
  function start() {
    if (started) return;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
      return;
    }
    started = true;
    var settle = {};
    window.echartsLoad = new Promise(function (resolve, reject) {
      settle.resolve = resolve;
      settle.reject = reject;
    });
    // The loader awaits it; this keeps a failure from being reported as unhandled meanwhile.
    window.echartsLoad.catch(function () {});
    var inert = document.querySelectorAll('script[type="text/x-after-paint"]');
    for (var i = 0; i < inert.length; i++) {
      var live = document.createElement("script");
      var id = inert[i].getAttribute("data-id");
      live.src = inert[i].getAttribute("src");
      if (inert[i].getAttribute("data-type") === "module") live.type = "module";
      else live.async = false;
      if (id) live.id = id;
      if (id === "echarts-script") {
        live.onload = settle.resolve;
        live.onerror = function () {
          settle.reject(new Error("echarts.min.js did not load"));
        };
      }
      inert[i].replaceWith(live);
    }
    if (!document.getElementById("echarts-script")) settle.resolve();
  }

  // The scripts go once the first screen's frame has been produced. No frame is rendered
  // before the HTML's stylesheet has applied, so the first requestAnimationFrame callback after
  // the HTML is parsed and the view's drawing has loaded comes in that frame, before its paint,
  // and a task queued from it runs after the frame has gone to the compositor: every byte of
  // the first screen has arrived by then. Waiting instead for the frame to be presented (its
  // paint entry) left the main thread idle while the frame was rastered, and the live chart
  // came that much later (see the README's Performance section). A hidden tab renders no frames, and an
  // embed shows no first screen (the app draws its frame): both start at once. A second is the
  // safety net anywhere.
  function afterFirstFrame() {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  }
  function whenParsed() {
    if (embed || document.visibilityState === "hidden") return start();
    var chart = document.querySelector('.static-view[data-view="' + root.getAttribute("data-static-view") + '"] img[elementtiming]');
    if (!chart || chart.complete) return afterFirstFrame();
    chart.addEventListener("load", afterFirstFrame);
    chart.addEventListener("error", afterFirstFrame);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
  else whenParsed();
  setTimeout(start, 1000);
})();
