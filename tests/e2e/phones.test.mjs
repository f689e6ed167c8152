// The phones people really have in China: an app's own browser (WeChat…), a WebView without
// WebAssembly, script turned off. Each must still give the person 12367 and what to do first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { checkScreen, servedBrowser, PHONE, artifacts } from "./harness.mjs";

const CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const WECHAT_ANDROID = "Mozilla/5.0 (Linux; Android 10; V2001A Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5061 MMWEBSDK/20230504 MMWEBID/1234 MicroMessenger/8.0.37.2380(0x2800255B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
const WECHAT_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN";
const QQ_BROWSER = "Mozilla/5.0 (Linux; U; Android 10; zh-cn; V2001A Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.72 MQQBrowser/13.0 Mobile Safari/537.36";

const axe = (page, name) => checkScreen(page, `phones-${name}`);

describe("phones in China", () => {
  const served = servedBrowser();

  async function open(options, init) {
    const context = await served.browser.newContext({ ...PHONE, ...options });
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    await page.goto(served.server.url);
    return { context, page };
  }

  for (const [name, ua] of [["wechat-android", WECHAT_ANDROID], ["wechat-ios", WECHAT_IOS]]) {
    test(`inside WeChat (${name}) the first screen says how to open the phone's own browser`, async () => {
      const { context, page } = await open({ userAgent: ua, locale: "zh-CN" });
      try {
        const notice = page.locator("#inapp");
        await notice.waitFor({ state: "visible" });
        assert.match(await notice.innerText(), /在浏览器打开/);
        // The essentials stay: the app itself still runs here, and 12367 stays on top.
        await page.locator("#page-heading").waitFor();
        assert.ok(await page.locator('a[href="tel:12367"]').first().isVisible());
        await axe(page, `inapp-${name}-zh`);
        await page.locator(".langmenu").selectOption("en");
        await page.waitForFunction(() => document.documentElement.lang === "en");
        assert.match(await notice.innerText(), /Open in Browser[\s\S]*Open in Safari/);
        await axe(page, `inapp-${name}-en`);
        // Away from the first screen the notice gives the room back.
        await page.goto(new URL("#/sources", served.server.url).href);
        await page.locator("#page-heading").waitFor();
        assert.equal(await notice.isVisible(), false);
      } finally {
        await context.close();
      }
    });
  }

  for (const [name, ua] of [["chrome", CHROME_ANDROID], ["qq-browser", QQ_BROWSER]]) {
    test(`in a real browser (${name}) there is no in-app notice`, async () => {
      const { context, page } = await open({ userAgent: ua, locale: "en-GB" });
      try {
        await page.locator("#page-heading").waitFor();
        assert.equal(await page.locator("#inapp").isVisible(), false);
        assert.equal(await page.locator("#essentials").isVisible(), false);
      } finally {
        await context.close();
      }
    });
  }

  test("without WebAssembly the page shows the essentials in English and Chinese, 12367 as a link", async () => {
    const { context, page } = await open({ locale: "en-GB" }, () => {
      delete window.WebAssembly;
    });
    try {
      const essentials = page.locator("#essentials");
      await essentials.waitFor({ state: "visible" });
      const text = await essentials.innerText();
      assert.match(text, /Report the loss[\s\S]*Ask your embassy[\s\S]*Call 12367 before changing any plans/);
      assert.match(text, /报失并开具护照报失证明[\s\S]*联系本国使领馆/);
      assert.match(text, /closed or slow embassy is probably not enough/);
      assert.match(text, /cannot run in this browser/);
      assert.ok((await essentials.locator('a[href="tel:12367"]').count()) >= 2, "12367 as a link in each language");
      assert.ok(await page.locator("#app-failed").isVisible());
      await axe(page, "no-wasm");
    } finally {
      await context.close();
    }
  });

  // The person's own language first, its Chinese under it for whoever helps at the desk.
  for (const [locale, own, heading] of [
    ["ko-KR", /분실 신고를 하고 분실 신고 증명서를 받으세요[\s\S]*계획을 바꾸기 전에 12367에 전화하세요/, "안내가 열리지 않을 때"],
    ["ja-JP", /紛失を届け出て紛失証明を受け取る[\s\S]*予定を変更する前に12367に電話する/, "ガイドが開かない場合"],
    ["ru-RU", /Заявите об утрате и получите справку об утрате[\s\S]*Позвоните по номеру 12367, прежде чем менять планы/, "Если справочник не открывается"],
  ]) {
    test(`without WebAssembly in a ${locale} browser the essentials are in that language and Chinese`, async () => {
      const { context, page } = await open({ locale }, () => {
        delete window.WebAssembly;
      });
      try {
        const essentials = page.locator("#essentials");
        await essentials.waitFor({ state: "visible" });
        const text = await essentials.innerText();
        assert.match(text, own);
        assert.ok(text.includes(heading), heading);
        assert.match(text, /报失并开具护照报失证明/);
        assert.doesNotMatch(text, /Report the loss/, "no English beside them");
        assert.equal(await essentials.locator('a[href="tel:12367"]').locator("visible=true").count(), 2, "12367 in each shown language");
        assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
        await page.screenshot({ path: join(artifacts, `phones-no-wasm-${locale}.png`), fullPage: true });
        await axe(page, `no-wasm-${locale}`);
      } finally {
        await context.close();
      }
    });
  }

  test("with script turned off the page shows the essentials and 12367", async () => {
    const { context, page } = await open({ javaScriptEnabled: false, locale: "en-GB" });
    try {
      const essentials = page.locator("#essentials");
      await essentials.waitFor({ state: "visible" });
      assert.match(await essentials.innerText(), /Report the loss[\s\S]*报失/);
      assert.ok((await essentials.locator('a[href="tel:12367"]').count()) >= 2);
      await page.screenshot({ path: join(artifacts, "phones-no-script.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
