//! `tone.tragedy_humor`: flippant jokes about death, trauma and disaster.
//!
//! Flags "body #3 to the morgue tonight, new personal record 🏆", "Narcan is my cardio", "donorcycle",
//! "two GSWs and an MVC, what a party lol". Allows memorial posts, "the Keurig finally died 💀" (no one
//! died), and death words without a joke ("we lost a patient tonight; hug your people").

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};
use crate::text::lexicon::Lexicon;
use std::sync::LazyLock;

pub(crate) struct TragedyHumor;

/// Words for a person's death or a trauma (not "died" alone: phones and coffee machines die too).
static DEATH_WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        "[death]\nbody\nbodies\nmorgue\ncorpse\ncorpses\ntoe tag\ntoe tags\ndoa\ncoded\ncode blue\ngsw\ngsws\n\
         gunshot\nstabbing\nstabbings\nmva\nmvc\noverdose\noverdoses\nod\nods\nod'd\nshooting\npronounced\n\
         time of death\ndied on me\ndied on the table\ndead patient\ndead pt\ndead body\ndeath toll\nmass casualty\n\
         decapitat*\njumper\nfatality\nfatalities\ncrash victims\nburn victim\n\
         amputat*\nimpaled\ndegloved\ndegloving\nmangled\nfireworks\nlost a finger\nlost two fingers\n\
         lost 2 fingers\nlost his fingers\nlost her fingers\nlost a hand\nlost a leg\ntrain wins\ntrain won\n",
    )
});

/// Words that make a sentence a joke.
static JOKE_WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        "[joke]\nlol\nlmao*\nlmfao*\nrofl\nhaha*\npersonal record\nnew record\nhigh score\nbingo\njackpot\n\
         what a party\nparty time\nfun times\nchristmas came early\nkeeps it interesting\nnew pr\n",
    )
});
const JOKE_EMOJI: &[char] = &['\u{1F602}', '\u{1F923}', '\u{1F606}', '\u{1F3C6}', '\u{1F61C}', '\u{1F92A}'];

const MESSAGE: &str = "Joking about a death or a trauma can reach the family; the public reads it as contempt for \
                       the people you care for.";
const SUGGESTION: &str = "Tough night. Take care of each other.";

impl Judge for TragedyHumor {
    fn id(&self) -> &'static str {
        "tone.tragedy_humor"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        let jokes = Table::Tragedy.find(doc);
        // Sorted: the phrases come in order of position, and so do their sentences.
        let joke_sentences: Vec<(usize, usize)> = jokes.iter().map(|p| doc.sentence_at(p.start)).collect();
        super::push_phrases(jokes, Kind::ToneTragedyHumor, MESSAGE, SUGGESTION, out);
        // A death word is a joke only in a sentence with a joke word or emoji, and joke words are the rarer: the
        // few sentences with one are read for death words, not the whole draft. Neither list holds a character
        // that ends a sentence, and a sentence starts after one, so each sentence's words are the ones the whole
        // draft's search finds in it (tested).
        let joke_words: Vec<(usize, usize)> = JOKE_WORDS.find(lower).map(|t| (t.start, t.end)).collect();
        let joke_emoji = doc.astral_in(0, usize::MAX).filter(|(_, c)| JOKE_EMOJI.contains(c)).map(|(at, _)| at);
        for i in doc.sentences_holding(joke_words.iter().map(|&(at, _)| at).chain(joke_emoji)) {
            let Some((start, end)) = doc.sentences().get(i) else { continue };
            if joke_sentences.binary_search(&(start, end)).is_ok() {
                continue;
            }
            // The sentence's first death word: the finding starts there.
            let Some(death) = DEATH_WORDS.find(&lower[start..end]).next() else {
                continue;
            };
            let in_sentence = joke_words.partition_point(|&(at, _)| at < end);
            let word_marker = joke_words[..in_sentence].last().filter(|&&(at, _)| at >= start).map(|&(_, end)| end);
            let sentence = &doc.text()[start..end];
            let emoji_marker =
                JOKE_EMOJI.iter().filter_map(|&e| sentence.find(e).map(|i| start + i + e.len_utf8())).max();
            let Some(marker_end) = word_marker.max(emoji_marker) else {
                continue;
            };
            let span_end = marker_end.max(start + death.end);
            out.push(Hit::new(Kind::ToneTragedyHumor, start + death.start, span_end, MESSAGE).suggest(SUGGESTION));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_jokes_about_deaths() {
        assert_flags("third body to the morgue this week, high score 🏆", Kind::ToneTragedyHumor, "body to the morgue");
        assert_flags("two GSWs and an MVC before 10pm lol", Kind::ToneTragedyHumor, "GSWs");
        assert_flags("naloxone is my cardio", Kind::ToneTragedyHumor, "naloxone is my cardio");
        assert_flags("spring means donorcycle season", Kind::ToneTragedyHumor, "donorcycle");
    }

    #[test]
    fn one_finding_per_joking_sentence() {
        let text = "Two GSWs and a stabbing, what a party lol. Quiet now, one overdose. \
                    Then an MVC and an amputation, fun times 🏆 and another MVC. Overdose again, naloxone is my cardio lol";
        let found: Vec<String> = report(text, Context::Post)
            .findings
            .into_iter()
            .filter(|f| f.kind == Kind::ToneTragedyHumor)
            .map(|f| f.text)
            .collect();
        assert_eq!(
            found,
            ["GSWs and a stabbing, what a party lol", "MVC and an amputation, fun times 🏆", "naloxone is my cardio"]
        );
    }

    #[test]
    fn an_emoji_alone_makes_the_joke() {
        assert_flags("Quiet so far. Then another overdose at 3am 😜", Kind::ToneTragedyHumor, "overdose at 3am 😜");
    }

    #[test]
    fn its_emoji_are_all_astral() {
        assert_astral(super::JOKE_EMOJI);
    }

    #[test]
    fn death_and_joke_words_in_the_whole_draft_are_those_of_each_sentence() {
        let text = "lol. New record! haha\nbingo?! fun times... xlol, lolx lmfao.jackpot new pr?high score";
        assert_found_alike_in_sentences(&super::JOKE_WORDS, text, 9);
        let text = "DOA. Coded! od'd\nGSWs?! toe tag... xbody, bodyx amputated.mvc time of death?morgue";
        assert_found_alike_in_sentences(&super::DEATH_WORDS, text, 9);
    }

    #[test]
    fn allows_grief_and_things_dying() {
        for text in [
            "We lost a patient tonight after a long code. Hug your people.",
            "The Keurig has finally died ☕💀",
            "In loving memory of our colleague, who passed this week.",
            "Overdose awareness day: free Narcan kits in the lobby 🎉",
        ] {
            assert_allows(text, Kind::ToneTragedyHumor);
        }
    }
}
