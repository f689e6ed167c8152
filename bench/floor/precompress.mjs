// Trunk post_build hook of the framework floor: the brotli and gzip copies beside every file,
// with the same settings as tools/post_build.mjs (brotli quality 11, gzip -9), so that
// tools/serve.mjs sends the floor and the app compressed alike.
import { readdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!root) {
  console.error("precompress: TRUNK_STAGING_DIR is not set (run through trunk, or pass the folder)");
  process.exit(1);
}
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]);

for (const path of walk(root).filter((p) => !p.endsWith(".br") && !p.endsWith(".gz"))) {
  const body = readFileSync(path);
  writeFileSync(path + ".br", brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }));
  writeFileSync(path + ".gz", gzipSync(body, { level: 9 }));
  for (const out of [path, path + ".br", path + ".gz"]) chmodSync(out, 0o644);
}
