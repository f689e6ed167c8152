// A first visit from a Korean, a Japanese and a Russian phone: the guide opens in that
// language, walks to the plan in it, and copies, prints, exports and imports in it; its texts
// arrive as their own file, and stay for offline use. axe and a screenshot on every screen.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  PERMIT_BEIJING_IDS,
  PERMIT_STEPS,
  PHONE,
  checkScreen,
  heading,
  launch,
  recordPolicyViolations,
  serveCopy,
  translations,
  waitForHash,
  waitForServiceWorkerControl,
  walkByIds,
} from "./harness.mjs";

const LANGUAGES = [
  // code, browser locale, nationality, a word of the post's own name for that reader
  { code: "ko", locale: "ko-KR", country: "KR", post: "주중국 대한민국 대사관" },
  { code: "ja", locale: "ja-JP", country: "JP", post: "在中国日本国大使館" },
  { code: "ru", locale: "ru-RU", country: "RU", post: "Посольство Российской Федерации" },
];

for (const { code, locale, country, post } of LANGUAGES) {
  describe(`in ${code} (${locale})`, () => {
    const T = translations(code);
    const shot = (page, name) => checkScreen(page, `lang-${code}-${name}`);
    let server, browser, context, page, requests;

    before(async () => {
      server = await serveCopy();
      browser = await launch();
      context = await browser.newContext({ ...PHONE, locale });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
      await recordPolicyViolations(context);
      page = await context.newPage();
      requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(server.url);
      await page.locator("#page-heading").waitFor();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("the first visit opens in the browser's language: page, menu, static screen, manifest", async () => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      assert.equal(await page.locator(".langmenu").inputValue(), code);
      assert.equal(await heading(page), T("ui/msg/StartTitle"));
      const masthead = await page.locator(".masthead").innerText();
      assert.ok(masthead.includes(T("ui/msg/StaticPurpose")), "the purpose, in the static screen");
      assert.ok(masthead.includes(T("ui/msg/StaticHotline")), "12367's label, in the static screen");
      assert.doesNotMatch(masthead, /This guide shows what to do/, "no English purpose beside it");
      const href = await page.locator("link[rel=manifest]").getAttribute("href");
      assert.equal(href, `manifest-${code}.webmanifest`);
      const manifest = JSON.parse(await page.evaluate((u) => fetch(u).then((r) => r.text()), href));
      assert.equal(manifest.name, T("ui/msg/AppName"));
      assert.equal(manifest.lang, code);
      // Its texts came as a file of their own, named by their hash; the page asked for no other
      // language's (the service worker keeps them all for offline, after the first screen).
      assert.ok(requests.some((u) => new RegExp(`/lang-${code}-[0-9a-f]{16}\\.bin$`).test(u)), "its language file was fetched");
      for (const other of ["ko", "ja", "ru"].filter((c) => c !== code)) {
        assert.ok(!requests.some((u) => u.includes(`/lang-${other}-`)), `${other} was not fetched`);
      }
      await shot(page, "start");
    });

    test("a whole walk to the plan, in order, every title in the language", async () => {
      await walkByIds(page, { ...PERMIT_BEIJING_IDS, nationality: { country } }, { shot: (id) => shot(page, `q-${id}`) });
      assert.equal(await heading(page), T("ui/msg/PlanTitle"));
      const ids = await page.locator("article.step").evaluateAll((els) => els.map((e) => e.id.replace(/^step-/, "")));
      assert.deepEqual(ids, PERMIT_STEPS);
      for (const id of ids) {
        const title = await page.locator(`#step-${id.replace(".", "\\.")} h3`).innerText();
        assert.equal(title.trim(), T(`steps/step/${id}/title`), id);
      }
      // The embassy by the name it gives itself in the reader's language.
      const embassy = page.locator("#step-step\\.contact_embassy");
      await embassy.locator("details.more > summary").click();
      assert.ok((await embassy.innerText()).includes(post), post);
      await shot(page, "plan");
    });

    test("the counter card stays in Chinese, its meaning in the language", async () => {
      await page.locator("#step-step\\.report_loss").getByRole("link", { name: T("ui/msg/ShowCard") }).click();
      await waitForHash(page, "#/card/step.report_loss");
      assert.match(await page.locator(".card-zh").innerText(), /我的护照丢失了/);
      const card = await page.locator(".card").textContent();
      assert.ok(card.includes(T("ui/msg/CardMeaning")), "the label");
      const meaning = page.locator(`.card > p.card-en[lang="${code}"]`);
      assert.equal(await meaning.count(), 1, "the sentence's meaning in the reader's language");
      assert.ok((await meaning.innerText()).length > 10);
      await shot(page, "card");
      await page.getByRole("link", { name: T("ui/msg/CardClose") }).click();
      await waitForHash(page, "#/plan/step.report_loss");
    });

    test("copy and print the plan in the language", async () => {
      await page.goto(new URL("#/plan", page.url()).href);
      await page.getByRole("button", { name: T("ui/msg/CopyPlan") }).click();
      await page.getByText(T("ui/msg/Copied")).waitFor();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.includes(T("routes/route/route.permit/title")), "the route");
      assert.ok(text.includes(`1. [ ] ${T("steps/step/step.report_loss/title")}`), "the first step");
      assert.ok(text.includes(`${T("ui/msg/PlanTitle")}`));
      assert.doesNotMatch(text, /Report the loss|Your answers/, "no English left in it");
      // Printing opens every fold, in the language shown.
      await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
      assert.equal(await page.locator("details.more:not([open])").count(), 0);
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: `artifacts/e2e/lang-${code}-print.png`, fullPage: true });
      await page.emulateMedia({ media: "screen" });
      await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    });

    test("export to a file and import it back, in the language", async () => {
      await page.locator("#done-step\\.report_loss").check();
      await page.goto(new URL("#/settings", page.url()).href);
      await shot(page, "settings");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: T("ui/msg/ExportButton") }).click(),
      ]);
      const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
      assert.equal(saved.answers.document_state, "lost");
      await page.getByRole("button", { name: T("ui/msg/EraseButton") }).click();
      await page.getByRole("button", { name: T("ui/msg/EraseConfirm") }).click();
      // A file that is not ours: refused in the language, nothing changed.
      await page.locator("#import-file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"a":1}') });
      await page.getByText(T("ui/msg/ImportNotAProgressFile")).waitFor();
      await page.locator("#import-file").setInputFiles(await download.path());
      await page.locator("table.compare").waitFor();
      await page.getByRole("button", { name: T("ui/msg/ImportConfirm") }).click();
      await page.getByText(T("ui/msg/Imported")).waitFor();
      await page.goto(new URL("#/plan", page.url()).href);
      assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    });

    test("offline, the app opens in the language from the phone's cache", async () => {
      await waitForServiceWorkerControl(page);
      await server.stop();
      await context.setOffline(true);
      try {
        await page.goto(new URL("#/plan", page.url()).href);
        await page.reload();
        await page.locator("#page-heading").waitFor();
        assert.equal(await heading(page), T("ui/msg/PlanTitle"));
        assert.equal(await page.evaluate(() => document.documentElement.lang), code);
        const first = await page.locator("#step-step\\.report_loss h3").innerText();
        assert.equal(first.trim(), T("steps/step/step.report_loss/title"));
      } finally {
        await context.setOffline(false);
        await server.start();
      }
    });

    test("switching language is one choice away and keeps every answer", async () => {
      await page.locator(".langmenu").selectOption("en");
      await page.waitForFunction(() => document.documentElement.lang === "en");
      assert.equal(await heading(page), "Your plan");
      await page.locator(".langmenu").selectOption(code);
      await page.waitForFunction((c) => document.documentElement.lang === c, code);
      assert.equal(await heading(page), T("ui/msg/PlanTitle"));
      assert.equal(await page.locator("article.step").count(), PERMIT_STEPS.length);
      assert.deepEqual(await page.evaluate(() => window.__policyViolations), [], "no content policy violated");
    });
  });
}
