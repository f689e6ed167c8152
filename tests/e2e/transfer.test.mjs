// Moving progress between a browser tab and the installed app (on iOS they do not share
// storage), sending the plan, and the browser's promise to keep what is saved.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { checkScreen, servedBrowser, PERMIT_BEIJING, PHONE, artifacts, heading, walk } from "./harness.mjs";

const axe = (page, name) => checkScreen(page, `transfer-${name}`);

// What the home-screen app sees: display-mode standalone.
function standalone() {
  const real = window.matchMedia.bind(window);
  window.matchMedia = (query) =>
    query.includes("display-mode: standalone") ? { matches: true, media: query, addEventListener() {}, removeEventListener() {} } : real(query);
}

describe("moving progress", () => {
  const served = servedBrowser();

  async function open(init, locale = "en-GB") {
    const context = await served.browser.newContext({ ...PHONE, locale });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.server.origin });
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    await page.goto(served.server.url);
    await page.locator("#page-heading").waitFor();
    return { context, page };
  }

  test("a code copied in the browser restores answers, ticks and notes in the installed app; a damaged one changes nothing", async () => {
    // The browser tab: a walk, a tick, a checklist item and a note.
    const tab = await open();
    let code;
    try {
      await walk(tab.page, PERMIT_BEIJING);
      await tab.page.locator("#done-step\\.report_loss").check();
      await tab.page.goto(new URL("#/plan/step.report_loss", served.server.url).href);
      await tab.page.locator("#bring-step\\.report_loss-bring\\.beijing_photo").check();
      await tab.page.locator("#note-step\\.report_loss").fill("Window 25, ask for Ms Li");
      await tab.page.locator("#note-step\\.report_loss").dispatchEvent("change");
      // Before installing, the start screen offers the code.
      await tab.page.goto(new URL("#/", served.server.url).href);
      await tab.page.locator(".before-install").waitFor();
      await tab.page.locator("#start-transfer-code").click();
      await tab.page.getByText("Transfer code copied.").waitFor();
      code = await tab.page.evaluate(() => navigator.clipboard.readText());
      // Packed by the browser's CompressionStream.
      assert.match(code, /^SOS1-[A-Za-z0-9_-]+$/);
      assert.ok(code.length < 1500, `${code.length} characters`);
      await axe(tab.page, "start-before-install-en");
    } finally {
      await tab.context.close();
    }

    // The installed app: its own, empty storage.
    const app = await open(standalone);
    try {
      const offer = app.page.locator("#transfer-offer");
      await offer.waitFor();
      assert.match(await offer.innerText(), /paste a transfer code/);
      await axe(app.page, "installed-empty-en");
      await offer.getByRole("link", { name: "Bring my progress in" }).click();
      await app.page.locator("#transfer-code").waitFor();
      // A damaged code (a chat cut off its end) is refused, and nothing changes.
      await app.page.locator("#transfer-code").fill(code.slice(0, code.length - 12));
      await app.page.getByRole("button", { name: "Read the code" }).click();
      await app.page.getByText(/transfer code is incomplete or was changed/).waitFor();
      assert.equal(await app.page.locator("table.compare").count(), 0);
      assert.equal(await app.page.evaluate(() => localStorage.getItem("passport-sos")), null);
      await app.page.locator("#transfer-code").fill("hello");
      await app.page.getByRole("button", { name: "Read the code" }).click();
      await app.page.getByText(/not a Passport SOS transfer code/).waitFor();
      // The whole code, broken over lines as a chat may show it.
      await app.page.locator("#transfer-code").fill(code.match(/.{1,40}/g).join("\n"));
      await app.page.getByRole("button", { name: "Read the code" }).click();
      await app.page.locator("table.compare").waitFor();
      await app.page.getByRole("button", { name: "Replace with what is brought in" }).click();
      await app.page.getByText("Your progress was imported.").waitFor();
      await app.page.goto(new URL("#/plan/step.report_loss", served.server.url).href);
      await app.page.locator("#page-heading").waitFor();
      assert.equal(await app.page.locator("#done-step\\.report_loss").isChecked(), true);
      assert.equal(await app.page.locator("#bring-step\\.report_loss-bring\\.beijing_photo").isChecked(), true);
      assert.equal(await app.page.locator("#note-step\\.report_loss").inputValue(), "Window 25, ask for Ms Li");
      await app.page.goto(new URL("#/", served.server.url).href);
      await app.page.locator("#page-heading").waitFor();
      assert.equal(await app.page.locator("#transfer-offer").count(), 0, "no offer once there is progress");
      // The install page knows it is installed.
      await app.page.goto(new URL("#/install", served.server.url).href);
      await app.page.locator("#install-done").waitFor();
    } finally {
      await app.context.close();
    }
  });

  test("a browser without CompressionStream makes a plain code, read anywhere; a packed code there is explained", async () => {
    const noStreams = () => { delete window.CompressionStream; delete window.DecompressionStream; };
    const tab = await open(noStreams);
    let plain;
    try {
      await walk(tab.page, PERMIT_BEIJING);
      await tab.page.goto(new URL("#/settings", served.server.url).href);
      await tab.page.locator("#copy-transfer-code").click();
      await tab.page.getByText("Transfer code copied.").waitFor();
      plain = await tab.page.evaluate(() => navigator.clipboard.readText());
      assert.match(plain, /^SOS0-[A-Za-z0-9_-]+$/);
      // A packed code cannot be unpacked here: said plainly, nothing changes.
      await tab.page.locator("#transfer-code").fill("SOS1-eJyrVkrLz1eyUkpKLFKqBQAdTgQ2");
      await tab.page.getByRole("button", { name: "Read the code" }).click();
      await tab.page.getByText(/cannot unpack this transfer code/).waitFor();
    } finally {
      await tab.context.close();
    }
    const app = await open(standalone);
    try {
      await app.page.goto(new URL("#/settings", served.server.url).href);
      await app.page.locator("#transfer-code").fill(plain);
      await app.page.getByRole("button", { name: "Read the code" }).click();
      await app.page.locator("table.compare").waitFor();
      assert.match(await app.page.locator("table.compare").innerText(), /answers\s+0\s+10/);
    } finally {
      await app.context.close();
    }
  });

  test("the install page gives the taps for each phone, in both languages, and the browser's own prompt when offered", async () => {
    const { context, page } = await open();
    try {
      await page.getByRole("link", { name: "Add the guide to your home screen" }).click();
      assert.equal(await heading(page), "Add the guide to your home screen");
      assert.match(await page.locator("section:has(#install-ios)").innerText(), /Add to Home Screen/);
      assert.match(await page.locator("section:has(#install-china)").innerText(), /Home screen shortcuts/);
      assert.equal(await page.locator("#install-now").count(), 0, "no install button without the browser's prompt");
      // The browser offers its prompt (Chrome on Android): the button appears and uses it.
      await page.evaluate(() => {
        const event = new Event("beforeinstallprompt", { cancelable: true });
        event.prompt = () => { window.__promptShown = true; return Promise.resolve(); };
        window.dispatchEvent(event);
      });
      await page.locator("#install-now").click();
      assert.equal(await page.evaluate(() => window.__promptShown), true);
      await axe(page, "install-en");
      await page.locator(".langmenu").selectOption("zh");
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      assert.match(await page.locator("section:has(#install-china)").innerText(), /桌面快捷方式/);
      await axe(page, "install-zh");
    } finally {
      await context.close();
    }
  });

  test("send my plan uses the share sheet where the browser has one", async () => {
    const { context, page } = await open(() => {
      navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
    });
    try {
      await walk(page, PERMIT_BEIJING);
      await page.locator("#send-plan").click();
      await page.getByText("Sent.").waitFor();
      const shared = await page.evaluate(() => window.__shared);
      assert.match(shared.text, /Apply for the Exit-Entry Permit for Foreigners/);
    } finally {
      await context.close();
    }
    // Without one, there is no send button, and copying stays.
    const plain = await open(() => { delete Navigator.prototype.share; delete navigator.share; });
    try {
      await walk(plain.page, PERMIT_BEIJING);
      assert.equal(await plain.page.locator("#send-plan").count(), 0);
      assert.ok(await plain.page.getByRole("button", { name: "Copy plan as text" }).isVisible());
    } finally {
      await plain.context.close();
    }
  });

  test("once there is progress the browser is asked to keep it, and settings say what it answered", async () => {
    const { context, page } = await open(() => {
      window.__asked = 0;
      Object.defineProperty(navigator, "storage", {
        value: { persisted: () => Promise.resolve(false), persist: () => { window.__asked += 1; return Promise.resolve(true); } },
      });
    });
    try {
      await page.goto(new URL("#/settings", served.server.url).href);
      await page.locator("#persist-status").waitFor();
      assert.match(await page.locator("#persist-status").innerText(), /has not promised/);
      assert.equal(await page.evaluate(() => window.__asked), 0, "not asked before there is progress");
      await walk(page, PERMIT_BEIJING);
      await page.goto(new URL("#/settings", served.server.url).href);
      await page.waitForFunction(() => /agreed to keep/.test(document.querySelector("#persist-status")?.textContent || ""));
      assert.equal(await page.evaluate(() => window.__asked), 1, "asked once");
    } finally {
      await context.close();
    }
  });
});
