"""Unit tests of the data scripts' own logic (name folding, place-name spellings, the people-name filter,
the GloVe word filter, exact k-means), on small inputs written here. fetch.sh runs them before any
download: python -m unittest discover -s tools/data
"""

import unittest

import numpy as np

from common import fold
from glove import WORD, unit_rows
from kmeans import SCALE, _exact_dot, kmeans, to_fixed
from people_names import NOT_A_NAME
from places import name_parts, spelling_variants, world_rows


class FoldTests(unittest.TestCase):
    def test_folds_accents_and_case(self):
        self.assertEqual(fold("Doña Ana"), "dona ana")
        self.assertEqual(fold("Cañon City"), "canon city")

    def test_drops_the_okina_and_straightens_apostrophes(self):
        self.assertEqual(fold("Hawai\u2018i Kai"), "hawaii kai")
        self.assertEqual(fold("\u02bbEwa Beach"), "ewa beach")
        self.assertEqual(fold("Coeur d\u2019Alene"), "coeur d'alene")

    def test_keeps_hyphens_periods_and_collapses_spaces(self):
        self.assertEqual(fold("St.  Louis"), "st. louis")
        self.assertEqual(fold("Winston-Salem"), "winston-salem")

    def test_refuses_text_without_an_ascii_form(self):
        self.assertIsNone(fold("Москва"))
        self.assertIsNone(fold("  "))


class PlaceNameTests(unittest.TestCase):
    def test_saint_spellings_both_ways(self):
        self.assertEqual(spelling_variants("st. louis"), ["saint louis", "st louis"])
        self.assertEqual(spelling_variants("saint paul"), ["st paul", "st. paul"])

    def test_a_last_word_is_not_swapped(self):
        self.assertEqual(spelling_variants("lake mount"), [])

    def test_hyphens_and_apostrophes(self):
        self.assertIn("winston salem", spelling_variants("winston-salem"))
        self.assertIn("saint marys", spelling_variants("st. mary's"))
        self.assertNotIn("st. mary's", spelling_variants("st. mary's"))

    def test_parts_split_and_notes_dropped(self):
        self.assertEqual(name_parts("Allston/Brighton"), ["allston", "brighton"])
        self.assertEqual(name_parts("Olinda, CDP"), ["olinda"])
        self.assertEqual(name_parts("Bell Road (historical)"), ["bell road"])


class WorldRowsTests(unittest.TestCase):
    def test_countries_continents_and_big_cities_outside_the_us(self):
        countries = {"NL": {"name": "The Netherlands", "iso": "NL", "population": 17000000}}
        continents = {"EU": {"name": "Europe"}}
        cities = {
            "1": {"name": "Leeds", "countrycode": "GB", "population": 455123},
            "2": {"name": "Mena", "countrycode": "US", "population": 5558},
            "3": {"name": "Oelwein", "countrycode": "US", "population": 250000},
            "4": {"name": "Zweibrücken", "countrycode": "DE", "population": 34000},
        }
        self.assertEqual(world_rows(countries, continents, cities), [
            ("europe", "continent", "EU", 0),
            ("leeds", "city", "GB", 455123),
            ("netherlands", "country", "NL", 17000000),
        ])


class WordFilterTests(unittest.TestCase):
    def test_people_names_filter(self):
        kept = [n for n in ["O'Brien", "D'Angelo", "José", "Co.", "I'm", "We'll", "Patricia 1."] if not NOT_A_NAME.search(n)]
        self.assertEqual(kept, ["O'Brien", "D'Angelo", "José"])

    def test_glove_word_filter(self):
        words = ["the", "o'clock", "e-mail", "'s", "n't", "1990", "-", "a--b", "café", "x"]
        self.assertEqual([w for w in words if WORD.fullmatch(w)], ["the", "o'clock", "e-mail", "x"])


class KMeansTests(unittest.TestCase):
    def blobs(self, seed=1, per=40, dims=6, groups=4):
        rng = np.random.default_rng(seed)
        centers = rng.normal(size=(groups, dims)) * 5
        raw = np.concatenate([c + rng.normal(size=(per, dims)) * 0.3 for c in centers])
        return to_fixed(unit_rows(raw)), np.repeat(np.arange(groups), per)

    def test_exact_dot_matches_integer_arithmetic(self):
        points, _ = self.blobs()
        sums = points[:7] * 1000
        self.assertTrue(np.array_equal(_exact_dot(points, sums), points @ sums.T))

    def test_fixed_point_unit_vectors(self):
        points, _ = self.blobs()
        lengths = np.sqrt((points.astype(np.float64) ** 2).sum(axis=1))
        self.assertTrue(np.all(np.abs(lengths - SCALE) < 4))

    def test_recovers_separated_groups(self):
        points, truth = self.blobs()
        labels, iterations, converged = kmeans(points, 4, seed=3)
        self.assertTrue(converged)
        # Same partition: each true group maps to one label, and the labels differ.
        mapping = {t: set(labels[truth == t]) for t in range(4)}
        self.assertTrue(all(len(m) == 1 for m in mapping.values()))
        self.assertEqual(len(set().union(*mapping.values())), 4)

    def test_same_seed_same_labels(self):
        points, _ = self.blobs(seed=7, groups=6)
        first = kmeans(points, 9, seed=11)[0]
        second = kmeans(points.copy(), 9, seed=11)[0]
        self.assertTrue(np.array_equal(first, second))

    def test_every_cluster_gets_a_point(self):
        points, _ = self.blobs(seed=5, groups=3)
        labels = kmeans(points, 20, seed=2)[0]
        self.assertEqual(len(set(labels.tolist())), 20)


if __name__ == "__main__":
    unittest.main()
