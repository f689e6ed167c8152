// Shared set-up for the end-to-end tests: a private copy of dist/ served by the same server
// `make run` uses, and Debian's Chromium on a phone viewport.
import { spawn } from "node:child_process";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { after, before } from "node:test";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PHONE, chromium, freePort, launch, projectRoot, requireTool } from "../../tools/browser.mjs";

export { PHONE, chromium, launch, projectRoot };
export const { default: AxeBuilder } = requireTool("@axe-core/playwright");
export const artifacts = join(projectRoot, "artifacts", "e2e");
mkdirSync(artifacts, { recursive: true });

/** Serves a private copy of dist/, so a test may change it (a "new build") without touching dist/. */
export async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), "sos-e2e-"));
  // SOS_DIST: another build to serve, such as one with a protection removed to see a test fail.
  cpSync(process.env.SOS_DIST || join(projectRoot, "dist"), dir, { recursive: true });
  const port = await freePort();
  let child = null;
  // Every path the server was asked for, in order: what actually crossed the network.
  const served = [];
  const start = async () => {
    child = spawn(process.execPath, [join(projectRoot, "tools/serve.mjs"), "--dir", dir, "--port", String(port), "--log"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise((done) => child.stdout.once("data", done));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => served.push(...chunk.split("\n").filter((line) => line.startsWith("GET "))));
  };
  const stop = async () => {
    if (!child) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill();
    await exited;
    child = null;
  };
  await start();
  return {
    dir,
    served,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}


/** Every URL the browser asks for in this context, the service worker's fetches included. */
export function recordRequests(context) {
  const urls = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** Collects Content-Security-Policy violations in every page of the context. */
export async function recordPolicyViolations(context) {
  await context.addInitScript(() => {
    window.__policyViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__policyViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export async function waitForServiceWorkerControl(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
  }
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

// ---- Walking the guide, shared by the guide and the fault tests.

export const UNKNOWN = "I don't know / not yet";

// Answers by question id, as the labels a person taps. A question not listed gets "I don't know".
export const PERMIT_BEIJING = {
  document_state: "Lost",
  urgency: "No",
  location: "Beijing",
  age_16_plus: "Yes",
  loss_report: "Not yet",
  embassy_contact: "Yes",
  embassy_answer: "It cannot issue any passport or travel document in China",
  stay_document: "With a Chinese visa (tourist, business, family visit…)",
  exit_bar: "None of these",
  nationality: { country: "DE" },
};

export const hash = (page) => page.evaluate(() => location.hash);

export async function heading(page) {
  return (await page.locator("#page-heading").innerText()).trim();
}

export async function waitForHash(page, wanted) {
  await page.waitForFunction((h) => location.hash === h, wanted);
}

/** Answers the questions in the order the app asks them; returns the question ids seen.
 * `stopAfter`: stop once that many questions are answered (mid-way through the guide). */
export async function walk(page, answers, { from = "#/", stopAfter = Infinity } = {}) {
  await page.goto(new URL(from, page.url()).href);
  await page.locator("#page-heading").waitFor();
  if (from === "#/") {
    await page.locator("a.button", { hasText: /Start the questions|Continue the questions|开始回答问题|继续回答问题/ }).first().click();
  }
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await page.waitForFunction(() => /^#\/(questions\/|plan$)/.test(location.hash));
    const h = await hash(page);
    if (h === "#/plan" || seen.length >= stopAfter) return seen;
    const id = h.slice("#/questions/".length);
    seen.push(id);
    await page.locator("#page-heading").waitFor();
    const answer = answers[id] ?? UNKNOWN;
    if (typeof answer === "object") {
      // A country or a place by the type-ahead: `{ country: "DE" }` types the code and takes
      // the suggestion that ends with it; `{ type, pick }` types a name and takes a match.
      await page.locator("input[role=combobox]").fill(answer.type ?? answer.country);
      const name = answer.pick ?? new RegExp(`· ${answer.country}$`);
      await page.getByRole("option", { name }).first().click();
    } else {
      await page.locator(".options").getByRole("button", { name: answer, exact: true }).click();
    }
    await page.waitForFunction((before) => location.hash !== before, h);
  }
  throw new Error(`no plan after 20 questions: ${seen.join(", ")}`);
}

// The seed article's practical sequence for the permit, as the plan must order it.
export const PERMIT_STEPS = [
  "step.report_loss",
  "step.contact_embassy",
  "step.call_12367",
  "step.prepare_permit_materials",
  "step.apply_permit_in_person",
  "step.wait_for_decision",
  "step.collect_permit",
  "step.exit_formalities",
];

// The same walks by the answers' ids, in whatever language the page is in.
export const PERMIT_BEIJING_IDS = {
  document_state: "lost",
  urgency: "not_urgent",
  location: "beijing",
  age_16_plus: "yes",
  loss_report: "not_reported",
  embassy_contact: "yes",
  embassy_answer: "cannot_issue_in_china",
  stay_document: "visa",
  exit_bar: "none",
  nationality: { country: "KR" },
};

/** `walk` in any language: taps the option whose `data-option` is the answer's id; a country by
 * its code. `shot(id)`: called on each question before it is answered (a screenshot, axe). */
export async function walkByIds(page, answers, { shot = async () => {} } = {}) {
  await page.goto(new URL("#/", page.url()).href);
  await page.locator("#page-heading").waitFor();
  await page.locator('a.button.big[href^="#/questions/"]').first().click();
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await page.waitForFunction(() => /^#\/(questions\/|plan$)/.test(location.hash));
    const h = await hash(page);
    if (h === "#/plan") return seen;
    const id = h.slice("#/questions/".length);
    seen.push(id);
    await page.locator("#page-heading").waitFor();
    const answer = answers[id] ?? "unknown";
    if (typeof answer === "object") {
      await page.locator("input[role=combobox]").waitFor();
      await shot(id);
      await page.locator("input[role=combobox]").fill(answer.country);
      await page.locator("[role=option]", { hasText: new RegExp(`· ${answer.country}$`) }).first().click();
    } else {
      await shot(id);
      await page.locator(`.options button[data-option="${answer}"]`).click();
    }
    await page.waitForFunction((before) => location.hash !== before, h);
  }
  throw new Error(`no plan after 20 questions: ${seen.join(", ")}`);
}

/** A language's texts as `content/lang/<code>.toml` writes them, by where each text is
 * (`ui/msg/CopyPlan`, `steps/step/step.report_loss/title`), for tests in that language. */
export function translations(code) {
  const file = readFileSync(join(projectRoot, "content", "lang", `${code}.toml`), "utf8");
  const texts = new Map();
  for (const m of file.matchAll(/^\["([^"]+)"\]\ntext = ("(?:[^"\\]|\\.)*")$/gm)) texts.set(m[1], JSON.parse(m[2]));
  return (path) => {
    if (!texts.has(path)) throw new Error(`no ${code} text at ${path}`);
    return texts.get(path);
  };
}

/** Clears local storage and opens the start screen anew. */
export async function fresh(page) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(new URL("#/", page.url()).href);
  await page.reload();
  await page.locator("#page-heading").waitFor();
}

/** A full-page screenshot for a person to look at, then axe on the same screen: no violation. */
export async function checkScreen(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  assert.deepEqual(found, [], `axe on ${name}`);
}

/** A served copy of dist/ and a browser for one describe block, closed after it. */
export function servedBrowser() {
  const it = { server: null, browser: null };
  before(async () => {
    it.server = await serveCopy();
    it.browser = await launch();
  });
  after(async () => {
    await it.browser?.close();
    await it.server?.close();
  });
  return it;
}
