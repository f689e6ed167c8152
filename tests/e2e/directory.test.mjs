// The directory as a person meets it: the country and the place found by name, the post
// whose district covers the place on the embassy step with a number to tap and its Chinese
// on the counter card, in both languages; and the directory file left out of the first load.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { PHONE, PERMIT_BEIJING, UNKNOWN, checkScreen, hash, servedBrowser, waitForHash, walk } from "./harness.mjs";

const GERMAN_IN_CHENGDU = { ...PERMIT_BEIJING, location: "Chengdu", nationality: { type: "germ", pick: /^Germany/ } };

describe("the directory", () => {
  const it = servedBrowser();

  async function phone(locale = "en-GB") {
    const context = await it.browser.newContext({ ...PHONE, locale });
    const page = await context.newPage();
    // What the page itself asks for (the service worker's precache is not the first load).
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(it.server.url);
    await page.locator("#page-heading").waitFor();
    return { context, page, fetched };
  }

  test("the first screen does not fetch the directory; the first question that needs it does", async () => {
    const { context, page, fetched } = await phone();
    await page.waitForTimeout(500);
    assert.ok(!fetched.some((p) => p.includes("directory-")), `first load fetched: ${fetched.join(", ")}`);
    await walk(page, { document_state: "Lost", urgency: "No" }, { stopAfter: 2 });
    assert.equal(await hash(page), "#/questions/location");
    await page.locator("input[role=combobox]").waitFor();
    assert.ok(fetched.some((p) => /\/directory-[0-9a-f]+\.bin$/.test(p)), "the location question fetched the directory");
    await context.close();
  });

  test("typing 德国, germ or DE finds Germany; nothing found says so", async () => {
    const { context, page } = await phone();
    // Not in play before the passport's state is known: answer the rest first.
    await walk(page, PERMIT_BEIJING, { stopAfter: 9 });
    await page.goto(new URL("#/questions/nationality", page.url()).href);
    const field = page.locator("input[role=combobox]");
    for (const typed of ["德国", "germ", "DE"]) {
      await field.fill(typed);
      await page.locator("[role=option]").first().waitFor();
      assert.match(await page.locator("[role=option]").first().innerText(), /^Germany · 德国 · DE$/, typed);
      assert.equal(await field.getAttribute("aria-expanded"), "true");
    }
    await field.fill("qqqq");
    assert.match(await page.locator("#pick-status").innerText(), /Nothing matches/);
    assert.equal(await page.locator("[role=option]").count(), 0);
    assert.equal(await field.getAttribute("aria-expanded"), "false");
    await field.fill("germ");
    await checkScreen(page, "directory-country-en");
    await context.close();
  });

  test("the place by keyboard: arrow down and Enter take the suggestion and go on", async () => {
    const { context, page } = await phone();
    await walk(page, { document_state: "Lost", urgency: "No" }, { stopAfter: 2 });
    const field = page.locator("input[role=combobox]");
    await field.fill("hangz");
    await field.press("ArrowDown");
    const active = await field.getAttribute("aria-activedescendant");
    assert.equal(await page.locator(`#${active}`).getAttribute("aria-selected"), "true");
    assert.match(await page.locator(`#${active}`).innerText(), /^Hangzhou · 杭州 — Zhejiang$/);
    await field.press("Enter");
    await page.waitForFunction(() => location.hash !== "#/questions/location");
    // Back on the question, the answer is named.
    await page.goto(new URL("#/questions/location", page.url()).href);
    assert.match(await page.locator(".chosen").innerText(), /Your answer: Hangzhou · 杭州 — Zhejiang/);
    await context.close();
  });

  for (const [locale, name, heading] of [
    ["en-GB", "Consulate General of the Federal Republic of Germany in Chengdu", "Your embassy or consulate"],
    ["zh-CN", "德国驻成都总领事馆", "您本国的使领馆"],
  ]) {
    test(`${locale}: a German in Chengdu gets the Chengdu consulate, its number to tap and its Chinese on the card`, async () => {
      const { context, page } = await phone(locale);
      await walk(page, locale === "zh-CN" ? GERMAN_IN_CHENGDU_ZH : GERMAN_IN_CHENGDU);
      await page.goto(new URL("#/plan/step.contact_embassy", page.url()).href);
      const post = page.locator(".embassy .post");
      await post.waitFor();
      assert.equal(await page.locator(".embassy h3, .embassy h4").first().innerText(), heading);
      assert.equal(await post.count(), 1, "one post: the one whose district covers Sichuan");
      assert.match(await post.innerText(), new RegExp(name));
      assert.match(await post.innerText(), locale === "zh-CN" ? /四川/ : /Sichuan/);
      assert.ok(await post.locator('a[href="tel:02885280800"]').isVisible(), "the consulate's number is a tel: link");
      await checkScreen(page, `directory-embassy-${locale}`);
      await page.goto(new URL("#/card/step.contact_embassy", page.url()).href);
      await waitForHash(page, "#/card/step.contact_embassy");
      const card = page.locator(".card-place").first();
      assert.match(await card.locator("[lang=zh-Hans]").first().innerText(), /德国驻成都总领事馆/);
      await checkScreen(page, `directory-card-${locale}`);
      await context.close();
    });
  }

  test("a Japanese in Chengdu: the Chongqing consulate (Japan has no post in Chengdu), its Chinese address on the card", async () => {
    const { context, page } = await phone();
    await walk(page, { ...GERMAN_IN_CHENGDU, nationality: { type: "japan", pick: /^Japan/ } });
    await page.goto(new URL("#/card/step.contact_embassy", page.url()).href);
    const card = page.locator(".card-place").first();
    await card.waitFor();
    assert.match(await card.innerText(), /Consulate-General of Japan in Chongqing/);
    assert.match(await card.locator(".card-zh-mid[lang=zh-Hans]").nth(1).innerText(), /渝中区民族路188号/);
    assert.ok(await card.locator('a[href="tel:02363733585"]').isVisible());
    await checkScreen(page, "directory-card-japan-chengdu");
    await context.close();
  });

  test("no country chosen: the step asks for it, and a country with no data says how to find its embassy", async () => {
    const { context, page } = await phone();
    await walk(page, { ...PERMIT_BEIJING, nationality: UNKNOWN });
    await page.goto(new URL("#/plan/step.contact_embassy", page.url()).href);
    await page.locator(".embassy").waitFor();
    assert.ok(await page.locator(".embassy").getByRole("link", { name: "Choose your country" }).isVisible());
    await page.locator(".embassy").getByRole("link", { name: "Choose your country" }).click();
    await waitForHash(page, "#/questions/nationality");
    await page.locator("input[role=combobox]").fill("norw");
    await page.getByRole("option", { name: /^Norway/ }).click();
    await page.goto(new URL("#/plan/step.contact_embassy", page.url()).href);
    assert.match(await page.locator(".embassy").innerText(), /no details of the embassy of Norway yet\. Call 12367/);
    await context.close();
  });
});

const GERMAN_IN_CHENGDU_ZH = {
  document_state: "丢失",
  urgency: "不紧急",
  location: "成都",
  age_16_plus: "是",
  loss_report: "还没有报失",
  embassy_contact: "是",
  embassy_answer: "无法在中国签发任何护照或旅行证件",
  stay_document: "持中国签证（旅游、商务、探亲等）",
  exit_bar: "都没有",
  nationality: { type: "德国", pick: /^德国/ },
};
