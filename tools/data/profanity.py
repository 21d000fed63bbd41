"""Word weights of alt-profanity-check's model: how hard each word pushes a text toward "offensive".
Writes target/data/profanity_weights.tsv (one row per vocabulary term, strongest push first) and
profanity_folds.tsv (the five calibrated classifiers' intercepts and sigmoid parameters).

The package ships two joblib pickles: a TfidfVectorizer (lowercase, tokens matching (?u)\\b\\w\\w+\\b,
scikit-learn's English stop words removed, smooth idf, L2-normalized rows) and a CalibratedClassifierCV
holding five LinearSVC models, each with a sigmoid calibration p_i = 1 / (1 + exp(a_i * f_i + b_i)) of
its decision f_i = w_i . x + c_i; the package's probability is the mean of the five p_i.

Columns, for term j (x is the text's tf-idf row, so a text of the term alone has x_j = 1):
- weight = mean over i of (-a_i * w_ij): the change in the calibrated log-odds of "offensive" per unit
  of the term's tf-idf value (a_i < 0 here, so a positive weight pushes toward offensive). In a longer
  text the term's tf-idf value is below 1 (tf * idf_j divided by the row's norm).
- coef = mean over i of w_ij, the raw SVM coefficient.
- idf = the vectorizer's idf_j.
- p_alone = the package's own probability for a text made of the term alone, mean over i of
  1 / (1 + exp(a_i * (w_ij + c_i) + b_i)); checked against model.predict_proba on every term.

Loading needs the scikit-learn and joblib versions the pickles were made with (the wheel's metadata pins
scikit-learn==1.9.1 and joblib==1.6.0; tools/data/requirements.txt has them). A version warning from
scikit-learn while loading is treated as an error. Unpickling runs code from the file, which is why the
file is checked against its recorded sha256 before it is opened.
"""

import io
import math
import warnings
import zipfile

from common import Source, fetch, write_tsv

ALT_PROFANITY_CHECK = Source(
    "pypi", "alt-profanity-check", "1.9.1", "alt_profanity_check-1.9.1-py3-none-any.whl",
    "cccb8ce072306bac21188670777a25cfb1de978aa8c7a93c8e4a43c03b3945c3",
)


def main() -> None:
    import joblib
    import numpy as np
    import sklearn

    wheel = fetch(ALT_PROFANITY_CHECK)
    with zipfile.ZipFile(wheel) as archive, warnings.catch_warnings():
        warnings.simplefilter("error")
        vectorizer = joblib.load(io.BytesIO(archive.read("profanity_check/data/vectorizer.joblib")))
        model = joblib.load(io.BytesIO(archive.read("profanity_check/data/model.joblib")))
    print(f"  loaded with scikit-learn {sklearn.__version__}, joblib {joblib.__version__}")
    if list(model.classes_) != [0, 1]:
        raise SystemExit(f"unexpected classes {model.classes_}")

    folds = []
    for calibrated in model.calibrated_classifiers_:
        (calibrator,) = calibrated.calibrators
        folds.append((calibrated.estimator.coef_[0], float(calibrated.estimator.intercept_[0]),
                      float(calibrator.a_), float(calibrator.b_)))
    terms = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
    rows = []
    for term, index in terms:
        weight = sum(-a * float(w[index]) for w, _c, a, _b in folds) / len(folds)
        coef = sum(float(w[index]) for w, _c, _a, _b in folds) / len(folds)
        p_alone = sum(1.0 / (1.0 + math.exp(a * (float(w[index]) + c) + b)) for w, c, a, b in folds) / len(folds)
        rows.append((term, weight, coef, float(vectorizer.idf_[index]), p_alone))

    # The formula must give what the package itself says for a text of one term.
    package_p = model.predict_proba(vectorizer.transform([row[0] for row in rows]))[:, 1]
    worst = float(np.max(np.abs(package_p - np.array([row[4] for row in rows]))))
    if worst > 1e-9:
        raise SystemExit(f"p_alone differs from model.predict_proba by up to {worst}")
    print(f"  p_alone matches model.predict_proba on all {len(rows)} terms (max difference {worst:.1e})")

    rows.sort(key=lambda r: (-round(r[1], 6), r[0]))
    print(f"  terms: {len(rows)}; weight > 0: {sum(1 for r in rows if r[1] > 0)}; "
          f"p_alone >= 0.5: {sum(1 for r in rows if r[4] >= 0.5)}")
    print("  strongest 25: " + " ".join(r[0] for r in rows[:25]))
    print("  most negative 10: " + " ".join(r[0] for r in rows[-10:]))
    write_tsv("profanity_weights.tsv", ["term", "weight", "coef", "idf", "p_alone"],
              [(t, f"{w:.6f}", f"{c:.6f}", f"{i:.6f}", f"{p:.6f}") for t, w, c, i, p in rows])
    write_tsv("profanity_folds.tsv", ["fold", "intercept", "sigmoid_a", "sigmoid_b"],
              [(n, repr(c), repr(a), repr(b)) for n, (_w, c, a, b) in enumerate(folds)])


if __name__ == "__main__":
    main()
