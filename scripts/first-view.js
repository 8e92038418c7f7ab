// Inlined into index.html's <head> (minified by scripts/prerender.mjs, allowed by its hash in the
// CSP). Three jobs, the first two before anything else the page loads:
//
// 1. Before first paint, which view's pre-rendered first screen this link may show: its own for
//    `?view=…` alone (plus `theme=`), none for any other link, none in an embed; the theme; and
//    the filter column and the table's first rows held back until that paint.
//
// 2. Until the app is there, the first screen's view tabs and theme button: each canonical
//    view's drawings (light and dark) and words are in the page, so a tab shows its view and the
//    button the other theme, each changing the link as the app's controls do (back and forward
//    too); the app, starting, shows what the link names. Any other button's click is kept for
//    the app to carry out when it has taken over.
//
// 3. After the first screen has painted, the scripts. index.html names them with inert
//    `<script type="text/x-after-paint">` tags (the browser fetches no script of an unknown
//    type); this turns each into a live one, in document order. Requested at parse time, as
//    `defer` scripts were, their downloads overlapped the HTML's and stylesheet's and their
//    evaluation came ahead of the first frame: on a slow phone connection the first screen
//    waited for bytes it does not need. Classic scripts keep their order (`async = false`);
//    ECharts' outcome is published as the promise `window.echartsLoad`, which the wasm loader
//    awaits before it starts the app (scripts/externalize-loader.mjs).
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var embed = query.has("embed");
  // Which first screen a link may show: its view's for `?view=…` alone (plus `theme=`).
  function staticView(search) {
    var view = "overview";
    var other = false;
    new URLSearchParams(search).forEach(function (value, key) {
      if (key === "view") view = value;
      else if (key !== "theme") other = true;
    });
    return other || !/^[a-z]+$/.test(view) ? "none" : view;
  }
  function themeOf(search) {
    var asked = new URLSearchParams(search).get("theme");
    return asked === "dark" || asked === "light" ? asked : matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function showTheme(next) {
    if (root.getAttribute("data-theme") === next) return;
    root.setAttribute("data-theme", next);
    // The default view's early live chart (scripts/early-chart.js) was drawn in the other
    // theme's colours: it gives way to the drawing in this one, and the app draws its own.
    var early = document.querySelector("#boot .early-chart[data-drawn]");
    var chart = early && window.echarts && window.echarts.getInstanceByDom(early);
    if (chart) chart.dispose();
    if (early) {
      early.removeAttribute("data-drawn");
      early.closest(".static-chart-frame").classList.remove("live");
    }
  }
  function showView(view) {
    root.setAttribute("data-static-view", view);
    var tabs = document.querySelectorAll("#boot [data-static-tab]");
    for (var i = 0; i < tabs.length; i++) {
      if (tabs[i].getAttribute("data-static-tab") === view) tabs[i].setAttribute("aria-current", "page");
      else tabs[i].removeAttribute("aria-current");
    }
  }
  root.setAttribute("data-static-view", embed ? "embed" : staticView(location.search));
  document.addEventListener("DOMContentLoaded", function () {
    if (!embed) showView(root.getAttribute("data-static-view"));
  });
  function go(next) {
    var search = next.toString();
    history.pushState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }
  // A control this script cannot answer (the dialogs, the share menu, the table's sorting and
  // paging; a view tab on a link with filters) names the app's own in `data-static-action`
  // (or `data-static-tab`, the app's being `view-…`): the last one clicked is kept in
  // `data-static-pending` on the root, which the app reads once it has taken over and clicks
  // (src/ui/browser.rs), and looks busy until then (a screen reader hears why). A tab or the
  // theme, answered here, drops it.
  function pend(control, testid) {
    var before = document.querySelector("#boot .static-pending");
    if (before) {
      before.classList.remove("static-pending");
      before.removeAttribute("aria-busy");
    }
    var announce = document.querySelector("#boot [data-static-announce]");
    if (announce) announce.textContent = control ? announce.getAttribute("data-say") : "";
    if (!control) return root.removeAttribute("data-static-pending");
    root.setAttribute("data-static-pending", testid);
    control.classList.add("static-pending");
    control.setAttribute("aria-busy", "true");
  }
  // Only the first screen's controls are answered here: the app removes #boot when it takes
  // over, and from then on its own controls and router answer.
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || embed) return;
    var action = target.closest("#boot [data-static-action]");
    if (action) return pend(action, action.getAttribute("data-static-action"));
    var next = new URLSearchParams(location.search);
    var tab = target.closest("#boot [data-static-tab]");
    var view = tab && tab.getAttribute("data-static-tab");
    // Only between views the first screen holds, and not from a link that shows none.
    if (tab && staticView(location.search) !== "none" && document.querySelector('#boot .static-view[data-view="' + view + '"]')) {
      if (view === "overview") next.delete("view");
      else next.set("view", view);
      go(next);
      showView(view);
      pend(null);
    } else if (tab) {
      // A link with filters has no first screen to switch: the app's tab, with them, will.
      pend(tab, "view-" + view);
    } else if (target.closest("#boot .theme-toggle")) {
      var theme = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      next.set("theme", theme);
      go(next);
      showTheme(theme);
      pend(null);
    }
  });
  addEventListener("popstate", function () {
    if (embed || !document.getElementById("boot")) return;
    showView(staticView(location.search));
    showTheme(themeOf(location.search));
  });
  // The filter column and the incident table's first rows wait until the first frame has been
  // painted, and come in the next: more to lay out, paint and raster held that frame back (the
  // rows alone, below the chart, by about 15 ms on a 2-core machine). Without script this never
  // runs, and they are there from the start.
  root.setAttribute("data-first-paint-pending", "");
  root.setAttribute("data-theme", themeOf(location.search));

  var started = false;
  function start() {
    if (started) return;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
      return;
    }
    started = true;
    root.removeAttribute("data-first-paint-pending");
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

  // The first frame with content has been presented once its paint entry is delivered (a
  // requestAnimationFrame callback comes before the frame's pixels). The pre-rendered chart is
  // an image that may paint a frame later: where the first screen shows it, its Element Timing
  // entry is awaited too. A hidden tab paints nothing; a second is the safety net anywhere.
  // An embed shows no first screen (the app draws its frame), so there is no paint to wait for.
  var painted = embed;
  var chartPainted = false;
  function maybeStart() {
    if (!painted || document.readyState === "loading") return;
    var chart = document.querySelector('.static-view[data-view="' + root.getAttribute("data-static-view") + '"] img[elementtiming]');
    if (chart && !chartPainted) return;
    setTimeout(start, 0);
  }
  try {
    new PerformanceObserver(function (list) {
      var entries = list.getEntries();
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].entryType === "paint" && entries[i].name === "first-contentful-paint") painted = true;
        if (entries[i].identifier === "static-chart") chartPainted = true;
      }
      maybeStart();
    }).observe({ entryTypes: ["paint", "element"] });
  } catch (error) {
    painted = chartPainted = true;
  }
  document.addEventListener("DOMContentLoaded", maybeStart);
  if (document.visibilityState === "hidden") painted = chartPainted = true;
  setTimeout(start, 1000);
})();
