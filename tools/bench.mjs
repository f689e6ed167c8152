// `make bench`: how big and how fast the release app is for a person on a cheap phone on slow
// mobile data, next to the framework floor (a minimal Leptos counter built the same way, in
// bench/floor/). Not a test: it prints figures, and writes them to bench-results/latest.json.
//
// Usage: node tools/bench.mjs [--runs 5] [--app dist] [--floor bench/floor/dist]
//                              [--out bench-results/latest.json]
// Environment: BENCH_QUESTION (selector of a question's answer buttons, default
// `#app .options button.option, #app [data-question] button`), CHROMIUM (default
// /usr/bin/chromium).
//
// How each figure is taken (every timing is the median of --runs runs, with min–max):
//  - Both builds are copied to a temporary folder first (a build running meanwhile cannot
//    change what is measured) and served by tools/serve.mjs, the server `make run` uses:
//    precompressed brotli copies, the same headers.
//  - Headless Chromium (Debian's), phone viewport 390x844 at 2x, touch, a fresh browser context
//    (empty HTTP cache, no service worker) for every cold run. Throttling through the Chrome
//    DevTools Protocol on the page: Network.emulateNetworkConditions (Slow 3G: 400 kbit/s down
//    and up, 400 ms latency a request; Fast 3G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms) and
//    Emulation.setCPUThrottlingRate 4, both set before the navigation starts.
//  - First-load transfer: one unthrottled first visit per build. Every request of the browser
//    context is recorded (the service worker's precache fetches too); for each file the raw,
//    gzip -9 and brotli 11 sizes are read from the build, and "transferred" is what Chromium
//    reports on the wire (encoded body + response headers). "First load, brotli" is the sum of
//    the brotli sizes of the distinct files the page itself fetched (what the budget limits);
//    "transferred in total" adds every byte the visit moved, the service worker's included.
//  - Times are `performance.now()` in the page, so they count from the start of the navigation.
//    A probe injected before any page script (addInitScript) checks a condition on every
//    animation frame; once it holds, a MessageChannel message posted from that frame's rAF
//    callback runs right after the frame is rendered, and its time is the figure:
//      visible  the 12367 tel: link and a purpose paragraph laid out inside the viewport;
//      usable   the first question's option buttons (BENCH_QUESTION) present, laid out (maybe
//               below the fold) and none disabled; while a build has no question screens, the first enabled
//               interactive element in #app ("mounted") instead: the report says which.
//  - Repeat visit offline: a first visit (unthrottled) until the service worker controls the
//    page, then that tab is closed, the server stopped and the context set offline; a new tab
//    with CPU 4x opens the app again and the same probe times "usable".
//  - Tap to next screen: with CPU 4x, from the first question the first option is tapped
//    (a real touch through CDP) until no question is left. Each tap is timed from the click
//    event's timeStamp to the end of the first frame rendered after the screen changed (its
//    heading and answer buttons say something else): rAF from the DOM change, then a
//    MessageChannel message after that frame. Each run gives a median and a worst tap.
//  - Memory: Performance.getMetrics JSHeapUsedSize, and the WebAssembly memory's
//    buffer.byteLength (the `wasm` exports Trunk's loader passes in its TrunkApplicationStarted
//    event), sampled after start-up and after every tap; the peak of each run.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { PHONE, freePort, launch, projectRoot } from "./browser.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const RUNS = Math.max(1, Number(option("runs", process.env.RUNS || "5")) || 5);
const APP_DIR = resolve(projectRoot, option("app", "dist"));
const FLOOR_DIR = resolve(projectRoot, option("floor", "bench/floor/dist"));
const OUT = resolve(projectRoot, option("out", "bench-results/latest.json"));


const CPU_SLOWDOWN = 4;
const NETWORKS = {
  slow3g: { label: "Slow 3G", latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
  fast3g: { label: "Fast 3G", latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
const SELECTORS = {
  visible: ['a[href="tel:12367"]', ".purpose"],
  // The guide's answer buttons: `button.option` in the question's `.options` group (the
  // country question's "Continue" submit button is not one), or any button of a
  // [data-question] element.
  question: process.env.BENCH_QUESTION || "#app .options button.option, #app [data-question] button",
  // Every screen of the guide has a heading; a new heading node means a new screen.
  heading: "#app h1, #app h2",
  interactive: "#app button, #app a[href], #app input, #app select, #app textarea",
};
// The budget of issue 6 (1 KB = 1,000 bytes).
const BUDGET = {
  firstLoadBrotli: 120_000,
  floorRatio: 1.7,
  visibleSlow3g: 1500,
  usableSlow3g: 4500,
  usableOffline: 300,
  tap: 16,
};
const WAIT = Number(process.env.BENCH_WAIT || 120_000);

// ---------------------------------------------------------------- the probe (runs in the page)

function probe(cfg) {
  const marks = { visible: null, question: null, mounted: null, startScreen: null, fcp: null, load: null, started: null };
  Object.defineProperty(window, "__bench", { value: marks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === "first-contentful-paint") marks.fcp = entry.startTime;
      }
    }).observe({ type: "paint", buffered: true });
  } catch {}
  addEventListener("load", () => { marks.load = performance.now(); });
  addEventListener("TrunkApplicationStarted", (event) => {
    marks.started = performance.now();
    Object.defineProperty(window, "__benchWasm", { value: event.detail && event.detail.wasm });
  });
  // Laid out: in the document with a box, not hidden. (A button below the fold is usable:
  // the person scrolls to it; the header must be in the first screenful.)
  const laidOut = (el) => {
    if (!el.isConnected) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const inView = (el) => {
    const box = el.getBoundingClientRect();
    return laidOut(el) && box.bottom > 0 && box.top < innerHeight;
  };
  const any = (selector, test) => Array.from(document.querySelectorAll(selector)).some(test);
  const tests = {
    visible: () => cfg.visible !== null && cfg.visible.every((selector) => any(selector, inView)),
    question: () => {
      const options = Array.from(document.querySelectorAll(cfg.question));
      return options.length > 0 && options.every((b) => !b.disabled) && options.some(laidOut);
    },
    mounted: () => any(cfg.interactive, (el) => !el.disabled && laidOut(el)),
  };
  // A start screen whose link leads to the first question: the link is tapped as soon as it
  // has been painted, as a person who knows where to tap would.
  if (cfg.follow) tests.startScreen = () => any(`#app a[href="${cfg.follow}"]`, laidOut);
  const after = {
    startScreen: () => document.querySelector(`#app a[href="${cfg.follow}"]`).click(),
  };
  const pending = {};
  // Called inside a rAF callback: the message runs after this frame has been rendered.
  const afterThisFrame = (key) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks[key] = performance.now();
      if (after[key]) after[key]();
    };
    channel.port2.postMessage(null);
  };
  const frame = () => {
    for (const key of Object.keys(tests)) {
      if (!pending[key] && tests[key]()) { pending[key] = true; afterThisFrame(key); }
    }
    if (!((pending.visible || cfg.visible === null) && pending[cfg.until])) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// Armed before each tap of the walk (runs in the page). The next screen is there when what the
// screen says (its heading and its answer buttons) differs from the tapped one's: Leptos may
// patch the same nodes in place, so node identity would not tell.
function armTap(cfg) {
  const says = () => {
    const heading = document.querySelector(cfg.heading);
    const options = Array.from(document.querySelectorAll(cfg.question), (b) => b.textContent);
    return `${heading ? heading.textContent : ""}|${options.join("|")}`;
  };
  const before = says();
  const tap = { start: null, done: null, from: location.hash, to: null };
  window.__tap = tap;
  addEventListener("click", (event) => { if (tap.start === null) tap.start = event.timeStamp; }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (says() === before) return;
    observer.disconnect();
    tap.to = location.hash;
    // The next frame shows the new screen; the message runs once it has been rendered.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { tap.done = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

// ---------------------------------------------------------------- serving


/** tools/serve.mjs on `dir`, as `make run` starts it; `stop()` and `start()` again on the same port. */
async function serve(dir) {
  const port = await freePort();
  let child = null;
  const server = {
    url: `http://127.0.0.1:${port}/`,
    // Every path the server sent, in order: what crossed the network. A request the browser
    // answered from its HTTP cache never reaches the server and moves nothing.
    served: [],
    async start() {
      child = spawn(process.execPath, [join(projectRoot, "tools/serve.mjs"), "--dir", dir, "--port", String(port), "--log"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise((done, fail) => {
        child.stdout.once("data", done);
        child.once("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
      });
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk) => {
        for (const line of chunk.split("\n")) if (line.startsWith("GET ")) server.served.push(line.slice(4));
      });
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill();
      await exited;
      child = null;
    },
  };
  await server.start();
  return server;
}

function snapshot(dir, name) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${relative(projectRoot, dir)}/index.html is missing: run \`make bench\` (it builds first)`);
  }
  const copy = mkdtempSync(join(tmpdir(), `sos-bench-${name}-`));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

// ---------------------------------------------------------------- the browser


/** A fresh context with the probe; the floor has no static header, so nothing to see there. */
async function newContext(browser, until, { header = true, follow = null } = {}) {
  const context = await browser.newContext(PHONE);
  const cfg = { ...SELECTORS, visible: header ? SELECTORS.visible : null, until, follow };
  await context.addInitScript({ content: `(${probe})(${JSON.stringify(cfg)});` });
  return context;
}

async function throttle(context, page, network) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  if (network) {
    // No Network.setCacheDisabled: every cold run has a fresh context, so the cache starts
    // empty anyway, and disabling it would make the service worker's precache download the
    // files a second time over the throttled link, which no phone does.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.downloadThroughput,
      uploadThroughput: network.uploadThroughput,
    });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return cdp;
}

async function waitFor(page, key) {
  try {
    await page.waitForFunction((k) => window.__bench && window.__bench[k] !== null, key, { timeout: WAIT, polling: 250 });
  } catch (error) {
    const seen = await page.evaluate(() => ({
      url: location.href,
      marks: window.__bench,
      app: (document.getElementById("app") || document.body).outerHTML.slice(0, 1500),
    })).catch(() => null);
    throw new Error(`no "${key}" within ${WAIT / 1000} s: ${JSON.stringify(seen)}`, { cause: error });
  }
}

/** The probe's marks, and the navigation's own timing (when index.html arrived, when parsed). */
async function marks(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      ...window.__bench,
      html: nav ? nav.responseEnd : null,
      parsed: nav ? nav.domInteractive : null,
    };
  });
}

async function memory(page, cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize");
  const wasm = await page.evaluate(() => {
    const exports = window.__benchWasm;
    return exports && exports.memory && exports.memory.buffer ? exports.memory.buffer.byteLength : null;
  });
  return { jsHeap: heap ? heap.value : null, wasmMemory: wasm };
}

const maxOf = (samples, key) => {
  const values = samples.map((s) => s[key]).filter((v) => v !== null && v !== undefined);
  return values.length ? Math.max(...values) : null;
};

// ---------------------------------------------------------------- what a build's first visit fetches

async function transfer(browser, dir, server, { serviceWorker }) {
  const context = await browser.newContext(PHONE);
  const requests = [];
  context.on("requestfinished", (request) => {
    requests.push((async () => {
      const response = await request.response();
      return {
        url: request.url(),
        byWorker: Boolean(request.serviceWorker()),
        encoding: response ? (await response.allHeaders())["content-encoding"] || "identity" : null,
        sizes: await request.sizes(),
      };
    })());
  });
  const page = await context.newPage();
  const servedBefore = server.served.length;
  await page.goto(server.url, { waitUntil: "load" });
  if (serviceWorker) {
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: WAIT });
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const done = await Promise.all(requests);
  await context.close();
  // How many times the server actually sent each file during this visit.
  const sent = new Map();
  for (const path of server.served.slice(servedBefore)) {
    const name = decodeURIComponent(path).replace(/^\//, "") || "index.html";
    sent.set(name, (sent.get(name) || 0) + 1);
  }

  const files = new Map();
  for (const request of done) {
    const path = decodeURIComponent(new URL(request.url).pathname).replace(/^\//, "") || "index.html";
    const file = join(dir, path);
    const size = (p) => (existsSync(p) ? statSync(p).size : null);
    const entry = files.get(path) || {
      file: path,
      raw: size(file),
      gzip: size(file + ".gz"),
      brotli: size(file + ".br"),
      byPage: 0,
      byWorker: 0,
      encoding: request.encoding,
      transferredByPage: 0,
      transferred: 0,
    };
    // On the wire: the body as served (the .br or .gz copy or the file itself; Chromium's
    // own count misses the service worker script's body) and the response headers.
    const served = { br: entry.brotli, gzip: entry.gzip }[request.encoding] ?? entry.raw ?? 0;
    // A request only moves bytes if the server sent the file for it; the service worker's
    // precache of a file the page has just fetched is answered by the HTTP cache.
    const wire = (sent.get(path) || 0) > 0;
    if (wire) sent.set(path, sent.get(path) - 1);
    const moved = wire ? served + Math.max(0, request.sizes.responseHeadersSize) : 0;
    if (request.byWorker) entry.byWorker += 1; else { entry.byPage += 1; entry.transferredByPage += moved; }
    entry.transferred += moved;
    files.set(path, entry);
  }
  const list = [...files.values()].sort((a, b) => (b.brotli || 0) - (a.brotli || 0));
  const pageFiles = list.filter((f) => f.byPage > 0);
  const sum = (rows, key) => rows.reduce((total, f) => total + (f[key] || 0), 0);
  return {
    files: list,
    // A file whose compressed copy is not smaller is sent as it is (tools/serve.mjs).
    firstLoad: {
      raw: sum(pageFiles, "raw"),
      gzip: sum(pageFiles.map((f) => ({ n: Math.min(f.raw, f.gzip ?? f.raw) })), "n"),
      brotli: sum(pageFiles.map((f) => ({ n: Math.min(f.raw, f.brotli ?? f.raw) })), "n"),
    },
    transferredByPage: sum(pageFiles, "transferredByPage"),
    transferred: sum(list, "transferred"),
    requests: done.length,
  };
}

// ---------------------------------------------------------------- timed visits

/** What "usable" means for this build: the first question on the first screen, or one tap
 * away behind the start screen's link to it, or (no question screens yet) the app mounted. */
async function preflight(browser, server) {
  const context = await newContext(browser, "mounted");
  const page = await context.newPage();
  await page.goto(server.url);
  await waitFor(page, "mounted");
  const find = async () => page.waitForFunction((s) => document.querySelector(s) !== null, SELECTORS.question, { timeout: 3000 })
    .then(() => true, () => false);
  let follow = null;
  let criterion = "mounted";
  if (await find()) {
    criterion = "question";
  } else {
    const link = await page.evaluate(() => {
      const a = document.querySelector('#app a[href^="#/questions/"]');
      return a ? a.getAttribute("href") : null;
    });
    if (link) {
      await page.goto(server.url + link);
      if (await find()) { follow = link; criterion = "question"; }
    }
  }
  await context.close();
  return { follow, criterion };
}

async function coldRun(browser, url, network, criterion, header, follow) {
  const context = await newContext(browser, criterion, { header, follow });
  const page = await context.newPage();
  const cdp = await throttle(context, page, network);
  await page.goto(url, { waitUntil: "commit", timeout: WAIT });
  if (header) await waitFor(page, "visible");
  await waitFor(page, criterion);
  const m = await marks(page);
  const mem = await memory(page, cdp);
  await context.close();
  return { visible: m.visible, usable: m[criterion], startScreen: m.startScreen, fcp: m.fcp, html: m.html, parsed: m.parsed, load: m.load, started: m.started, ...mem };
}

async function offlineRun(browser, dir, follow, criterion) {
  const server = await serve(dir);
  const context = await newContext(browser, criterion, { follow });
  try {
    const first = await context.newPage();
    await first.goto(server.url);
    await first.evaluate(async () => { await navigator.serviceWorker.ready; });
    if (!(await first.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await first.reload();
    await first.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: WAIT });
    await waitFor(first, criterion);
    await first.close();
    await server.stop();
    await context.setOffline(true);
    const page = await context.newPage();
    const cdp = await throttle(context, page, null);
    await page.goto(server.url, { waitUntil: "commit", timeout: WAIT });
    await waitFor(page, criterion);
    const m = await marks(page);
    const mem = await memory(page, cdp);
    return { usable: m[criterion], visible: m.visible, startScreen: m.startScreen, fcp: m.fcp, html: m.html, parsed: m.parsed, load: m.load, started: m.started, ...mem };
  } finally {
    await context.close();
    await server.stop();
  }
}

async function walkRun(browser, url) {
  const context = await newContext(browser, "question");
  const page = await context.newPage();
  const cdp = await throttle(context, page, null);
  await page.goto(url, { timeout: WAIT });
  await waitFor(page, "question");
  const samples = [await memory(page, cdp)];
  const taps = [];
  for (let i = 0; i < 60; i += 1) {
    if (!(await page.$(SELECTORS.question))) break;
    await page.evaluate(armTap, SELECTORS);
    await page.locator(SELECTORS.question).first().tap({ timeout: WAIT });
    await page.waitForFunction(() => window.__tap.done !== null && window.__tap.start !== null, null, { timeout: 10_000, polling: 100 })
      .catch(async (error) => {
        const seen = await page.evaluate(() => ({ tap: window.__tap, url: location.href })).catch(() => null);
        throw new Error(`tap ${i + 1}: no next screen within 10 s: ${JSON.stringify(seen)}`, { cause: error });
      });
    const tap = await page.evaluate(() => ({ ...window.__tap }));
    taps.push({ from: tap.from, to: tap.to, ms: tap.done - tap.start });
    samples.push(await memory(page, cdp));
    // Let the screen settle (the app may focus or scroll) before the next tap is armed.
    await page.waitForTimeout(100);
  }
  await context.close();
  const times = taps.map((t) => t.ms);
  return {
    taps,
    median: times.length ? median(times) : null,
    worst: times.length ? Math.max(...times) : null,
    jsHeap: maxOf(samples, "jsHeap"),
    wasmMemory: maxOf(samples, "wasmMemory"),
  };
}

// ---------------------------------------------------------------- figures

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values) {
  const present = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  if (!present.length) return null;
  return { median: median(present), min: Math.min(...present), max: Math.max(...present), values: present };
}

const summarise = (runs, keys) => Object.fromEntries(keys.map((k) => [k, stats(runs.map((r) => r[k]))]));

const ms = (s) => (s ? `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})` : "n/a");
const mb = (s) => (s ? `${(s.median / 1048576).toFixed(2)} MB (${(s.min / 1048576).toFixed(2)}–${(s.max / 1048576).toFixed(2)})` : "n/a");
const bytes = (n) => (n === null || n === undefined ? "–" : n.toLocaleString("en-US"));
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  ");
    return i === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
  }).join("\n");
}

function git(...command) {
  try {
    return execFileSync("git", command, { cwd: projectRoot, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const began = Date.now();
  const log = (text) => process.stderr.write(`bench: ${text}\n`);
  const appDir = snapshot(APP_DIR, "app");
  const floorDir = snapshot(FLOOR_DIR, "floor");
  const browser = await launch();
  const app = await serve(appDir);
  const floor = await serve(floorDir);
  const result = {
    date: new Date().toISOString(),
    commit: git("rev-parse", "--short", "HEAD"),
    uncommittedChanges: Boolean(git("status", "--porcelain", "--untracked-files=no")),
    runs: RUNS,
    conditions: { phone: PHONE, cpuSlowdown: CPU_SLOWDOWN, networks: NETWORKS, selectors: SELECTORS },
    budget: BUDGET,
  };
  try {
    log("first-load transfer");
    result.transfer = {
      app: await transfer(browser, appDir, app, { serviceWorker: true }),
      floor: await transfer(browser, floorDir, floor, { serviceWorker: false }),
    };

    const { follow, criterion } = await preflight(browser, app);
    result.start = { follow, criterion };
    result.start.description = criterion === "question"
      ? `the first question's options present and enabled${follow ? ` (the start screen's link to ${follow} tapped once painted)` : ""}`
      : "the app mounted: its first enabled interactive element in #app (no question screens in this build)";
    log(`"usable" = ${result.start.description}`);

    result.cold = {};
    for (const [key, network] of Object.entries(NETWORKS)) {
      for (const [name, server, until, header, link] of [["app", app, criterion, true, follow], ["floor", floor, "mounted", false, null]]) {
        const runs = [];
        for (let i = 0; i < RUNS; i += 1) {
          log(`${name}, first visit, ${network.label}, CPU ${CPU_SLOWDOWN}x: run ${i + 1}/${RUNS}`);
          runs.push(await coldRun(browser, server.url, network, until, header, link));
        }
        result.cold[name] ??= {};
        result.cold[name][key] = { ...summarise(runs, ["visible", "usable", "startScreen", "fcp", "html", "parsed", "load", "started", "jsHeap", "wasmMemory"]), runs };
      }
    }

    const offline = [];
    for (let i = 0; i < RUNS; i += 1) {
      log(`app, repeat visit offline, CPU ${CPU_SLOWDOWN}x: run ${i + 1}/${RUNS}`);
      offline.push(await offlineRun(browser, appDir, follow, criterion));
    }
    result.offline = { ...summarise(offline, ["usable", "visible", "startScreen", "fcp", "html", "parsed", "load", "started", "jsHeap", "wasmMemory"]), runs: offline };

    if (criterion === "question") {
      const walks = [];
      for (let i = 0; i < RUNS; i += 1) {
        log(`app, tap to next screen, CPU ${CPU_SLOWDOWN}x: run ${i + 1}/${RUNS}`);
        walks.push(await walkRun(browser, app.url + (follow || "")));
      }
      result.taps = { ...summarise(walks, ["median", "worst", "jsHeap", "wasmMemory"]), runs: walks };
    } else {
      result.taps = { skipped: "n/a: no question screens in this build" };
    }
  } finally {
    await browser.close();
    await app.stop();
    await floor.stop();
    rmSync(appDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }

  // Peak memory of the app: the largest sample of any of its runs.
  const appRuns = [
    ...Object.values(result.cold.app).flatMap((c) => c.runs),
    ...result.offline.runs,
    ...(result.taps.runs || []),
  ];
  result.memory = {
    peakJsHeap: maxOf(appRuns, "jsHeap"),
    peakWasmMemory: maxOf(appRuns, "wasmMemory"),
    walk: result.taps.runs ? { jsHeap: result.taps.jsHeap, wasmMemory: result.taps.wasmMemory } : null,
    startup: { jsHeap: result.cold.app.slow3g.jsHeap, wasmMemory: result.cold.app.slow3g.wasmMemory },
    floorStartup: { jsHeap: result.cold.floor.slow3g.jsHeap, wasmMemory: result.cold.floor.slow3g.wasmMemory },
  };
  const ratio = (a, b) => (a && b ? a / b : null);
  result.ratios = {
    firstLoadBrotli: ratio(result.transfer.app.firstLoad.brotli, result.transfer.floor.firstLoad.brotli),
    usableSlow3g: ratio(result.cold.app.slow3g.usable?.median, result.cold.floor.slow3g.usable?.median),
    usableFast3g: ratio(result.cold.app.fast3g.usable?.median, result.cold.floor.fast3g.usable?.median),
  };
  const verdict = (value, limit) => (value === null || value === undefined ? "n/a" : value <= limit ? "within" : "OVER");
  result.verdicts = {
    firstLoadBrotli: verdict(result.transfer.app.firstLoad.brotli, BUDGET.firstLoadBrotli),
    floorRatio: verdict(result.ratios.firstLoadBrotli, BUDGET.floorRatio),
    visibleSlow3g: verdict(result.cold.app.slow3g.visible?.median, BUDGET.visibleSlow3g),
    usableSlow3g: verdict(result.cold.app.slow3g.usable?.median, BUDGET.usableSlow3g),
    usableOffline: verdict(result.offline.usable?.median, BUDGET.usableOffline),
    tap: verdict(result.taps.worst?.median ?? null, BUDGET.tap),
  };
  result.seconds = Math.round((Date.now() - began) / 1000);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");
  print(result);
  console.log(`\nJSON: ${relative(projectRoot, OUT)} (${result.seconds} s)`);
}

function print(r) {
  const out = [];
  const title = (text) => out.push(`\n${text}`);
  out.push(`Passport SOS China: speed and size, commit ${r.commit}${r.uncommittedChanges ? " with uncommitted changes" : ""}, ` +
    `median of ${r.runs} runs (min–max)`);

  for (const [name, t] of Object.entries(r.transfer)) {
    title(`First-load transfer: ${name === "app" ? "the app" : "framework floor (Leptos counter)"}`);
    out.push(table([
      ["file", "raw", "gzip", "brotli", "served", "fetched by", "transferred"],
      ...t.files.map((f) => [f.file, bytes(f.raw), bytes(f.gzip), bytes(f.brotli), f.encoding,
        [f.byPage ? "page" : "", f.byWorker ? "service worker" : ""].filter(Boolean).join(" + "), bytes(f.transferred)]),
      ["first load (page)", bytes(t.firstLoad.raw), bytes(t.firstLoad.gzip), bytes(t.firstLoad.brotli), "", "", bytes(t.transferredByPage)],
      ["whole visit", "", "", "", "", `${t.requests} requests`, bytes(t.transferred)],
    ]));
  }

  title(`Start-up, first visit (cold cache), CPU ${r.conditions.cpuSlowdown}x; usable = ${r.start.description}`);
  const rows = [["", "app: visible", "app: usable", "floor: usable", "app / floor"]];
  for (const [key, network] of Object.entries(r.conditions.networks)) {
    const a = r.cold.app[key];
    const f = r.cold.floor[key];
    rows.push([network.label, ms(a.visible), ms(a.usable), ms(f.usable),
      a.usable && f.usable ? `${(a.usable.median / f.usable.median).toFixed(2)}x` : "n/a"]);
  }
  out.push(table(rows));

  title("Repeat visit, network off, from the service worker, CPU 4x");
  out.push(`usable ${ms(r.offline.usable)}`);

  title("Tap on an answer to the next screen painted, CPU 4x");
  out.push(r.taps.skipped ? r.taps.skipped
    : `median ${ms(r.taps.median)}, worst ${ms(r.taps.worst)}, ${r.taps.runs[0].taps.length} taps a walk`);

  title("Memory (the app's peak over all runs; start-up at Slow 3G)");
  out.push(table([
    ["", "JS heap used", "WebAssembly memory"],
    ["app, peak", bytes(r.memory.peakJsHeap), bytes(r.memory.peakWasmMemory)],
    ["app, after start-up", mb(r.memory.startup.jsHeap), mb(r.memory.startup.wasmMemory)],
    ...(r.memory.walk ? [["app, walk peak", mb(r.memory.walk.jsHeap), mb(r.memory.walk.wasmMemory)]] : []),
    ["floor, after start-up", mb(r.memory.floorStartup.jsHeap), mb(r.memory.floorStartup.wasmMemory)],
  ]));

  title("Budget");
  const v = r.verdicts;
  out.push(table([
    ["goal", "budget", "measured", ""],
    ["first load, brotli", kb(r.budget.firstLoadBrotli), kb(r.transfer.app.firstLoad.brotli), v.firstLoadBrotli],
    ["first load / framework floor", `${r.budget.floorRatio}x`, r.ratios.firstLoadBrotli ? `${r.ratios.firstLoadBrotli.toFixed(2)}x` : "n/a", v.floorRatio],
    ["12367 and purpose visible, Slow 3G", `${r.budget.visibleSlow3g} ms`, ms(r.cold.app.slow3g.visible), v.visibleSlow3g],
    ["first question usable, Slow 3G, CPU 4x", `${r.budget.usableSlow3g} ms`, ms(r.cold.app.slow3g.usable), v.usableSlow3g],
    ["usable offline, repeat visit, CPU 4x", `${r.budget.usableOffline} ms`, ms(r.offline.usable), v.usableOffline],
    ["tap to next screen (worst), CPU 4x", `${r.budget.tap} ms`, r.taps.skipped ? "n/a" : ms(r.taps.worst), v.tap],
  ]));
  if (r.start.criterion !== "question") {
    out.push(`(no question screens in this build: "usable" is the app mounted, and the tap figure is n/a)`);
  }
  console.log(out.join("\n"));
}

main().catch((error) => {
  console.error(`bench: ${error.stack || error}`);
  process.exit(1);
});
