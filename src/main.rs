//! The browser app. Built for wasm32 by Trunk; on a native target there is nothing to run.

#[cfg(target_arch = "wasm32")]
mod app;

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("passport-sos is a web app: build it with `make run` (Trunk, wasm32).");
}
