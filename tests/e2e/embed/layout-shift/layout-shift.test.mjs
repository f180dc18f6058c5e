// The widget replaces its fallback without moving anything on the page: cumulative layout
// shift, measured by the browser, is 0 on the demo pages on a desktop and a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, BASE_URL } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// Known defect (issue 20, item 8; seen 3 December 2026 with Debian's Chromium 148): on a phone
// the pathway adds its switch, finder and "we are here" above the steps its fallback already
// shows, so where the list starts inside the first screen (the demo page at 390 px: its top
// 40 px) it moves down, CLS 0.029. The fix is a fallback that already holds those controls'
// room (rendered with the page, shown only where scripting is on); until then this case runs
// and reports its shift as a to-do, not a pass.
const KNOWN = new Map([['/index.html 390', 'pathway controls added above a list already on screen (issue 20, item 8)']]);

for (const path of ['/index.html', '/progress.html']) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const todo = KNOWN.get(`${path} ${viewport.width}`);
    test(`CLS is 0 on ${path} at ${viewport.width}×${viewport.height}`, todo ? { todo } : {}, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.layoutShifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.layoutShifts.push({ value: entry.value, sources: entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80)) });
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(new URL(path, BASE_URL).href);
      await page.waitForSelector('[data-sp-state="ready"]', { timeout: 15000 });
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => window.layoutShifts);
      const cls = shifts.reduce((sum, s) => sum + s.value, 0);
      assert.equal(cls, 0, JSON.stringify(shifts, null, 1));
      await context.close();
    });
  }
}
