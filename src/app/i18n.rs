//! The interface strings: looked up by message name in the content (`content/ui.toml` and the
//! language files), where a message missing in any language fails `sos check`. Procedure
//! content (questions, steps, sources) comes from the content files through `content::Text`.

use passport_sos::content::Lang;

pub use passport_sos::ui::Msg;

/// The text of an interface message (`content/ui.toml`, and each language's file). `{}` marks
/// where [`fill`] puts a value.
pub fn text(msg: Msg, lang: Lang) -> &'static str {
    passport_sos::content::bundled().message(msg, lang)
}

/// Puts the values into the `{}` of a message, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    for value in values {
        match rest.find("{}") {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push_str(value);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The BCP 47 tag for `lang` attributes: screen readers and the font fallback for Chinese
/// depend on it.
pub fn html_lang(lang: Lang) -> &'static str {
    lang.tag()
}

pub fn code(lang: Lang) -> &'static str {
    lang.code()
}

pub fn from_code(code: &str) -> Option<Lang> {
    Lang::from_code(code)
}
