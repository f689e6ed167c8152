// The app shell as a person meets it: first visit on a phone, the home-screen install, the
// app opening with no network, and a new version that waits for the person's tap.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PHONE, artifacts, launch, projectRoot, recordPolicyViolations, recordRequests, serveCopy, waitForServiceWorkerControl } from "./harness.mjs";

describe("app shell", () => {
  let server, browser, context, page, requests;

  before(async () => {
    server = await serveCopy();
    browser = await launch();
    context = await browser.newContext(PHONE);
    requests = recordRequests(context);
    await recordPolicyViolations(context);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the first visit shows the name, the purpose and the 12367 hotline, then the app", async () => {
    await page.goto(server.url);
    await assertShellRenders(page);
    const hotline = page.locator('a.hotline[href="tel:12367"]');
    await assert.doesNotReject(hotline.waitFor({ state: "visible" }));
    assert.match(await hotline.innerText(), /12367/);
    await page.screenshot({ path: join(artifacts, "shell-first-visit.png"), fullPage: true });
  });

  test("the static page alone already carries the emergency number", async () => {
    // What a phone on slow 3G paints before any script runs.
    const html = await (await page.request.get(server.url)).text();
    assert.match(html, /href="?tel:12367/);
    assert.match(html, /Passport SOS China/);
  });

  test("a service worker controls the page after one reload", async () => {
    await waitForServiceWorkerControl(page);
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
  });

  test("installing for offline use does not download the WebAssembly a second time", () => {
    const wasm = server.served.filter((line) => line.endsWith("_bg.wasm"));
    assert.equal(wasm.length, 1, `the wasm was served ${wasm.length} times`);
  });

  test("with the network gone, the app still opens and answers a tap", async () => {
    await server.stop();
    await context.setOffline(true);
    try {
      await page.reload();
      await assertShellRenders(page);
      await page.locator(".langmenu").selectOption("zh");
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      assert.equal(await page.locator(".langmenu").inputValue(), "zh");
      // The choice sticks across a reload, still offline.
      await page.reload();
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      await page.screenshot({ path: join(artifacts, "shell-offline-zh.png"), fullPage: true });
    } finally {
      await context.setOffline(false);
      await server.start();
    }
  });

  test("a new build is offered, not forced, and keeps local storage", async () => {
    await page.locator(".langmenu").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const storageBefore = await page.evaluate(() => JSON.stringify({ ...localStorage }));

    // A new build: a changed index.html, run through the same post-build step as Trunk's.
    const index = join(server.dir, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replace("</head>", '<meta name="sos-build" content="second"></head>'));
    execFileSync(process.execPath, [join(projectRoot, "tools/post_build.mjs"), server.dir], { stdio: "ignore" });

    await page.reload();
    const notice = page.locator("#update-ready");
    await notice.waitFor({ state: "visible", timeout: 15000 });
    // Until the tap, the person keeps the version they had.
    assert.equal(await page.locator('meta[name="sos-build"]').count(), 0);

    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: /Reload/ }).click(),
    ]);
    await page.locator('meta[name="sos-build"]').waitFor({ state: "attached" });
    await assertShellRenders(page);
    assert.equal(await page.evaluate(() => JSON.stringify({ ...localStorage })), storageBefore);
    // Old caches go once the new version has taken over.
    await page.waitForFunction(async () => (await caches.keys()).length === 1);
  });

  test("the manifest parses and every icon it names loads", async () => {
    const response = await page.request.get(new URL("manifest.webmanifest", server.url).href);
    assert.equal(response.status(), 200);
    const manifest = JSON.parse(await response.text());
    assert.equal(manifest.display, "standalone");
    assert.ok(manifest.name && manifest.short_name);
    assert.equal(manifest.start_url, "./");
    assert.equal(manifest.scope, "./");
    const purposes = new Set(manifest.icons.map((icon) => icon.purpose));
    assert.ok(purposes.has("maskable"), "a maskable icon");
    for (const size of ["192x192", "512x512"]) {
      assert.ok(manifest.icons.some((icon) => icon.sizes === size && icon.type === "image/png"), `a ${size} PNG icon`);
    }
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, server.url).href);
      assert.equal(image.status(), 200, icon.src);
      const body = await image.body();
      if (icon.type === "image/png") {
        // The PNG header's width and height must be what the manifest promises.
        const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)];
        assert.equal(`${width}x${height}`, icon.sizes, icon.src);
      }
    }
  });

  test("the page carries a strict content security policy and breaks none of it", async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /connect-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
    assert.deepEqual(await page.evaluate(() => window.__policyViolations), []);
  });

  test("no request ever went to another origin", () => {
    const foreign = requests.filter((url) => !url.startsWith(server.origin + "/") && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > 5, "requests were recorded");
  });
});

describe("app shell on an insecure origin", () => {
  test("a phone on http://LAN-address has no service worker and the app still runs", async () => {
    const server = await serveCopy();
    // A name that is not localhost makes plain http an insecure origin, like a LAN address.
    const browser = await launch([`--host-resolver-rules=MAP phone-on-lan.test 127.0.0.1`]);
    try {
      const page = await (await browser.newContext(PHONE)).newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(server.url.replace("127.0.0.1", "phone-on-lan.test"));
      await assertShellRenders(page);
      assert.equal(await page.evaluate(() => "serviceWorker" in navigator), false);
      await page.locator(".langmenu").selectOption("zh");
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      assert.deepEqual(errors, []);
      assert.equal(await page.locator("#app-failed").isVisible(), false);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

async function assertShellRenders(page) {
  await page.locator("h1", { hasText: "Passport SOS China" }).waitFor();
  // The WebAssembly app has mounted: its language switch is there.
  await page.locator(".langmenu").waitFor();
}
