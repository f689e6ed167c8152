//! The page without the app is built from the content, in every language, and is safe HTML.

use passport_sos::content::{self, Lang};
use passport_sos::essentials;

#[test]
fn the_essentials_carry_the_first_steps_12367_and_the_permit_condition_in_every_language() {
    let c = content::bundled_with_languages();
    let html = essentials::html(c);
    assert!(html.starts_with("<section id=\"essentials\"") && html.contains(" hidden>"), "hidden until the app fails");
    for lang in Lang::ALL {
        assert!(html.contains(&format!("lang=\"{}\" data-lang=\"{}\"", lang.tag(), lang.code())), "{lang:?} block");
        for id in &c.essentials.steps {
            let s = c.step(id).unwrap();
            let title = s.title.get(lang);
            // A missing translation would fall back to English: the other languages must differ.
            if lang != Lang::En {
                assert_ne!(title, s.title.en, "{id} translated into {lang:?}");
            }
            assert!(html.contains(&essentials::escape(title)), "{id} in {lang:?}");
        }
        let permit = c.route("route.permit").unwrap();
        assert!(html.contains(&essentials::escape(permit.if_chosen.as_ref().unwrap().get(lang))), "permit condition in {lang:?}");
    }
    assert_eq!(html.matches("href=\"tel:12367\"").count(), Lang::ALL.len(), "12367 once in each language");
    // A number that holds only for some answers (Haikou's line) cannot be chosen without them.
    assert!(!html.contains("tel:089868590746"));
}

#[test]
fn text_is_escaped_so_content_cannot_inject_markup() {
    assert_eq!(essentials::escape("<b>a & \"b\"</b>'"), "&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;&#39;");
}
