// Shared set-up for the end-to-end tests: a private copy of dist/ served by the same server
// `make run` uses, and Debian's Chromium on a phone viewport.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const nodeModules = process.env.SOS_NODE_MODULES || join(projectRoot, ".tools/node/node_modules");
const require = createRequire(join(nodeModules, "noop.js"));
export const { chromium } = require("playwright-core");
export const { default: AxeBuilder } = require("@axe-core/playwright");

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const artifacts = join(projectRoot, "artifacts", "e2e");
mkdirSync(artifacts, { recursive: true });

async function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Serves a private copy of dist/, so a test may change it (a "new build") without touching dist/. */
export async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), "sos-e2e-"));
  cpSync(join(projectRoot, "dist"), dir, { recursive: true });
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

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  });
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
