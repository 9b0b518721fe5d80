//! URL slugs and title helpers. The examples in these docs are tests (`cargo test` runs them).

/// Lower-case ASCII slug: runs of anything that is not a letter or digit become one `-`, and no `-`
/// is left at either end.
///
/// ```
/// assert_eq!(slugkit::slugify("Hello, World!"), "hello-world");
/// assert_eq!(slugkit::slugify("  Rust 2021 -- edition  "), "rust-2021-edition");
/// ```
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut dash = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            slug.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    slug
}

/// Title case: the first letter of every word upper-case, small words (a, an, the, of, in, and) lower-case
/// unless they start the title.
///
/// ```
/// assert_eq!(slugkit::title_case("the lord of the rings"), "The Lord of the Rings");
/// ```
pub fn title_case(text: &str) -> String {
    const SMALL: [&str; 6] = ["a", "an", "the", "of", "in", "and"];
    text.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shortens a slug to at most `max` bytes without cutting a word: the cut happens at the last `-` that fits.
///
/// ```
/// assert_eq!(slugkit::shorten("a-very-long-slug-indeed", 12), "a-very-long");
/// assert_eq!(slugkit::shorten("short", 12), "short");
/// ```
pub fn shorten(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    match slug[..=max].rfind('-') {
        Some(cut) => &slug[..cut],
        None => &slug[..max],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_of_plain_words() {
        assert_eq!(slugify("plain words"), "plain-words");
    }

    #[test]
    fn slug_drops_unicode_punctuation() {
        assert_eq!(slugify("café — menu"), "caf-menu");
    }

    #[test]
    fn title_case_keeps_first_small_word() {
        assert_eq!(title_case("a tale of two cities"), "A Tale of Two Cities");
    }

    #[test]
    fn shorten_without_dash_cuts_hard() {
        assert_eq!(shorten("abcdefghijkl", 5), "abcde");
    }
}
