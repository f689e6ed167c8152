// Faults, bad input and hostile input (issue 5): saved state that cannot be read, answers
// this version does not know, imports that are too large or not ours, storage that is blocked
// or full, a new version installed mid-way, script typed into a note, and a whole walk that
// must never leave the origin. Each test fails if its protection is removed; none may lose
// what the person entered.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  PERMIT_BEIJING,
  PHONE,
  artifacts,
  launch,
  projectRoot,
  recordPolicyViolations,
  recordRequests,
  serveCopy,
  waitForHash,
  waitForServiceWorkerControl,
  walk,
} from "./harness.mjs";

const KEY = "passport-sos";
const ASIDE = "passport-sos.unreadable";

// The sentences the person reads, exactly as the app words them in English.
const SAY = {
  keptAside: "Your saved progress could not be read. It was kept aside on this phone, and you are starting afresh.",
  newer: "Your saved progress was written by a newer version of this guide. It was kept aside on this phone, and you are starting afresh.",
  blocked: "This browser does not allow saving: your progress will not be kept on this phone.",
  notSaved: "Your progress is not being kept on this phone: the browser refused to save it.",
  savedAgain: "Your progress is being saved on this phone again.",
  kept: "This version of the guide no longer asks or uses these earlier answers. They are kept on this phone:",
  tooLarge: "This file is too large to be a Passport SOS progress file. Nothing was changed.",
  notOurs: "This is not a Passport SOS progress file. Choose the file the app exported. Nothing was changed.",
  damaged: "This progress file is damaged or incomplete and cannot be read. Nothing was changed.",
  newerFile: "This file comes from a newer version of the app. Update the app, then import it again. Nothing was changed.",
};

// What a person had entered after a day of the procedure, as schema 1 stores it.
const SAVED = {
  schema: 1,
  locale: "en",
  answers: { document_state: "lost", urgency: "not_urgent", location: "beijing", age_16_plus: "yes", loss_report: "not_reported" },
  progress: { steps: { "step.report_loss": { done: true, checked: ["bring.beijing_photo"], note: "Window 25, ask for Ms Li" } } },
};
const SAVED_TEXT = JSON.stringify(SAVED);

/** The storage sentence above every screen (not the plan's or the kept-answers notices). */
const storageNote = (page) => page.locator("#app p.notice[role=status]");

/** Every key and value in local storage, in a fixed order: to compare byte for byte. */
const snapshot = (page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

const shot = (page, name) => page.screenshot({ path: join(artifacts, `faults-${name}.png`), fullPage: true });

describe("faults, bad input and hostile input", () => {
  let server, browser;
  const opened = [];

  before(async () => {
    server = await serveCopy();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new phone: its own storage, CSP violations and errors recorded; `init` runs before the
   * app in every page; `saved` is put under the storage key before the app starts. */
  async function phone({ init, saved, origin = server } = {}) {
    const context = await browser.newContext({ ...PHONE, locale: "en-GB" });
    await recordPolicyViolations(context);
    if (init) await context.addInitScript(init);
    const requests = recordRequests(context);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" || /panicked/.test(message.text())) errors.push(`console: ${message.text()}`);
    });
    await page.goto(origin.url);
    await page.locator("#page-heading").waitFor();
    if (saved !== undefined) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, saved]);
      await page.reload();
      await page.locator("#page-heading").waitFor();
    }
    const it = { context, page, errors, requests };
    opened.push(it);
    return it;
  }

  async function done({ context, page, errors }) {
    assert.deepEqual(await page.evaluate(() => window.__policyViolations), [], "content policy violations");
    assert.deepEqual(errors, [], "errors or panics in the page");
    await context.close();
  }

  /** The unreadable value is shown as one sentence, kept aside unchanged, and the first save
   * writes a new envelope beside it without destroying it. */
  async function keptAside(bad, sentence, name) {
    const it = await phone({ saved: bad });
    const { page } = it;
    await storageNote(page).waitFor();
    assert.equal(await storageNote(page).count(), 1);
    assert.equal((await storageNote(page).innerText()).trim(), sentence);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE), bad, "kept aside byte for byte");
    await shot(page, name);
    // The app works: a first answer is saved, and the kept-aside copy survives it.
    await walk(page, PERMIT_BEIJING, { stopAfter: 1 });
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes('"document_state":"lost"'), KEY);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE), bad, "the first save destroyed the kept-aside copy");
    // A reload reads the new progress and keeps the old copy still.
    await page.reload();
    await page.locator("#page-heading").waitFor();
    assert.equal(await storageNote(page).count(), 0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE), bad);
    await done(it);
  }

  test("corrupt JSON in storage: kept aside unchanged, one sentence, the app starts afresh", async () => {
    await keptAside(SAVED_TEXT.replace('"urgency"', '"urgency" "') + "}", SAY.keptAside, "corrupt-json");
  });

  test("truncated JSON in storage (a write cut short): kept aside unchanged, one sentence", async () => {
    await keptAside(SAVED_TEXT.slice(0, Math.floor(SAVED_TEXT.length / 2)), SAY.keptAside, "truncated-json");
  });

  test("a schema newer than the app: kept aside unchanged, the newer-version sentence", async () => {
    const future = JSON.stringify({ ...SAVED, schema: 99, reminders: [{ step: "step.report_loss", at: "2026-10-01" }] });
    await keptAside(future, SAY.newer, "future-schema");
  });

  test("an unknown question, an unknown answer value and an answer no longer asked: listed and kept", async () => {
    const saved = {
      schema: 1,
      answers: {
        document_state: "lost",
        urgency: "not_urgent",
        // A value (an id of a route) this version does not know.
        location: "route.atlantis",
        // A question this version does not have.
        old_question: "yes",
        // Asked only when the embassy was asked: the rules no longer ask it.
        embassy_contact: "no",
        embassy_answer: "cannot_issue_in_china",
      },
      progress: { steps: { "step.retired": { done: true, note: "from an older version" } } },
    };
    const it = await phone({ saved: JSON.stringify(saved) });
    const { page } = it;
    assert.equal(await storageNote(page).count(), 0, "a readable envelope needs no storage sentence");
    await page.goto(new URL("#/plan", page.url()).href);
    const kept = page.locator(".notice.kept");
    // A place the app cannot tell apart until the directory file has arrived (a few ms from
    // the service worker) counts as not known until then, and is listed once it has.
    await kept.filter({ hasText: "route.atlantis" }).waitFor();
    const listed = await kept.innerText();
    assert.ok(listed.includes(SAY.kept), listed);
    assert.match(listed, /old_question — yes/);
    assert.match(listed, /Where are you now\? — route\.atlantis/);
    assert.match(listed, /What did your embassy or consulate say\? — It cannot issue any passport/);
    assert.equal(await page.locator(".route-title").count(), 1, "the plan is shown");
    await shot(page, "kept-answers");
    // Further answers, as a person continues: none of the old answers is dropped.
    for (const [question, label] of [["urgency", "Yes, it is urgent"], ["age_16_plus", "Yes"], ["embassy_contact", "Not yet"]]) {
      await page.goto(new URL(`#/questions/${question}`, page.url()).href);
      await page.locator("#page-heading").waitFor();
      // The answer given already is marked "✓" in its name.
      await page.locator(".options").getByRole("button", { name: new RegExp(`^${label}( ✓)?$`) }).click();
      await page.waitForFunction((q) => location.hash !== `#/questions/${q}`, question);
    }
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(stored.answers, { ...saved.answers, urgency: "urgent", age_16_plus: "yes", embassy_contact: "no" });
    assert.deepEqual(stored.progress, saved.progress);
    // Still listed in settings, after a reload.
    await page.goto(new URL("#/settings", page.url()).href);
    await page.reload();
    await page.locator(".notice.kept").filter({ hasText: "route.atlantis" }).waitFor();
    const inSettings = await page.locator(".notice.kept").innerText();
    assert.match(inSettings, /old_question — yes/);
    assert.match(inSettings, /route\.atlantis/);
    await shot(page, "kept-answers-settings");
    await done(it);
  });

  test("a 5 MB import is refused with the size sentence; storage is unchanged byte for byte", async () => {
    const it = await phone({ saved: SAVED_TEXT });
    const { page } = it;
    await page.goto(new URL("#/settings", page.url()).href);
    const before = await snapshot(page);
    // Shaped like a real export, so only the size check can refuse it.
    const huge = JSON.stringify({
      app: "passport-sos-progress",
      schema: 1,
      answers: { document_state: "damaged" },
      progress: { steps: { "step.report_loss": { note: "x".repeat(5 * 1024 * 1024) } } },
    });
    await page.locator("#import-file").setInputFiles({ name: "passport-sos-progress.json", mimeType: "application/json", buffer: Buffer.from(huge) });
    await page.getByText(SAY.tooLarge).waitFor();
    assert.equal(await page.locator("table.compare").count(), 0, "nothing offered to replace");
    assert.equal(await snapshot(page), before);
    await shot(page, "import-too-large");
    // The progress on the phone is still what the person had.
    await page.goto(new URL("#/plan", page.url()).href);
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    await done(it);
  });

  test("files of the wrong type, not ours, damaged or from a newer version: refused, nothing changed", async () => {
    const it = await phone({ saved: SAVED_TEXT });
    const { page } = it;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const ours = (fields) => Buffer.from(JSON.stringify({ app: "passport-sos-progress", schema: 1, ...fields }));
    const files = [
      [{ name: "photo.png", mimeType: "image/png", buffer: png }, SAY.notOurs],
      [{ name: "package.json", mimeType: "application/json", buffer: Buffer.from('{"name":"x","version":"1.0.0"}') }, SAY.notOurs],
      [{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Window 25, ask for Ms Li") }, SAY.notOurs],
      [{ name: "empty.json", mimeType: "application/json", buffer: Buffer.alloc(0) }, SAY.notOurs],
      [{ name: "cut.json", mimeType: "application/json", buffer: ours({ answers: { document_state: "lost" } }).subarray(0, 40) }, SAY.notOurs],
      [{ name: "damaged.json", mimeType: "application/json", buffer: ours({ answers: ["lost"] }) }, SAY.damaged],
      [{ name: "unknown-field.json", mimeType: "application/json", buffer: ours({ reminders: [] }) }, SAY.damaged],
      [{ name: "future.json", mimeType: "application/json", buffer: ours({ schema: 7 }) }, SAY.newerFile],
    ];
    for (const [file, sentence] of files) {
      await page.goto(new URL("#/settings", page.url()).href);
      await page.reload();
      await page.locator("#import-file").waitFor();
      const before = await snapshot(page);
      await page.locator("#import-file").setInputFiles(file);
      await page.getByText(sentence).waitFor();
      assert.equal(await page.locator("table.compare").count(), 0, file.name);
      assert.equal(await snapshot(page), before, file.name);
      if (file.name === "photo.png") await shot(page, "import-wrong-type");
    }
    await page.goto(new URL("#/plan", page.url()).href);
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    await done(it);
  });

  test("storage blocked by the browser: the whole guide works in memory, and says progress will not be kept", async () => {
    const it = await phone({
      init: () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      },
    });
    const { page, context } = it;
    await storageNote(page).waitFor();
    assert.equal((await storageNote(page).innerText()).trim(), SAY.blocked);
    await shot(page, "storage-blocked");
    await walk(page, PERMIT_BEIJING);
    await page.locator(".route-title").waitFor();
    assert.match(await page.locator(".route-title").innerText(), /Exit-Entry Permit for Foreigners/);
    await page.locator("#done-step\\.report_loss").check();
    await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
    await page.locator("#note-step\\.report_loss").fill("Window 25");
    await page.locator("#note-step\\.report_loss").blur();
    await page.goto(new URL("#/card/step.report_loss", page.url()).href);
    await page.locator(".card-zh").waitFor();
    await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
    assert.equal(await page.locator("#note-step\\.report_loss").inputValue(), "Window 25", "kept in memory");
    assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
    assert.equal((await storageNote(page).innerText()).trim(), SAY.blocked, "still said");
    // Erase forgets what is in memory.
    await page.goto(new URL("#/settings", page.url()).href);
    await page.getByRole("button", { name: "Erase everything on this phone" }).click();
    await page.getByRole("button", { name: "Yes, erase everything" }).click();
    await page.getByText("Everything was erased from this phone.").waitFor();
    await page.goto(new URL("#/plan", page.url()).href);
    assert.match(await page.locator(".screen").innerText(), /Answer the questions first/);
    const state = await context.storageState();
    assert.deepEqual(state.origins.flatMap((o) => o.localStorage), [], "nothing was written");
    await done(it);
  });

  test("storage full: the not-saved sentence, work goes on in memory; once there is room, saved again", async () => {
    const it = await phone();
    const { page } = it;
    const filled = await page.evaluate(() => {
      // Fill the origin's quota to the last character with junk keys.
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = "j".repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`junk-${n}`, chunk);
            n++;
          } catch (error) {
            if (error.name !== "QuotaExceededError") throw error;
            break;
          }
        }
      }
      return n;
    });
    assert.ok(filled > 0);
    await walk(page, PERMIT_BEIJING, { stopAfter: 2 });
    await storageNote(page).waitFor();
    assert.equal((await storageNote(page).innerText()).trim(), SAY.notSaved);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    await shot(page, "storage-full");
    // Room again: the next answer saves everything held in memory, and says so.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("junk-")).forEach((k) => localStorage.removeItem(k)));
    await walk(page, PERMIT_BEIJING, { from: "#/questions/location", stopAfter: 1 });
    await page.getByText(SAY.savedAgain).waitFor();
    assert.equal(await storageNote(page).count(), 1);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(stored.answers, { document_state: "lost", urgency: "not_urgent", location: "beijing" });
    await shot(page, "saved-again");
    // The sentence goes with the next successful save.
    await walk(page, PERMIT_BEIJING, { from: "#/questions/age_16_plus", stopAfter: 1 });
    await page.waitForFunction(() => !document.querySelector("#app p.notice[role=status]"));
    await done(it);
  });

  test("script typed into a note is shown as text and never runs", async () => {
    const it = await phone();
    const { page } = it;
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">x</a>`;
    await walk(page, PERMIT_BEIJING);
    await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
    await page.locator("#note-step\\.report_loss").fill(hostile);
    await page.locator("#note-step\\.report_loss").blur();
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("__pwned"), KEY);
    await page.reload();
    await page.locator("#note-step\\.report_loss").waitFor();
    assert.equal(await page.locator("#note-step\\.report_loss").inputValue(), hostile);
    // No markup from the note on its step, the plan or the counter card.
    for (const route of ["#/plan/step.report_loss", "#/plan", "#/card/step.report_loss"]) {
      await page.goto(new URL(route, page.url()).href);
      await page.locator("#page-heading").waitFor();
      assert.equal(await page.evaluate(() => document.querySelectorAll("#app img, #app script, #app a[href^='javascript']").length), 0, route);
    }
    await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
    await page.locator("#page-heading").waitFor();
    await shot(page, "script-in-note");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await done(it);
  });

  test("a whole walk through the guide: no request leaves the origin, the policy reports nothing", async () => {
    const it = await phone();
    const { page, requests } = it;
    const links = [];
    const collectLinks = async () => links.push(...(await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => [location.hash, a.getAttribute("href")]))));
    await walk(page, PERMIT_BEIJING);
    await page.locator(".route-title").waitFor();
    await collectLinks();
    await page.locator("#done-step\\.report_loss").check();
    for (const route of ["#/plan/step.report_loss", "#/card/step.apply_permit_in_person", "#/sources", "#/sources/reg-2013", "#/settings", "#/questions/location", "#/"]) {
      await page.goto(new URL(route, page.url()).href);
      await page.locator("#page-heading").waitFor();
      await collectLinks();
    }
    await page.locator(".langmenu").selectOption("zh");
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    await page.goto(new URL("#/plan", page.url()).href);
    await page.locator(".route-title").waitFor();
    await collectLinks();
    await page.locator(".langmenu").selectOption("en");
    const foreign = requests.filter((url) => !url.startsWith(server.origin + "/") && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > 3, "requests were recorded");
    // Links: screens of the app, phone numbers of digits only, and the official sources'
    // pages on the sources screen (opened only on a tap).
    const odd = links.filter(([at, href]) => !(/^#\//.test(href) || /^tel:\+?\d+$/.test(href) || (at.startsWith("#/sources") && /^https?:\/\//.test(href))));
    assert.deepEqual(odd, []);
    assert.ok(links.some(([, href]) => href.startsWith("tel:")), "phone links were seen");
    await done(it);
  });
});

describe("an update served mid-way", () => {
  test("a new build waits for the tap, then keeps every answer, tick and note; old caches go", async () => {
    const server = await serveCopy();
    const browser = await launch();
    try {
      const context = await browser.newContext({ ...PHONE, locale: "en-GB" });
      await recordPolicyViolations(context);
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.locator("#page-heading").waitFor();
      await waitForServiceWorkerControl(page);
      // Half-way through the questions, a step ticked and a note written.
      const seen = await walk(page, PERMIT_BEIJING, { stopAfter: 5 });
      assert.equal(seen.length, 5);
      await page.goto(new URL("#/plan", page.url()).href);
      await page.locator("#done-step\\.report_loss").check();
      await page.goto(new URL("#/plan/step.report_loss", page.url()).href);
      await page.locator("#note-step\\.report_loss").fill("Window 25, ask for Ms Li");
      await page.locator("#note-step\\.report_loss").blur();
      await page.waitForFunction((k) => localStorage.getItem(k)?.includes("Ms Li"), KEY);
      const before = await snapshot(page);
      const oldCaches = await page.evaluate(() => caches.keys());

      // The new build, through the same post-build step as Trunk's.
      const index = join(server.dir, "index.html");
      writeFileSync(index, readFileSync(index, "utf8").replace("</head>", '<meta name="sos-build" content="second"></head>'));
      execFileSync(process.execPath, [join(projectRoot, "tools/post_build.mjs"), server.dir], { stdio: "ignore" });
      const version = /"version":"([0-9a-f]+)"/.exec(readFileSync(join(server.dir, "sw.js"), "utf8"))[1];
      assert.ok(!oldCaches.includes(`passport-sos-${version}`), "a new version");

      await page.reload();
      const notice = page.locator("#update-ready");
      await notice.waitFor({ state: "visible", timeout: 15000 });
      assert.equal(await page.locator('meta[name="sos-build"]').count(), 0, "not swapped before the tap");
      assert.equal(await page.locator("#note-step\\.report_loss").inputValue(), "Window 25, ask for Ms Li");
      await page.screenshot({ path: join(artifacts, "faults-update-ready.png"), fullPage: false });
      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: /Reload/ }).click()]);
      await page.locator('meta[name="sos-build"]').waitFor({ state: "attached" });
      await page.locator("#page-heading").waitFor();

      assert.equal(await snapshot(page), before, "storage byte for byte");
      assert.equal(await page.locator("#note-step\\.report_loss").inputValue(), "Window 25, ask for Ms Li");
      await page.goto(new URL("#/plan", page.url()).href);
      assert.equal(await page.locator("#done-step\\.report_loss").isChecked(), true);
      assert.equal(await page.locator(".summary ul.answers li").count(), 5);
      // The questions go on where they stopped.
      await page.goto(new URL("#/", page.url()).href);
      await page.locator("a.button", { hasText: "Continue the questions" }).click();
      await waitForHash(page, "#/questions/embassy_contact");
      await page.screenshot({ path: join(artifacts, "faults-update-after.png"), fullPage: true });
      // Only the new version's cache is left once it has taken over.
      await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === `passport-sos-${v}`), version);
      assert.deepEqual(await page.evaluate(() => window.__policyViolations), []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
