// The guide as a person meets it on a phone: the questions to each route, the plan, a step,
// the counter card, the due date, sources and settings, in English and Chinese, kept across
// reloads, and all of it again with the network gone. axe checks every screen.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  AxeBuilder,
  checkScreen as checkAxe,
  PERMIT_BEIJING,
  PERMIT_STEPS,
  PHONE,
  artifacts,
  fresh,
  hash,
  heading,
  launch,
  recordPolicyViolations,
  recordRequests,
  serveCopy,
  waitForHash,
  waitForServiceWorkerControl,
  walk,
} from "./harness.mjs";

const REPLACEMENT_HAIKOU = {
  document_state: "Stolen",
  urgency: "Yes, it is urgent",
  location: "Haikou",
  age_16_plus: "Yes",
  loss_report: "Yes, I have the loss certificate",
  embassy_contact: "Yes",
  embassy_answer: "It can issue a new passport",
  replacement_in_hand: "Not yet",
  stay_document: "With a Chinese visa (tourist, business, family visit…)",
  exit_bar: "None of these",
  nationality: { country: "US" },
};
const UNDETERMINED_SHANGHAI = {
  document_state: "Lost",
  urgency: "No",
  location: "Shanghai",
  age_16_plus: "Yes",
  loss_report: "Not yet",
  embassy_contact: "Not yet",
  stay_document: "With a residence permit (work, study, family)",
  exit_bar: "None of these",
};
const NO_LOSS = { document_state: "I still have it (I'm preparing)", age_16_plus: "Yes", exit_bar: "None of these" };

// The seed article's practical sequence, as the plan must order it for each case (the
// permit's: PERMIT_STEPS).
const REPLACEMENT_URGENT_STEPS = [
  "step.call_12367",
  "step.report_loss",
  "step.contact_embassy",
  "step.get_replacement",
  "step.register_new_passport",
  "step.reissue_chinese_visa",
  "step.exit_formalities",
];
// While the embassy's answer is open: what holds either way, and one step for the rest.
const UNDETERMINED_STEPS = [
  "step.report_loss",
  "step.contact_embassy",
  "step.call_12367",
  "step.next_depends_on_embassy",
  "step.exit_formalities",
];

async function stepIds(page) {
  return page.locator("article.step").evaluateAll((els) => els.map((e) => e.id.replace(/^step-/, "")));
}

const checkScreen = (page, name) => checkAxe(page, `guide-${name}`);

function exercises(label, get) {
  // The whole walk, run online and again offline.
  test(`${label}: Beijing, embassy cannot issue: the permit route, steps in order`, async () => {
    const { page } = get();
    await fresh(page);
    const seen = await walk(page, PERMIT_BEIJING);
    assert.deepEqual(seen, [
      "document_state", "urgency", "location", "age_16_plus", "loss_report",
      "embassy_contact", "embassy_answer", "stay_document", "exit_bar", "nationality",
    ]);
    await page.locator(".route-title").waitFor();
    assert.match(await page.locator(".route-title").innerText(), /Exit-Entry Permit for Foreigners/);
    assert.deepEqual(await stepIds(page), PERMIT_STEPS);
    // Warnings stand above the steps.
    const order = await page.evaluate(() => {
      const w = document.querySelector(".warnings");
      const s = document.querySelector("ol.steps");
      return Boolean(w && s && w.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, "warnings before steps");
    assert.match(await page.locator(".warnings").innerText(), /not automatic/);
    // The embassy's document for the nationality given (DE).
    assert.match(await page.locator("#step-step\\.contact_embassy").innerText(), /Vorläufiger Reisepass/);
    if (label === "online") await checkScreen(page, "plan-permit-en");
  });

  test(`${label}: Haikou, urgent, embassy can reissue: the replacement route, 12367 first`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, REPLACEMENT_HAIKOU);
    assert.match(await page.locator(".route-title").innerText(), /Replacement from your embassy/);
    assert.deepEqual(await stepIds(page), REPLACEMENT_URGENT_STEPS);
    assert.ok(await page.locator('a[href="tel:089868590746"]').count() > 0, "the Haikou consultation line");
    if (label === "online") await checkScreen(page, "plan-replacement-en");
  });

  test(`${label}: embassy not asked yet: undetermined, with what holds and what decides`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, UNDETERMINED_SHANGHAI);
    assert.match(await page.locator(".route-title").innerText(), /Not decided yet/);
    // One plan: only the steps that hold whatever the embassy says, then one step that names
    // what each answer adds. No step of one route is a step of the plan.
    assert.deepEqual(await stepIds(page), UNDETERMINED_STEPS);
    assert.equal(await page.locator("#maybe-heading").count(), 0);
    const next = page.locator("#step-step\\.next_depends_on_embassy");
    const branches = await next.locator(".branch").allInnerTexts();
    assert.equal(branches.length, 2, branches.join(" | "));
    assert.match(branches[0], /can issue you a new passport[\s\S]*Get the new passport[\s\S]*Get your residence permit for the new passport/);
    assert.match(branches[1], /cannot issue you any passport[\s\S]*Prepare the permit application/);
    assert.match(await page.locator(".open").innerText(), /What did your embassy or consulate say\?/);
    if (label === "online") await checkScreen(page, "plan-undetermined-en");
    // Its link leads to the question that is asked now, not to one that does not apply yet.
    await page.locator(".open-questions").getByRole("link", { name: "What did your embassy or consulate say?" }).click();
    await waitForHash(page, "#/questions/embassy_contact");
  });

  test(`${label}: passport still in hand: the no-loss route`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, NO_LOSS);
    assert.match(await page.locator(".route-title").innerText(), /Your passport is safe/);
    assert.deepEqual(await stepIds(page), ["step.be_prepared", "step.call_12367"]);
    if (label === "online") await checkScreen(page, "plan-no-loss-en");
  });

  test(`${label}: Back keeps the earlier answer selected; a change reports dropped answers`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    // Back from a question: the earlier answer is still the pressed one.
    await page.goto(new URL("#/questions/embassy_answer", page.url()).href);
    await page.getByRole("link", { name: /Back/ }).click();
    await waitForHash(page, "#/questions/embassy_contact");
    const pressed = page.locator('.options button[aria-pressed="true"]');
    assert.equal(await pressed.count(), 1);
    assert.equal((await pressed.innerText()).trim(), "Yes");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "page-heading");
    if (label === "online") await checkScreen(page, "question-en");
    // Change "asked the embassy" to "not yet": the embassy's answer no longer applies.
    await page.goto(new URL("#/plan", page.url()).href);
    await page.locator(".summary").getByRole("link", { name: /Change.*asked your embassy/ }).click();
    await waitForHash(page, "#/questions/embassy_contact");
    await page.locator(".options").getByRole("button", { name: "Not yet", exact: true }).click();
    const notice = page.locator(".notice.dropped");
    await notice.waitFor();
    assert.match(await notice.innerText(), /What did your embassy or consulate say\?/);
    assert.match(await notice.innerText(), /It cannot issue any passport/);
  });

  test(`${label}: the plan folds each step's details; printing unfolds them all, then folds back`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    const details = page.locator("details.more");
    const folded = page.locator("details.more:not([open])");
    const total = await details.count();
    assert.equal(total, PERMIT_STEPS.length, "one fold a step");
    assert.equal(await folded.count(), total, "all folded at first");
    // The person opens one; printing opens the rest and closes only those it opened.
    await page.locator("#step-step\\.report_loss details.more > summary").click();
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    assert.equal(await folded.count(), 0);
    await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    assert.equal(await folded.count(), total - 1);
    assert.equal(await page.locator("#step-step\\.report_loss details.more").getAttribute("open"), "");
  });

  test(`${label}: ticks, a checklist item and a note are still there after a reload`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.locator("#done-step\\.report_loss").check();
    // In the plan a step's checklist is folded under "More"; one tap opens it.
    assert.equal(await page.locator("#bring-step\\.report_loss-bring\\.beijing_photo").isVisible(), false);
    await page.locator("#step-step\\.report_loss details.more > summary").click();
    await page.locator("#bring-step\\.report_loss-bring\\.beijing_photo").check();
    await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
    await page.locator("#note-step\\.report_loss").fill("Window 25, ask for Ms Li");
    await page.locator("#note-step\\.report_loss").blur();
    await page.reload();
    await page.locator("#page-heading").waitFor();
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    assert.equal(await page.locator("#bring-step\\.report_loss-bring\\.beijing_photo").isChecked(), true);
    assert.equal(await page.locator("#bring-step\\.report_loss-bring\\.beijing_written_account").isChecked(), false);
    assert.equal(await page.locator("#note-step\\.report_loss").inputValue(), "Window 25, ask for Ms Li");
    if (label === "online") await checkScreen(page, "step-en");
    await page.goto(new URL("#/plan", page.url()).href);
    await page.locator("#done-step\\.report_loss").waitFor();
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
  });

  test(`${label}: the counter card shows the Chinese sentence large and the office for a taxi`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.locator("#step-step\\.report_loss").getByRole("link", { name: /Show at the counter/ }).click();
    await waitForHash(page, "#/card/step.report_loss");
    const zh = page.locator(".card-zh");
    assert.match(await zh.innerText(), /护照报失证明/);
    // Worded for this person's answer: the passport was lost, so the card says so.
    assert.match(await zh.innerText(), /我的护照丢失了/);
    assert.equal(await zh.getAttribute("lang"), "zh-Hans");
    const size = await zh.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 28, `Chinese sentence is large (${size}px)`);
    assert.match(await page.locator(".card").innerText(), /北京市东城区安定门东大街2号/);
    assert.ok(await page.locator('.masthead a[href="tel:12367"]').isVisible(), "12367 above the card");
    if (label === "online") await checkScreen(page, "card-en");
    await page.getByRole("link", { name: "Close" }).click();
    await waitForHash(page, "#/plan/step.report_loss");
  });

  test(`${label}: an acceptance date gives the national and the Beijing due dates`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.goto(new URL("#/plan/step.wait_for_decision", page.url()).href);
    const input = page.locator("#accepted-step\\.wait_for_decision");
    // Defaults to today.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    assert.equal(await input.inputValue(), today);
    await input.fill("2026-09-28");
    await input.dispatchEvent("change");
    await page.locator('time[datetime="2026-11-13"]').waitFor();
    const lines = await page.locator(".due-line").allInnerTexts();
    assert.equal(lines.length, 2);
    assert.match(lines[0], /30 working days/);
    assert.match(lines[0], /Friday 13 November 2026/);
    assert.match(lines[1], /7 working days/);
    assert.equal(await page.locator('.due-line time[datetime="2026-10-13"]').count(), 1);
    assert.doesNotMatch(lines.join(" "), /estimate/);
    // National Day's days off and the make-up working day are marked.
    assert.ok(await page.locator("table.month td.off").count() >= 7);
    assert.ok(await page.locator("table.month td.makeup").count() >= 1);
    if (label === "online") await checkScreen(page, "due-date-en");
    // A date past the bundled holiday years is labelled an estimate.
    await input.fill("2027-12-20");
    await input.dispatchEvent("change");
    await page.locator(".due-line .badge", { hasText: "estimate" }).first().waitFor();
    await page.reload();
    assert.equal(await page.locator("#accepted-step\\.wait_for_decision").inputValue(), "2027-12-20");
  });

  test(`${label}: the whole guide in Chinese, and back to English`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.locator(".langmenu").selectOption("zh");
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    assert.match(await heading(page), /您的计划/);
    assert.match(await page.locator(".route-title").innerText(), /外国人出入境证/);
    assert.match(await page.locator("#step-step\\.report_loss").innerText(), /报失/);
    if (label === "online") await checkScreen(page, "plan-permit-zh");
    await page.goto(new URL("#/questions/location", page.url()).href);
    assert.equal(await heading(page), "您现在在哪里？");
    if (label === "online") await checkScreen(page, "question-zh");
    await page.goto(new URL("#/card/step.apply_permit_in_person", page.url()).href);
    await page.locator(".card-zh").waitFor();
    if (label === "online") await checkScreen(page, "card-zh");
    await page.goto(new URL("#/plan/step.wait_for_decision", page.url()).href);
    await page.locator("#accepted-step\\.wait_for_decision").fill("2026-09-28");
    await page.locator("#accepted-step\\.wait_for_decision").dispatchEvent("change");
    await page.locator('time[datetime="2026-11-13"]').waitFor();
    assert.match(await page.locator(".due-line").first().innerText(), /2026年11月13日（星期五）/);
    if (label === "online") await checkScreen(page, "due-date-zh");
    // Remembered across a reload.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    await page.locator(".langmenu").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(await heading(page), /Wait for the decision/);
  });

  test(`${label}: sources, with kinds and dates; settings erase everything after a confirmation`, async () => {
    const { page } = get();
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    // A statement's source link lands on that source.
    await page.locator(".route .cites a").first().click();
    await page.waitForFunction(() => location.hash.startsWith("#/sources/"));
    const id = (await hash(page)).slice("#/sources/".length);
    await page.waitForFunction((i) => document.activeElement?.id === `source-${i}`, id);
    const entries = page.locator("li.source");
    assert.ok((await entries.count()) >= 10);
    assert.match(await page.locator("#page-heading ~ p.hint").innerText(), /App version \d+\.\d+\.\d+ · Content last checked against its sources: \d{4}-\d{2}-\d{2}/);
    assert.match(await page.locator("#source-reg-2013").innerText(), /Official[\s\S]*2013-09-01/);
    if (label === "online") await checkScreen(page, "sources-en");
    await page.getByRole("link", { name: "Settings" }).click();
    await waitForHash(page, "#/settings");
    if (label === "online") await checkScreen(page, "settings-en");
    await page.getByRole("button", { name: "Erase everything on this phone" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.ok(await page.evaluate(() => localStorage.getItem("passport-sos") !== null), "cancel keeps the data");
    await page.getByRole("button", { name: "Erase everything on this phone" }).click();
    await page.getByRole("button", { name: "Yes, erase everything" }).click();
    await page.getByText("Everything was erased from this phone.").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("passport-sos")), null);
    await page.goto(new URL("#/plan", page.url()).href);
    assert.match(await page.locator(".screen").innerText(), /Answer the questions first/);
  });
}

describe("the guide", () => {
  let server, browser, context, page, requests;
  const get = () => ({ page, context });

  before(async () => {
    server = await serveCopy();
    browser = await launch();
    context = await browser.newContext({ ...PHONE, locale: "en-GB" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await recordPolicyViolations(context);
    requests = recordRequests(context);
    page = await context.newPage();
    await page.goto(server.url);
    await page.locator("#page-heading").waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the start screen explains and starts; a first visit in a Chinese browser is in Chinese", async () => {
    await fresh(page);
    assert.equal(await heading(page), "What to do now");
    await checkScreen(page, "start-en");
    const zhContext = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    try {
      const zhPage = await zhContext.newPage();
      await zhPage.goto(server.url);
      await zhPage.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      assert.equal(await heading(zhPage), "现在该做什么");
      await checkScreen(zhPage, "start-zh");
    } finally {
      await zhContext.close();
    }
  });

  exercises("online", get);

  test("the embassy's answer grows the undetermined plan, and what was ticked stays ticked", async () => {
    await fresh(page);
    await walk(page, UNDETERMINED_SHANGHAI);
    await page.locator("#done-step\\.report_loss").check();
    await page.locator("#done-step\\.call_12367").check();
    // Each open route has its explanation, with the steps it would add.
    await page.locator("#step-step\\.next_depends_on_embassy .branch").nth(1).getByRole("link", { name: /What this route means/ }).click();
    await waitForHash(page, "#/routes/permit");
    assert.match(await heading(page), /Exit-Entry Permit for Foreigners/);
    assert.match(await page.locator(".screen .notice").innerText(), /leave this route open/);
    assert.match(await page.locator(".route-steps").innerText(), /Prepare the permit application[\s\S]*Collect the permit/);
    await checkScreen(page, "route-permit-en");
    await page.locator(".langmenu").selectOption("zh");
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    assert.match(await page.locator(".route-steps").innerText(), /准备外国人出入境证申请材料/);
    await checkScreen(page, "route-permit-zh");
    await page.goto(new URL("#/plan", page.url()).href);
    await page.locator("#step-step\\.next_depends_on_embassy").waitFor();
    await checkScreen(page, "plan-undetermined-zh");
    await page.locator(".langmenu").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    // The answer comes: the embassy can issue a new passport.
    await walk(page, {
      ...UNDETERMINED_SHANGHAI,
      embassy_contact: "Yes",
      embassy_answer: "It can issue a new passport",
      replacement_in_hand: "Not yet",
      nationality: { country: "FR" },
    }, { from: "#/questions/embassy_contact" });
    assert.match(await page.locator(".route-title").innerText(), /Replacement from your embassy/);
    const ids = await stepIds(page);
    for (const id of ["step.get_replacement", "step.register_new_passport", "step.transfer_residence_permit", "step.reissue_chinese_visa"]) {
      assert.ok(ids.includes(id), `${id} joined the plan: ${ids.join()}`);
    }
    assert.ok(!ids.includes("step.next_depends_on_embassy"), ids.join());
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    assert.equal(await page.locator("#done-step\\.call_12367").isChecked(), true);
    assert.match(await page.locator(".warnings").innerText(), /Keep your stay registered[\s\S]*Your permitted stay keeps running/);
    await checkScreen(page, "plan-replacement-residence-en");
  });

  test("phone or wallet gone too: reachable from the start screen, numbers as links, both languages", async () => {
    await fresh(page);
    await page.getByRole("link", { name: /Phone or wallet gone too/ }).click();
    await waitForHash(page, "#/topics/phone_and_wallet");
    assert.equal(await heading(page), "Phone or wallet gone too");
    for (const n of ["10086", "10010", "10000", "95188", "95017"]) {
      assert.equal(await page.locator(`a.tel[href="tel:${n}"]`).count(), 1, n);
    }
    await checkScreen(page, "topic-phone-en");
    await page.locator(".langmenu").selectOption("zh");
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    assert.equal(await heading(page), "手机或钱包也丢了");
    await checkScreen(page, "topic-phone-zh");
    await page.locator(".langmenu").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });

  test("a due date in 2027 counts its statutory holidays and says it is an estimate", async () => {
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.goto(new URL("#/plan/step.wait_for_decision", page.url()).href);
    await page.locator("#accepted-step\\.wait_for_decision").fill("2027-02-01");
    await page.locator("#accepted-step\\.wait_for_decision").dispatchEvent("change");
    // 30 working days from Mon 1 Feb 2027, with the Spring Festival and its days in lieu off.
    await page.locator('time[datetime="2027-03-19"]').waitFor();
    const box = await page.locator(".due-box").innerText();
    assert.match(box, /estimate/);
    assert.match(box, /holiday notice the State Council has not yet published/);
    assert.ok(await page.locator("td.off.estimated").count() >= 6, "the estimated days off are marked");
    await checkScreen(page, "due-date-2027-en");
  });

  test("copy plan as text gives the route, the steps and the answers", async () => {
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.getByRole("button", { name: "Copy plan as text" }).click();
    await page.getByText("The plan was copied.").waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /Apply for the Exit-Entry Permit for Foreigners/);
    assert.match(text, /1\. \[ \] Report the loss/);
    assert.match(text, /Your answers:[\s\S]*Where are you now\? Beijing/);
  });

  test("export to a file and import it back, with what it replaces shown first", async () => {
    await fresh(page);
    await walk(page, PERMIT_BEIJING);
    await page.locator("#done-step\\.report_loss").check();
    await page.goto(new URL("#/settings", page.url()).href);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export progress to a file" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "passport-sos-progress.json");
    const file = await download.path();
    await page.getByRole("button", { name: "Erase everything on this phone" }).click();
    await page.getByRole("button", { name: "Yes, erase everything" }).click();
    // A file that is not ours is refused, and nothing changes.
    await page.locator("#import-file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"a":1}') });
    await page.getByText(/not a Passport SOS progress file/).waitFor();
    await page.locator("#import-file").setInputFiles(file);
    const compare = page.locator("table.compare");
    await compare.waitFor();
    assert.match(await compare.innerText(), /answers\s+0\s+10/);
    await page.getByRole("button", { name: "Replace with what is brought in" }).click();
    await page.getByText("Your progress was imported.").waitFor();
    await page.goto(new URL("#/plan", page.url()).href);
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
  });

  test("at 320 px wide and 200 % text nothing runs off the side, and targets stay 44 px", async () => {
    const narrow = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 }, locale: "en-GB" });
    try {
      const p = await narrow.newPage();
      await p.goto(server.url);
      await p.locator("#page-heading").waitFor();
      await walk(p, PERMIT_BEIJING);
      for (const [route, name] of [
        ["#/questions/location", "question"],
        ["#/plan", "plan"],
        ["#/plan/step.wait_for_decision", "step"],
        ["#/card/step.report_loss", "card"],
        ["#/settings", "settings"],
      ]) {
        await p.goto(new URL(route, server.url).href);
        await p.locator("#page-heading").waitFor();
        // Text size through the CSS object model (the content policy refuses inline styles).
        await p.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: ${overflow}px wider than the screen`);
        const small = await p.evaluate(() =>
          [...document.querySelectorAll("#app button, #app a.button, #app a.tel, .mainnav a, .options button")]
            .filter((e) => e.offsetParent !== null)
            .map((e) => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])
            .filter(([, h]) => h < 44));
        assert.deepEqual(small, [], `${name}: targets under 44 px`);
        await p.screenshot({ path: join(artifacts, `guide-320-200pct-${name}.png`), fullPage: false });
        await p.evaluate(() => { document.documentElement.style.fontSize = ""; });
      }
    } finally {
      await narrow.close();
    }
  });

  test("an unknown address shows a way back, not a blank screen", async () => {
    await page.goto(new URL("#/nowhere", page.url()).href);
    assert.equal(await heading(page), "This page does not exist.");
    await page.goto(new URL("#/plan/step.nothing", page.url()).href);
    assert.equal(await heading(page), "This page does not exist.");
  });

  describe("with the network gone", () => {
    before(async () => {
      await waitForServiceWorkerControl(page);
      await server.stop();
      await context.setOffline(true);
    });
    after(async () => {
      await context.setOffline(false);
      await server.start();
    });
    exercises("offline", get);
  });

  test("no request went to another origin and no content policy was violated", async () => {
    const foreign = requests.filter((url) => !url.startsWith(server.origin + "/") && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, []);
    assert.deepEqual(await page.evaluate(() => window.__policyViolations), []);
  });
});
