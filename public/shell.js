// The page side of offline support. Plain JavaScript so that it runs before, and without,
// the WebAssembly: the update notice and the start-up failure notice must work even when the
// app itself does not.
(function () {
  "use strict";

  // If the app never mounts (an old browser, a broken download), say so instead of
  // leaving an empty page under the hotline, and show the essentials the build put in the
  // page (content/essentials.toml): the first steps and 12367, in both languages.
  function showFailure() {
    var app = document.getElementById("app");
    if (app && app.childElementCount === 0) {
      document.getElementById("app-failed").hidden = false;
      var essentials = document.getElementById("essentials");
      if (essentials) essentials.hidden = false;
    }
  }
  // Some old WebViews have no WebAssembly at all: the app cannot even try.
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") showFailure();

  // In-app browsers (WeChat, QQ, Alipay, Weibo, Douyin, DingTalk, Baidu, Feishu) cannot install
  // the guide, and on iOS they have no service worker, so it would not work offline: tell the
  // person how to open it in the phone's own browser. " QQ/" with a space is the QQ app, not
  // the QQ Browser (MQQBrowser), which is a browser of its own.
  var ua = navigator.userAgent || "";
  var inApp = /MicroMessenger|\sQQ\/|AlipayClient|Weibo|__weibo__|aweme|BytedanceWebview|DingTalk|baiduboxapp|Lark\/|Feishu/i.exec(ua);
  if (inApp) {
    document.documentElement.setAttribute("data-inapp", inApp[0].replace(/\W/g, "").toLowerCase());
    var inappNotice = document.getElementById("inapp");
    if (inappNotice) inappNotice.hidden = false;
  }
  window.addEventListener("unhandledrejection", showFailure);
  window.addEventListener("error", function (event) {
    // Only a script or wasm load failure matters here, not an image.
    if (event.target === window || (event.target && event.target.tagName === "SCRIPT")) showFailure();
  }, true);

  // Compression for the transfer code, by the browser: zlib through CompressionStream costs
  // the app nothing (a Rust deflate cost 13 KB of WebAssembly). Null where the browser has
  // none (Safari before 16.4, Firefox before 113): the app then makes a plain code. Inflating
  // damaged bytes rejects, which the app reports as a damaged code.
  window.__sosZlib = function (bytes, inflate) {
    if (typeof CompressionStream !== "function" || typeof DecompressionStream !== "function") return null;
    var stream = new Blob([bytes]).stream().pipeThrough(inflate ? new DecompressionStream("deflate") : new CompressionStream("deflate"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  };

  // The browser's own install prompt (Chrome, Edge on Android) fires once, early, maybe before
  // the app has started: keep it for the install page's button, and tell the page it came.
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    window.__sosInstallPrompt = event;
    window.dispatchEvent(new Event("sos-installable"));
  });

  // Service workers exist only on secure origins; a phone on http://LAN-IP has none and
  // the app simply runs online.
  if (!("serviceWorker" in navigator)) return;

  var notice = document.getElementById("update-ready");
  var button = document.getElementById("update-reload");
  var reloading = false;

  function offer(worker) {
    // Never swap the app under a person mid-way: the new version waits for their tap.
    notice.hidden = false;
    button.onclick = function () {
      button.disabled = true;
      worker.postMessage({ type: "activate-now" });
    };
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var incoming = registration.installing;
      if (!incoming) return;
      incoming.addEventListener("statechange", function () {
        // The first install has no controller yet: nothing to replace, nothing to offer.
        if (incoming.state === "installed" && navigator.serviceWorker.controller) offer(incoming);
      });
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only reload when the person asked for the new version; the first install's
    // clients.claim() also fires this event and must not reload the page.
    if (button.disabled && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").then(function (registration) {
      watch(registration);
      // Look for a new version whenever the app comes back to the foreground.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") registration.update().catch(function () {});
      });
    }).catch(function () {
      // Offline support is an extra: without it the app still works while online.
    });
  });
})();
