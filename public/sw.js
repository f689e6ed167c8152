// The service worker: the whole app is precached at install, so after one visit it opens
// with no network at all. Plain JavaScript, because a wasm worker would have to fetch and
// compile its module on every wake-up.
//
// The build (tools/post_build.mjs) rewrites the next line with the list of every file of the
// build and a version hashed from their contents, so any change to any file installs anew.
const BUILD = { version: "unbuilt", files: [] };

const CACHE = "passport-sos-" + BUILD.version;
// Trunk writes the 64-bit hash in hex without leading zeros, so it can be shorter than 16.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(BUILD.files.map((file) => new Request(file, {
        // A file with a content hash in its name never changes, so the copy the page has just
        // downloaded is the right one: taking it from the HTTP cache spares a phone on 3G a
        // second download of the wasm. Every other file is checked with the server.
        cache: HASHED.test(file) ? "default" : "no-cache",
      })))
    )
  );
  // No skipWaiting() here: a new version waits until the person taps "Reload".
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "activate-now") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("passport-sos-") && key !== CACHE)
          .map((key) => caches.delete(key))
      ))
      // The first install takes the open page at once, so it works offline from now on.
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Every page of the app is the same index.html; the router inside picks the screen.
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match(INDEX))
        .then((cached) => cached || fetch(request))
    );
    return;
  }

  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((cached) => cached || fetch(request))
  );
});
