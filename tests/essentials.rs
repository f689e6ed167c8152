//! The page without the app is built from the content, in both languages, and is safe HTML.

use passport_sos::{content, essentials};

#[test]
fn the_essentials_carry_the_first_steps_12367_and_the_permit_condition_in_both_languages() {
    let c = content::bundled();
    let html = essentials::html(c);
    assert!(html.starts_with("<section id=\"essentials\"") && html.contains(" hidden>"), "hidden until the app fails");
    for id in &c.essentials.steps {
        let s = c.step(id).unwrap();
        assert!(html.contains(&essentials::escape(&s.title.en)), "{id} in English");
        assert!(html.contains(&essentials::escape(&s.title.zh)), "{id} in Chinese");
    }
    assert_eq!(html.matches("href=\"tel:12367\"").count(), 2, "12367 once in each language");
    // A number that holds only for some answers (Haikou's line) cannot be chosen without them.
    assert!(!html.contains("tel:089868590746"));
    let permit = c.route("route.permit").unwrap();
    assert!(html.contains(&essentials::escape(permit.if_chosen.as_ref().unwrap().en.as_str())));
    assert!(html.contains("lang=\"zh-Hans\""));
}

#[test]
fn text_is_escaped_so_content_cannot_inject_markup() {
    assert_eq!(essentials::escape("<b>a & \"b\"</b>'"), "&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;&#39;");
}
