//! The framework floor: a Leptos 0.8 CSR counter, mounted into `<main id="app">` the way the
//! app mounts itself, with nothing else in it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let Some(root) = document().get_element_by_id("app") else { return };
    leptos::mount::mount_to(root.unchecked_into(), Counter).forget();
}

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <button type="button" on:click=move |_| set_count.update(|n| *n += 1)>
            "Count: " {count}
        </button>
    }
}
