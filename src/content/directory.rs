//! The directory: every country (for the nationality), every place in mainland China (for
//! the location), and the embassies and consulates of the countries we have data for.
//!
//! It is kept apart from the rest of the content because it is large and only a plan needs
//! it: the app ships it as its own file, fetched after the first screen (and precached by the
//! service worker), while the questions and the rules stay in the wasm. Natively (tests, the
//! `sos` tool) it is always loaded with the content.
//!
//! Posts carry their sources inline (an address a maintainer can open) and `last_checked`:
//! a number or an address comes only from a page someone read, never from a pattern.

use super::{Problem, Text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Directory {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub posts: Vec<Post>,
    /// In the app's file only: the exit-entry offices and the sources only they cite, moved
    /// here from the content by `sos bundle` (see [`super::Content::split_for_app`]) so that
    /// the first load does not carry them. Natively they stay in the content.
    pub offices: Vec<super::Office>,
    pub sources: Vec<super::Source>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case: the answer to the nationality question.
    pub code: String,
    pub name: Text,
    /// Other words a person may type to find it ("USA", "Holland").
    #[serde(default)]
    pub also: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Province,
    Municipality,
    City,
    CountyCity,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The answer to the location question: `hangzhou`, `province.sichuan`.
    pub id: String,
    pub kind: PlaceKind,
    pub name: Text,
    /// The province-level division it is in; none for a province or a municipality.
    #[serde(default)]
    pub province: Option<String>,
    /// For a county-level city: the prefecture-level city it belongs to.
    #[serde(default)]
    pub within: Option<String>,
    #[serde(default)]
    pub also: Vec<String>,
    /// The administrative division code, for a maintainer to check the entry by. Not shipped.
    #[serde(default)]
    pub code: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    Embassy,
    ConsulateGeneral,
    Consulate,
    ConsularOffice,
}

/// A page read for an entry: where a maintainer can open it again.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WebSource {
    pub title: String,
    pub address: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PostPhone {
    /// As dialled in China: `010-85329000`.
    pub number: String,
    pub label: Text,
    /// The after-hours or emergency line.
    #[serde(default)]
    pub emergency: bool,
}

/// An embassy or consulate in mainland China.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// `post.<country>.<city>`, lower case: `post.de.chengdu`.
    pub id: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub kind: PostKind,
    /// The place it is in (a place id).
    pub city: String,
    /// In English and Chinese; the Chinese only where a source gives it.
    pub name: Text,
    /// Its name in its country's language, where the source gives one.
    #[serde(default)]
    pub name_local: Option<String>,
    /// `zh` as the source writes it (for a taxi); `en` where the source gives one.
    #[serde(default)]
    pub address: Option<Text>,
    /// Required when no source gives the address.
    #[serde(default)]
    pub address_note: Option<Text>,
    #[serde(default)]
    pub phone: Vec<PostPhone>,
    #[serde(default)]
    pub hours: Option<Text>,
    /// The province-level places it serves (its consular district).
    #[serde(default)]
    pub district: Vec<String>,
    /// Required when no source states the district.
    #[serde(default)]
    pub district_note: Option<Text>,
    /// What the post says it issues when a passport is lost, from its own page.
    #[serde(default)]
    pub lost_passport: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<WebSource>,
    /// `official` (the post's, its ministry's or a Chinese government page) or `secondary`.
    pub reliability: String,
    /// `YYYY-MM-DD`: when these facts were last compared with their sources.
    pub last_checked: String,
}

/// Which post to show for a nationality and a place.
#[derive(Clone, Debug)]
pub enum PostChoice<'d> {
    /// The post whose consular district covers the place.
    Covering(&'d Post),
    /// The place is not known, or no post's district (as the sources give it) covers it:
    /// every post of the country, for the person to choose from.
    All(Vec<&'d Post>),
    /// We have no posts for this country.
    NoData,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    country: Vec<Country>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    place: Vec<Place>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PostsFile {
    #[serde(default)]
    post: Vec<Post>,
}

impl Directory {
    pub fn from_files(files: &[(&str, &str)]) -> Result<Directory, Vec<Problem>> {
        let mut problems = Vec::new();
        let countries: Option<CountriesFile> = super::parse(files, "countries.toml", &mut problems);
        let places: Option<PlacesFile> = super::parse(files, "places.toml", &mut problems);
        let posts: Option<PostsFile> = super::parse(files, "embassies.toml", &mut problems);
        match (countries, places, posts) {
            (Some(c), Some(p), Some(e)) if problems.is_empty() => {
                Ok(Directory { countries: c.country, places: p.place, posts: e.post, offices: Vec::new(), sources: Vec::new() })
            }
            _ => Err(problems),
        }
    }

    /// The compact form the app fetches (postcard), without the division codes (only
    /// maintainers read them).
    pub fn to_bundle(&self) -> Vec<u8> {
        let mut shipped = self.clone();
        for p in &mut shipped.places {
            p.code.clear();
        }
        postcard::to_allocvec(&shipped).unwrap_or_default()
    }

    pub fn from_bundle(bytes: &[u8]) -> Result<Directory, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("the directory file cannot be read: {e}"))
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
    pub fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    /// The place, then the city it is within, then its province: the order in which to look
    /// for something that serves it. Empty for an unknown id.
    pub fn chain<'d>(&'d self, id: &str) -> Vec<&'d Place> {
        let mut out = Vec::new();
        let Some(place) = self.place(id) else { return out };
        out.push(place);
        if let Some(w) = place.within.as_deref().and_then(|w| self.place(w)) {
            out.push(w);
        }
        if let Some(p) = place.province.as_deref().and_then(|p| self.place(p)) {
            out.push(p);
        }
        out
    }

    /// The province-level division a place is in (itself for a province or a municipality).
    pub fn province_of(&self, id: &str) -> Option<&Place> {
        self.chain(id).pop()
    }

    pub fn posts_of<'d>(&'d self, country: &'d str) -> impl Iterator<Item = &'d Post> + 'd {
        self.posts.iter().filter(move |p| p.country.eq_ignore_ascii_case(country))
    }

    /// The post for a nationality at a place (`None`: the place is not known).
    pub fn post_for(&self, country: &str, place: Option<&str>) -> PostChoice<'_> {
        let posts: Vec<&Post> = self.posts.iter().filter(|p| p.country.eq_ignore_ascii_case(country)).collect();
        if posts.is_empty() {
            return PostChoice::NoData;
        }
        let province = place.and_then(|p| self.province_of(p)).map(|p| p.id.as_str());
        match province.and_then(|pr| posts.iter().find(|p| p.district.iter().any(|d| d == pr))) {
            Some(p) => PostChoice::Covering(p),
            None => PostChoice::All(posts),
        }
    }

    /// Countries whose name (in either language), code or other words match what was typed,
    /// best first: a code or a name that starts with it, then a word that does, then a name
    /// that contains it. At most `limit`.
    pub fn find_countries(&self, typed: &str, limit: usize) -> Vec<&Country> {
        rank(&self.countries, typed, limit, |c| {
            let mut keys = vec![c.code.as_str(), c.name.en.as_str(), c.name.zh.as_str()];
            keys.extend(c.also.iter().map(|s| s.as_str()));
            // The names in the languages whose files are here: 독일, ドイツ, Германия.
            keys.extend(super::Lang::translated().filter_map(|l| super::lang::lookup(l, &c.name.en)));
            keys
        })
    }

    /// Places that match what was typed, like [`Directory::find_countries`]; among equals,
    /// provinces and prefecture-level cities before county-level cities.
    pub fn find_places(&self, typed: &str, limit: usize) -> Vec<&Place> {
        rank(&self.places, typed, limit, |p| {
            let mut keys = vec![p.name.en.as_str(), p.name.zh.as_str()];
            keys.extend(p.also.iter().map(|s| s.as_str()));
            keys
        })
    }
}

/// Folds what people type and what names contain to one form: lower case, no accents on the
/// Latin letters we use (Ürümqi, Côte d'Ivoire), no apostrophes or spaces (Xi'an, xian).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|ch| {
            let base = match ch {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
                'ç' | 'Ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' | 'Í' | 'Î' => 'i',
                'ñ' | 'Ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ô' | 'Ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' | 'Ü' | 'Ú' => 'u',
                '\'' | '’' | ' ' | '-' | '.' | ',' | '(' | ')' | '&' => return None,
                // Russian capitals by their offset, and ё as е (most people type е).
                'А'..='Я' => char::from_u32(ch as u32 + 0x20).unwrap_or(ch),
                'Ё' | 'ё' => 'е',
                c => c,
            };
            // ASCII and Cyrillic only: the names are Latin, Cyrillic, Chinese, Korean or
            // Japanese letters, and Unicode's case tables would cost the wasm kilobytes.
            Some(base.to_ascii_lowercase())
        })
        .collect()
}

fn rank<'a, T>(items: &'a [T], typed: &str, limit: usize, keys: impl Fn(&'a T) -> Vec<&'a str>) -> Vec<&'a T> {
    let typed = fold(typed.trim());
    if typed.is_empty() {
        return Vec::new();
    }
    // One list per score, each in file order: the ranking without a sort (std's sort would
    // cost the wasm kilobytes; see crate::sort).
    let mut by_score: [Vec<&T>; 4] = Default::default();
    for item in items {
        let mut best = usize::MAX;
        for key in keys(item) {
            let folded = fold(key);
            let score = if folded == typed {
                0
            } else if folded.starts_with(&typed) {
                1
            } else if key.split([' ', '-', '(']).any(|w| fold(w).starts_with(&typed)) {
                2
            } else if folded.contains(&typed) {
                3
            } else {
                continue;
            };
            best = best.min(score);
        }
        if let Some(list) = by_score.get_mut(best) {
            list.push(item);
        }
    }
    by_score.into_iter().flatten().take(limit).collect()
}
