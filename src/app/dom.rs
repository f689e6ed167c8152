//! A small DOM builder for the screens.
//!
//! Why not `view!`: in tachys every distinct view type gets its own build, rebuild, mount and
//! unmount code. Measured on this app, the one plan-step component cost 38.6 KB of brotli'd
//! wasm and all screens together 111 KB, for markup that is static once built. Here every
//! call goes through the same few non-generic functions, so a screen costs little more than
//! its strings. Leptos still does what it is good at: signals, memos, render effects and owners
//! (which drop a screen's effects and listeners when it goes). With no `view!` left, nothing
//! calls `leptos::mount` and tachys drops out of the wasm entirely (150 -> 141 KB brotli).
//!
//! A screen is built once for a page, a language and a set of answers; the few things that
//! change while it is shown (a ticked box, a status line, a confirmation) are bound with
//! `bind` or `region`.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// An element being built.
pub struct El(pub Element);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect_throw("no document")
}

pub fn el(tag: &str) -> El {
    El(document().create_element(tag).expect_throw("element"))
}

impl El {
    pub fn class(self, class: &str) -> El {
        self.0.set_class_name(class);
        self
    }

    pub fn id(self, id: &str) -> El {
        self.0.set_id(id);
        self
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Appends a text node: never parsed as markup.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn kids(self, children: Vec<El>) -> El {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// A listener that lives as long as the reactive owner it was added under (the screen, or
    /// the region it belongs to).
    pub fn on(self, event: &str, handler: impl FnMut(Event) + 'static) -> El {
        self.on_boxed(event, Box::new(handler))
    }

    fn on_boxed(self, event: &str, handler: Box<dyn FnMut(Event)>) -> El {
        let closure = Closure::wrap(handler);
        let _ = self.0.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        keep(closure);
        self
    }

    /// The element as an input, for `checked` and `value`.
    pub fn input(&self) -> web_sys::HtmlInputElement {
        self.0.clone().unchecked_into()
    }
}

/// Keeps something (an effect, a listener) alive until the current owner is cleaned up.
fn keep<T: 'static>(value: T) {
    let value = SendWrapper::new(value);
    Owner::on_cleanup(move || drop(value));
}

/// Runs `update` now and again whenever a signal it reads changes, until the owner goes.
pub fn bind(update: impl FnMut() + 'static) {
    bind_boxed(Box::new(update));
}

fn bind_boxed(mut update: Box<dyn FnMut()>) {
    keep(RenderEffect::new(move |_: Option<()>| update()));
}

/// Fills `host` with what `render` returns, again whenever a signal it reads changes; effects
/// and listeners of the previous content go with it.
pub fn region(host: El, render: impl FnMut() -> Vec<El> + 'static) -> El {
    region_boxed(host, Box::new(render))
}

fn region_boxed(host: El, mut render: Box<dyn FnMut() -> Vec<El>>) -> El {
    let node = host.0.clone();
    bind_boxed(Box::new(move || replace_children(&node, render())));
    host
}

/// Puts `parts` in place of whatever `node` held.
pub fn replace_children(node: &Element, parts: Vec<El>) {
    node.set_text_content(None);
    for part in parts {
        let _ = node.append_child(&part.0);
    }
}

// The shapes that make up most of the screens.

/// An element with one text child.
pub fn tx(tag: &str, text: &str) -> El {
    el(tag).text(text)
}

/// An element with a class and one text child.
pub fn ctx(tag: &str, class: &str, text: &str) -> El {
    el(tag).class(class).text(text)
}

pub fn link(href: &str, text: &str) -> El {
    el("a").attr("href", href).text(text)
}

/// A link styled as a button.
pub fn button_link(class: &str, href: &str, text: &str) -> El {
    el("a").class(class).attr("href", href).text(text)
}

pub fn button(class: &str, text: &str) -> El {
    let b = el("button").attr("type", "button");
    let b = if class.is_empty() { b } else { b.class(class) };
    b.text(text)
}

/// A section named by its `<h3>` heading (landmark and heading for screen readers).
pub fn section(class: &str, heading_id: &str, heading: &str) -> El {
    let s = el("section");
    let s = if class.is_empty() { s } else { s.class(class) };
    s.attr("aria-labelledby", heading_id).child(tx("h3", heading).id(heading_id))
}

/// A status line (read out when it changes) that shows what `message` gives, or nothing.
pub fn status_line(message: impl Fn() -> Option<&'static str> + 'static) -> El {
    let line = el("p").attr("role", "status");
    let node = line.0.clone();
    bind(move || node.set_text_content(message()));
    line
}

/// The screen's heading: it takes the focus when the screen changes.
pub fn page_heading(text: &str) -> El {
    el("h2").id("page-heading").attr("tabindex", "-1").text(text)
}

/// A `<ul>` (or other list) of the given items.
pub fn list(tag: &str, class: &str, items: Vec<El>) -> El {
    let l = el(tag);
    let l = if class.is_empty() { l } else { l.class(class) };
    l.kids(items)
}

/// Visually hidden text for screen readers.
pub fn sr_only(text: &str) -> El {
    ctx("span", "sr-only", text)
}
