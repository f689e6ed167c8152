// Trunk post_build hook: runs in the staging folder once every asset is final (hashed names,
// wasm-opt done). It does what a static host cannot:
//  1. gives the service worker the list of every file of this build, and a cache version
//     hashed from the files' contents (Trunk's file names are hashed before wasm-opt runs,
//     so names alone would miss an optimiser-only change);
//  2. writes brotli and gzip copies beside every file, so any host that serves precompressed
//     files sends a phone on slow 3G the smallest bytes;
//  3. puts the page-without-the-app essentials and the static screen's texts, in every
//     language, into index.html (built from the content);
//  4. pins index.html's inline script and style by hash in a Content-Security-Policy meta
//     tag, so the policy travels with the files to any static host: nothing from another
//     origin, no eval beyond WebAssembly's, no inline code but these exact bytes.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync, chmodSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!root) {
  console.error("post_build: TRUNK_STAGING_DIR is not set (run through trunk, or pass the folder)");
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

const isCompressedCopy = (path) => path.endsWith(".br") || path.endsWith(".gz");

// The directory file and each language's file get a content hash in their names like Trunk's
// own files, so the service worker and the HTTP cache may keep them for good; index.html says
// which name to fetch, in a <meta> per file.
const indexPath = join(root, "index.html");
function hashName(file, metaName, stem) {
  const path = join(root, file);
  try {
    const bytes = readFileSync(path);
    const name = `${stem}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.bin`;
    renameSync(path, join(root, name));
    const html = readFileSync(indexPath, "utf8");
    // The minifier may put `content` first and drop the quotes.
    const meta = new RegExp(`<meta (?=[^>]*name="?${metaName}[" >])[^>]*>`);
    if (!meta.test(html)) {
      console.error(`post_build: index.html has no <meta name=${metaName}> to fill in`);
      process.exit(1);
    }
    writeFileSync(indexPath, html.replace(meta, `<meta name="${metaName}" content="${name}">`));
  } catch (e) {
    // Run again over a finished build (the update tests do): already renamed.
    if (e.code !== "ENOENT") throw e;
  }
}
hashName("directory.postcard", "sos-directory", "directory");
for (const file of readdirSync(root).filter((f) => /^lang-[a-z]+\.postcard$/.test(f))) {
  const code = file.slice(5, -9);
  hashName(file, `sos-lang-${code}`, `lang-${code}`);
}
const files = walk(root).filter((path) => !isCompressedCopy(path)).sort();
const urlOf = (path) => relative(root, path).split(sep).join("/");

writeFileSync(indexPath, withPolicy(withStaticTexts(withEssentials(readFileSync(indexPath, "utf8")))));

// The static screen's texts in every language (content/ui.toml), as `sos bundle` wrote them.
function withStaticTexts(html) {
  const texts = JSON.parse(readFileSync(join(process.cwd(), "target", "bundle", "static.json"), "utf8"));
  for (const [name, markup] of Object.entries(texts)) {
    const marker = new RegExp(`<template id="?static-${name}"?></template>`);
    // Run again over a finished build: already replaced.
    if (marker.test(html)) html = html.replace(marker, () => markup);
  }
  const left = /<template id="?static-([a-z]+)/.exec(html);
  if (left) {
    console.error(`post_build: no text for <template id=static-${left[1]}> (see essentials::static_texts)`);
    process.exit(1);
  }
  return html;
}

// The page without the app (content/essentials.toml), as `sos bundle` wrote it before the build.
function withEssentials(html) {
  const marker = /<template id="?essentials-here"?><\/template>/;
  // Run again over a finished build (the update tests do): the essentials are already in.
  if (!marker.test(html) && /<section id="?essentials"?[\s>]/.test(html)) return html;
  if (!marker.test(html)) {
    console.error("post_build: index.html has no <template id=essentials-here> to fill in");
    process.exit(1);
  }
  const essentials = readFileSync(join(process.cwd(), "target", "bundle", "essentials.html"), "utf8");
  return html.replace(marker, essentials);
}

const worker = join(root, "sw.js");
const precached = files.filter((path) => path !== worker);
const hash = createHash("sha256");
for (const path of precached) {
  hash.update(urlOf(path));
  hash.update("\0");
  hash.update(readFileSync(path));
}
const version = hash.digest("hex").slice(0, 16);
const build = { version, files: precached.map(urlOf) };

const workerSource = readFileSync(worker, "utf8");
const marker = /^const BUILD = .*;$/m;
if (!marker.test(workerSource)) {
  console.error("post_build: sw.js has no `const BUILD = …;` line to fill in");
  process.exit(1);
}
writeFileSync(worker, workerSource.replace(marker, `const BUILD = ${JSON.stringify(build)};`));

function withPolicy(html) {
  const digest = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const inline = (tag) =>
    [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))]
      .filter((match) => !/\ssrc=/.test(match[1] || ""))
      .map((match) => digest(match[2]));
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline("script").join(" ")}`,
    `style-src 'self' ${inline("style").join(" ")}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const previous = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
  if (previous.test(html)) return html.replace(previous, meta);
  // Right after the charset, so the policy covers everything that follows.
  return html.replace(/(<meta charset=[^>]*>)/i, `$1${meta}`);
}

let raw = 0, gz = 0, br = 0;
for (const path of files) {
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  writeFileSync(path + ".br", brotli);
  writeFileSync(path + ".gz", gzip);
  // Hooks may leave files 0600; a static host running as another user could not read them.
  for (const out of [path, path + ".br", path + ".gz"]) chmodSync(out, 0o644);
  raw += statSync(path).size; gz += gzip.length; br += brotli.length;
}
console.log(`post_build: ${files.length} files, cache ${version}; raw ${raw} B, gzip ${gz} B, brotli ${br} B`);
