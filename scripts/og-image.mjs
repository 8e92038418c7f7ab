// Renders public/og-image.png, the preview image of shared links and of the newsletter embed
// code: the default view in embed mode, fitted to 1200 × 630 (the page lays itself out to the
// frame it is given), from the built dist/. Records the data version it shows in
// public/og-image.json; a host test fails when that is not the data the app compiles in, so a
// preview never shows numbers the data no longer supports.   make og-image
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, ROOT } from "../tests/e2e/harness.mjs";

const browser = await launch();
const app = await serve();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.goto(`${app.url}?embed=1&theme=light`);
  await page.waitForSelector("[data-testid=chart][data-rendered]");
  // The chart is drawn without animation; one more frame lets the last layout settle.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(ROOT, "public", "og-image.png") });
  const version = await page.evaluate(() => document.documentElement.dataset.version);
  const title = await page.innerText("[data-testid=chart-title]");
  writeFileSync(join(ROOT, "public", "og-image.json"), JSON.stringify({ data_version: version, view: "?embed=1&theme=light", title }, null, 2) + "\n");
  console.log(`og-image: public/og-image.png for data version ${version}: “${title}”`);
} finally {
  await browser.close();
  app.close();
}
