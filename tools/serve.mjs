// Serves dist/ the way a good static host would, so that what `make run`, the end-to-end
// tests and the benchmark see is what a person on a phone gets:
//  - the precompressed .br / .gz copy to a client that accepts it;
//  - hashed assets cached for a year as immutable; index.html, sw.js and the manifest with
//    no-cache, so a new build is noticed on the next visit;
//  - any other path that is not a file answered with index.html, so deep links work.
// Usage: node tools/serve.mjs [--port 8080] [--dir dist] [--host 127.0.0.1] [--log]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const port = Number(option("port", process.env.PORT || "8080"));
const host = option("host", "127.0.0.1");
const root = resolve(option("dir", "dist"));
// With --log every request is printed as "GET /path", for tests that count downloads.
const logRequests = args.includes("--log");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const alwaysFresh = new Set(["index.html", "sw.js", "manifest.webmanifest"]);
// Trunk writes the 64-bit hash in hex without leading zeros, so it can be shorter than 16.
const hashedName = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

function cacheControl(name) {
  if (alwaysFresh.has(name) || /^manifest-[a-z]+\.webmanifest$/.test(name)) return "no-cache";
  if (hashedName.test(name)) return "public, max-age=31536000, immutable";
  return "public, max-age=86400";
}

async function fileAt(urlPath) {
  let relativePath;
  try {
    relativePath = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, relativePath));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {}
  return null;
}

async function smallerCopy(path, accepted, size) {
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!accepted.includes(encoding)) continue;
    try {
      const info = await stat(path + suffix);
      if (info.isFile() && info.size < size) return { encoding, path: path + suffix };
    } catch {}
  }
  return null;
}

const server = createServer(async (request, response) => {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const url = new URL(request.url, "http://localhost");
  if (logRequests) console.log(`${request.method} ${url.pathname}`);
  let path = await fileAt(url.pathname);
  if (!path) {
    // A path with a file extension is a missing asset: say so rather than send HTML.
    if (extname(url.pathname)) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    path = join(root, "index.html");
  }
  const name = path.slice(root.length + 1).split(sep).join("/");
  const size = (await stat(path)).size;
  const headers = {
    "Content-Type": types[extname(path)] || "application/octet-stream",
    "Cache-Control": cacheControl(name),
    "Vary": "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // The rest of the policy is a meta tag in index.html; framing can only be refused here.
    "Content-Security-Policy": "frame-ancestors 'none'",
  };
  const copy = await smallerCopy(path, String(request.headers["accept-encoding"] || ""), size);
  const body = await readFile(copy ? copy.path : path);
  if (copy) headers["Content-Encoding"] = copy.encoding;
  headers["Content-Length"] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}/ (Ctrl-C to stop)`);
});
