//! The credits the public data requires appear where they must: GeoNames (CC BY 4.0) and WNUT-17 (CC BY 4.0)
//! in the notices that ship with the extension and on its options page, and in the READMEs beside the data.
#![cfg(not(target_arch = "wasm32"))]

const GEONAMES: &str = "Contains data from GeoNames (geonames.org), CC BY 4.0";

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn geonames_is_credited_where_its_data_ships() {
    for path in ["extension/NOTICES.md", "extension/options/options.html", "src/data/words.md", "tools/data/README.md"]
    {
        assert!(read(path).contains(GEONAMES), "{path} lacks the GeoNames credit");
    }
}

#[test]
fn every_source_of_the_word_facts_is_in_the_notices_and_on_the_options_page() {
    let notices = read("extension/NOTICES.md");
    let options = read("extension/options/options.html");
    for source in [
        "Social Security Administration",
        "Census",
        "dict-people-names",
        "GloVe",
        "VADER",
        "alt-profanity-check",
        "WNUT",
    ] {
        assert!(notices.contains(source), "NOTICES.md lacks {source}");
        assert!(options.contains(source), "the options page lacks {source}");
    }
    assert!(notices.contains("Permission is hereby granted"), "the MIT permission notice");
    // The options page links the notices, which the build ships inside the extension.
    assert!(options.contains("../NOTICES.md"));
}

#[test]
fn the_social_posts_carry_their_licence() {
    let readme = read("corpus/social/README.md");
    assert!(readme.contains("CC-BY 4.0") || readme.contains("CC BY 4.0"));
    assert!(readme.contains("Derczynski"));
}
