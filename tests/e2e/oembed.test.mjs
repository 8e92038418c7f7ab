// oEmbed as a CMS uses it: the page's discovery link, then the response, whose html is the
// embed. The test build is made for https://news.example/graphics/heists/ (Makefile, e2e); the
// response's URLs are re-pointed at the test server to check that the embed it describes works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, serve, ROOT } from "./harness.mjs";

const PUBLIC = "https://news.example/graphics/heists/";
let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(join(ROOT, "target", "test-dist-panic"));
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("the page links its oEmbed response, which describes a working rich embed of the view", async () => {
  const html = await (await fetch(server.url)).text();
  const discovery = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/);
  assert.ok(discovery, "a discovery link in index.html");
  assert.equal(discovery[1], `${PUBLIC}oembed/overview.json`);
  // The link preview's addresses are absolute, as social networks need them.
  assert.ok(html.includes(`<meta property="og:image" content="${PUBLIC}og-image.png">`));
  assert.ok(html.includes(`<meta property="og:url" content="${PUBLIC}">`));
  assert.equal((await fetch(`${server.url}og-image.png`)).status, 200);
  const response = await (await fetch(discovery[1].replace(PUBLIC, server.url))).json();
  assert.equal(response.type, "rich");
  assert.equal(response.version, "1.0");
  assert.equal(response.provider_name, "Crypto Heist Explorer");
  assert.equal(response.title, discovery[2].replace(/&amp;/g, "&"));
  // Each view's own preview image (scripts/prerender.mjs), served beside the page.
  assert.equal(response.thumbnail_url, `${PUBLIC}og/overview.png`);
  assert.deepEqual([response.thumbnail_width, response.thumbnail_height], [1200, 630]);
  const thumbnail = await fetch(response.thumbnail_url.replace(PUBLIC, server.url));
  assert.equal(thumbnail.status, 200);
  assert.equal(thumbnail.headers.get("content-type"), "image/png");
  assert.ok(response.width > 0 && response.height > 0);
  assert.match(response.html, new RegExp(`^<iframe src="${PUBLIC.replace(/\./g, "\\.")}\\?year=[0-9,]+&amp;embed=1"`));
  assert.match(response.html, /<script src="https:\/\/news\.example\/graphics\/heists\/embed\.js" async><\/script>$/);

  // Every chart view has one, and its embed draws.
  for (const view of ["compare", "share", "cumulative", "monthly", "sizes", "category", "vector", "claims"]) {
    const r = await fetch(`${server.url}oembed/${view}.json`);
    assert.equal(r.status, 200, view);
    const other = await r.json();
    assert.match(other.html, new RegExp(`\\?view=${view}&amp;`), view);
    assert.equal(other.thumbnail_url, `${PUBLIC}og/${view}.png`, view);
    assert.equal((await fetch(other.thumbnail_url.replace(PUBLIC, server.url))).status, 200, view);
    // A link to the view discovers its own response, not the default view's.
    const viewHtml = await (await fetch(`${server.url}?view=${view}`)).text();
    const own = viewHtml.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/);
    assert.equal(own?.[1], `${PUBLIC}oembed/${view}.json`, view);
    assert.equal(own[2].replace(/&amp;/g, "&").replace(/&quot;/g, '"'), other.title, view);
    // Its link preview, in absolute addresses.
    assert.match(viewHtml, new RegExp(`<meta property="og:image" content="${PUBLIC.replace(/\./g, "\\.")}og/${view}\\.png">`), view);
    assert.match(viewHtml, new RegExp(`<meta property="og:url" content="${PUBLIC.replace(/\./g, "\\.")}\\?view=${view}">`), view);
  }
  const page = await browser.newPage();
  await page.setContent(response.html.replaceAll(PUBLIC, server.url));
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("[data-testid=chart][data-rendered]");
  assert.equal(await frame.innerText("[data-testid=chart-title]"), response.title.replace(/ — Crypto Heist Explorer$/, ""));
  await page.close();
});
