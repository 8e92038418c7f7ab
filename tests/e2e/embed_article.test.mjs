// Our embed on a newsroom's article page: another origin, with its own strict CSP, loading
// embed.js before the frames, after them or seconds late, inserting frames later, lazy frames,
// a sandboxed frame, and frames with no script at all. Each frame's height is checked against
// its content, with the source line and credit in view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { launch, serve } from "./harness.mjs";

let browser, app, article, pages = new Map();
before(async () => {
  browser = await launch();
  app = await serve();
  // The article host: its own origin (another port) and its own CSP, which allows our frames
  // and our script and nothing else of ours.
  article = createServer((req, res) => {
    const body = pages.get(new URL(req.url, "http://x").pathname);
    if (body === undefined) return res.writeHead(404).end();
    const type = req.url.endsWith(".js") ? "text/javascript" : req.url.endsWith(".css") ? "text/css" : "text/html; charset=utf-8";
    res.writeHead(200, {
      "content-type": type,
      "content-security-policy": `default-src 'self'; script-src 'self' ${app.origin}; frame-src ${app.origin}; style-src 'self'; img-src 'self'`,
    });
    res.end(body);
  });
  await new Promise((done) => article.listen(0, "127.0.0.1", done));
});
after(async () => {
  await browser?.close();
  app?.close();
  article?.close();
});

const articleUrl = (path) => `http://127.0.0.1:${article.address().port}${path}`;
const frameHtml = (id, extra = "", height = 400) =>
  `<iframe id="${id}" src="${app.url}?view=compare&amp;year=2023,2024&amp;embed=1" title="Embedded chart ${id}" width="100%" height="${height}" frameborder="0" data-heist-embed ${extra}></iframe>`;

function publish(path, { head = "", body }) {
  pages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="stylesheet" href="/article.css">${head}</head><body><article><h1>A story</h1><p>Text before the chart.</p>${body}<p>Text after.</p></article></body></html>`);
  return articleUrl(path);
}
pages.set("/article.css", "article { max-width: 680px; margin: 0 auto; } .spacer { height: 2400px; }");

/** Waits until the chart inside `frame` is drawn, then until the iframe is as tall as the page
 * inside it; returns both heights. */
async function sized(page, id) {
  const element = await page.waitForSelector(`#${id}`);
  const frame = await element.contentFrame();
  await frame.waitForSelector("[data-testid=chart][data-rendered]");
  let last;
  for (let i = 0; i < 100; i++) {
    const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    last = { outer, inner };
    if (Math.abs(outer - inner) <= 1 && inner > 400) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`#${id} never matched its content: ${JSON.stringify(last)}`);
}

/** The source line and the "Explore the data" credit are inside the frame's viewport. */
async function creditInView(page, id) {
  const frame = await (await page.$(`#${id}`)).contentFrame();
  const seen = await frame.evaluate(() => {
    const inView = (sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return !!r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 1;
    };
    return {
      title: inView("[data-testid=chart-title]"),
      source: inView("[data-testid=source-line]"),
      credit: inView("[data-testid=explore-link]"),
      scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
    };
  });
  assert.deepEqual(seen, { title: true, source: true, credit: true, scrolls: false }, id);
}

async function open(url, viewport = { width: 900, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const csp = [];
  page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
  await page.goto(url);
  return { context, page, csp };
}

for (const [name, head, tail] of [
  ["embed.js before the frames", () => `<script src="${app.url}embed.js"></script>`, () => ""],
  ["embed.js after the frames", () => "", () => `<script src="${app.url}embed.js" async></script>`],
]) {
  test(`${name}: every frame grows to its content`, async () => {
    const url = publish(`/${name.replace(/\W+/g, "-")}.html`, {
      head: head(),
      body: `${frameHtml("a")}<p>Between.</p>${frameHtml("b", 'sandbox="allow-scripts allow-popups"')}${tail()}`,
    });
    const { context, page, csp } = await open(url);
    for (const id of ["a", "b"]) {
      await sized(page, id);
      await creditInView(page, id);
    }
    assert.deepEqual(csp, []);
    await context.close();
  });
}

test("embed.js arriving 3 s after the frames still sizes them", async () => {
  pages.set("/late.js", `setTimeout(function () { var s = document.createElement("script"); s.src = ${JSON.stringify(`${app.url}embed.js`)}; document.head.appendChild(s); }, 3000);`);
  const url = publish("/late.html", { body: `${frameHtml("a")}${frameHtml("b", 'sandbox="allow-scripts allow-popups"')}<script src="/late.js"></script>` });
  const { context, page } = await open(url);
  const frame = await (await page.$("#a")).contentFrame();
  await frame.waitForSelector("[data-testid=chart][data-rendered]");
  // Before the script: the frames keep the snippet's height and fit their content to it.
  assert.equal(await page.evaluate(() => window.__heistEmbed), undefined, "the script has not run yet");
  assert.equal(await page.$eval("#a", (f) => f.getBoundingClientRect().height), 400);
  await creditInView(page, "a");
  await page.waitForFunction(() => window.__heistEmbed === true, null, { timeout: 10_000 });
  for (const id of ["a", "b"]) {
    await sized(page, id);
    await creditInView(page, id);
  }
  await context.close();
});

test("a frame inserted after embed.js ran, and a lazy frame scrolled into view, are sized", async () => {
  const url = publish("/later.html", {
    head: `<script src="${app.url}embed.js"></script>`,
    body: `${frameHtml("a")}<div class="spacer"></div>${frameHtml("lazy", 'loading="lazy"')}`,
  });
  const { context, page } = await open(url);
  await sized(page, "a");
  await page.evaluate((html) => document.querySelector("article").insertAdjacentHTML("afterbegin", html), frameHtml("inserted"));
  await sized(page, "inserted");
  await page.$eval("#lazy", (f) => f.scrollIntoView());
  await sized(page, "lazy");
  await creditInView(page, "lazy");
  // A reload inside a frame is sized again.
  const frame = await (await page.$("#a")).contentFrame();
  await frame.evaluate(() => location.reload());
  await sized(page, "a");
  await context.close();
});

for (const [width, height] of [[320, 400], [360, 480], [768, 600]]) {
  test(`no script, a ${width}×${height} frame: the embed fits it, title, source and credit in view, nothing scrolls`, async () => {
    const url = publish(`/fixed-${width}.html`, {
      body: `<iframe id="fixed" src="${app.url}?view=compare&amp;year=2023,2024&amp;embed=1" title="Embedded chart" width="${width}" height="${height}" frameborder="0"></iframe>`,
    });
    const { context, page } = await open(url, { width: Math.max(width + 40, 400), height: height + 200 });
    const frame = await (await page.$("#fixed")).contentFrame();
    await frame.waitForSelector("[data-testid=chart][data-rendered]");
    const chart = await frame.$eval("[data-testid=chart]", (c) => c.getBoundingClientRect().height);
    assert.ok(chart >= 120, `the chart keeps a readable height: ${chart}px`);
    await creditInView(page, "fixed");
    await context.close();
  });
}
