#!/usr/bin/env python3
"""Train the CRF named-entity tagger of marsad.extract.ner_crf and write its artefacts.

    .venv/bin/python scripts/train_ner.py            # reproduce the committed model (42 min on 2 busy cores)
    .venv/bin/python scripts/train_ner.py --ablate   # the same, plus dev scores of variants (+8 min)

Data (from --shared, default ../shared beside the repository):
  * data/anercorp/ANERCorp_CamelLab_train.txt: CAMeL Lab's train split of ANERcorp. Their
    split is sequential (test = the text after it), so dev is the LAST --dev-fraction (10%)
    of its sentences, whole articles next to the test text; the rest is "train". ANERcorp's
    official test split is not used anywhere, and nothing is tuned on anything but dev.
  * data/aqmar/articles/*.txt: AQMAR (Wikipedia), MIS0-MIS3 -> MISC. Added to the training
    data only with --aqmar: it lowered dev F1 (see the json's ablation).
  * data/arabic_event_gsr/*.csv (text column): unlabelled text for the word clusters.
Word clusters: spherical k-means (32/128/512) over randomized-SVD PPMI context vectors of
the train part, AQMAR and the GSR sentences (never the dev sentences, never a test set).

Steps: clusters -> models trained on train -> dev scores with shared/eval/conll_f1.py ->
the shipped models retrained on train+dev with the same settings (--final train ships the
dev-scored ones instead) -> marsad/data/models/ner_crf.crfsuite, ner_crf.stage1.crfsuite,
ner_clusters.tsv and ner_crf.json. The model is stacked: a first CRF, then a second CRF
that also sees the first one's tags of the sentence and of the same word in the
neighbouring sentences; the second is trained on first-stage tags from 5-fold jackknifing
over contiguous blocks. Seeds are fixed, numpy runs on one thread and L-BFGS is
deterministic, so a rerun writes the same files.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # reproducible float sums in numpy
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.arabic.normalize import normalize  # noqa: E402
from marsad.arabic.tokenize import tokenize  # noqa: E402
from marsad.extract.ner_crf import (  # noqa: E402
    CLUSTERS_FILE, META_FILE, MODEL_FILE, STAGE1_FILE, TYPES, FeatureConfig, FeatureExtractor,
    add_stacked_features, gazetteer_sizes, read_clusters, repair_iob2)

ANERCORP = "data/anercorp/ANERCorp_CamelLab_train.txt"
AQMAR = "data/aqmar/articles"
GSR = "data/arabic_event_gsr"
SEED = 13

# ---------------------------------------------------------------- data


def read_tagged(path: Path) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            toks.append(parts[0])
            tags.append(parts[-1] if len(parts) > 1 else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def aqmar_tag(tag: str) -> str:
    """AQMAR's tags in ANERcorp's set: MIS0–MIS3 (and typos like B-MIS1`, B-MIS-2) → MISC,
    PER → PERS; stray tags (OO, IO, B-ENGLISH, B-SPANISH) → O."""
    prefix, _, typ = tag.partition("-")
    typ = typ.strip("-`")
    if prefix not in ("B", "I") or not typ:
        return "O"
    if typ.startswith("MIS"):
        typ = "MISC"
    elif typ == "PER":
        typ = "PERS"
    return f"{prefix}-{typ}" if typ in TYPES else "O"


def read_aqmar(folder: Path) -> list[tuple[list[str], list[str]]]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        for toks, tags in read_tagged(path):
            out.append((toks, repair_iob2([aqmar_tag(t) for t in tags])))
    return out


def read_gsr_text(folder: Path) -> list[list[str]]:
    out = []
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.append([t.text for t in tokenize(row["text"])])
    return out


# ---------------------------------------------------------------- word clusters


def build_clusters(sentences: list[list[str]], sizes=(32, 128, 512), dim=100, min_count=2,
                   n_context=1000, seed=SEED) -> tuple[dict[str, tuple[str, ...]], dict]:
    """k-means (spherical, k-means++ seeded) at several granularities over word vectors from a
    randomized SVD of the positive PMI of (word, neighbour at -2/-1/+1/+2) counts."""
    import numpy as np

    rng = np.random.default_rng(seed)
    docs = [[(normalize(t) or t).lower() for t in s] for s in sentences]
    counts = Counter(w for s in docs for w in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = ["<s>", "</s>"] + vocab[:n_context]
    cindex = {w: i for i, w in enumerate(ctx_words)}
    offsets = (-2, -1, 1, 2)
    C = len(ctx_words)
    M = np.zeros((len(vocab), len(offsets) * C), dtype=np.float64)
    for s in docs:
        padded = ["<s>", "<s>"] + s + ["</s>", "</s>"]
        for i, w in enumerate(s):
            r = index.get(w)
            if r is None:
                continue
            for k, o in enumerate(offsets):
                c = cindex.get(padded[i + 2 + o])
                if c is not None:
                    M[r, k * C + c] += 1
    total = M.sum()
    pw = M.sum(axis=1, keepdims=True) / total
    pc = M.sum(axis=0, keepdims=True) ** 0.75
    pc /= pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((M / total) / (pw * pc))
    M = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    # randomized SVD (Halko et al.): range finder with two power iterations
    k = dim + 20
    Q, _ = np.linalg.qr(M @ rng.standard_normal((M.shape[1], k)))
    for _ in range(2):
        Q, _ = np.linalg.qr(M @ (M.T @ Q))
    U_b, S, _ = np.linalg.svd(Q.T @ M, full_matrices=False)
    U = Q @ U_b[:, :dim]
    U *= np.sign(U[np.abs(U).argmax(axis=0), range(dim)])   # fixed signs
    X = U * np.sqrt(S[:dim])
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-12
    ids = []
    for n in sizes:
        ids.append(_spherical_kmeans(X, n, rng))
    clusters = {w: tuple(str(a[i]) for a in ids) for w, i in index.items()}
    info = {"method": "spherical k-means over randomized-SVD PPMI vectors (window -2..+2, positional)",
            "sizes": list(sizes), "dim": dim, "min_count": min_count, "context_words": n_context,
            "vocabulary": len(vocab), "corpus_tokens": sum(map(len, docs)), "seed": seed}
    return clusters, info


def _spherical_kmeans(X, k: int, rng, iterations: int = 25):
    import numpy as np
    n = X.shape[0]
    centres = [X[rng.integers(n)]]
    best = 1 - X @ centres[0]
    for _ in range(1, k):   # k-means++ on cosine distance
        p = np.maximum(best, 0) ** 2
        c = X[rng.choice(n, p=p / p.sum())]
        centres.append(c)
        best = np.minimum(best, 1 - X @ c)
    C = np.array(centres)
    assign = None
    for _ in range(iterations):
        new = (X @ C.T).argmax(axis=1)
        if assign is not None and (new == assign).all():
            break
        assign = new
        for j in range(k):
            members = X[assign == j]
            if len(members):
                v = members.sum(axis=0)
                C[j] = v / (np.linalg.norm(v) + 1e-12)
    # renumber clusters by first appearance (most frequent word first): stable ids
    order: dict[int, int] = {}
    for a in assign:
        order.setdefault(int(a), len(order))
    return [order[int(a)] for a in assign]


def write_clusters(path: Path, clusters: dict[str, tuple[str, ...]], info: dict) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# marsad NER word clusters, made by scripts/train_ner.py: word<TAB>cluster ids coarse→fine\n")
        f.write("# " + json.dumps(info, ensure_ascii=False) + "\n")
        for w, ids in clusters.items():
            if "\t" not in w and "\n" not in w:
                f.write(w + "\t" + "\t".join(ids) + "\n")


# ---------------------------------------------------------------- CRF

_SHARED: dict = {}   # data handed to forked worker processes (not pickled)


def fit(xseqs, yseqs, model_path: Path, params: dict) -> float:
    import pycrfsuite
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xseqs, yseqs):
        trainer.append(x, y)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": params["c1"], "c2": params["c2"], "max_iterations": params["max_iterations"],
                        "feature.possible_transitions": True, "feature.minfreq": params["minfreq"]})
    trainer.train(str(model_path))
    return time.time() - t0


def tag_with(model_path: Path, xseqs) -> list[list[str]]:
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [repair_iob2(tagger.tag(x)) if x else [] for x in xseqs]


def _fold_job(job):
    """Train on every sentence but [lo, hi) and tag [lo, hi) (lo == hi: train on all, tag nothing)."""
    lo, hi, path, params = job
    X, Y = _SHARED["X"], _SHARED["Y"]
    secs = fit(X[:lo] + X[hi:], Y[:lo] + Y[hi:], Path(path), params)
    return lo, hi, tag_with(Path(path), X[lo:hi]) if hi > lo else [], secs


def train_models(fe: FeatureExtractor, data, workdir: Path, name: str, params: dict, folds: int = 5,
                 processes: int = 2) -> tuple[Path, Path | None, float]:
    """Train the final model (and, when stacked, the first stage) on `data`.

    Stacked: the first stage is trained on all of `data`; the second is trained on features
    made from first-stage tags that a model trained without them gave (jackknife over
    `folds` contiguous blocks, so documents stay whole). Returns (final, stage1, seconds)."""
    from multiprocessing import get_context
    t0 = time.time()
    X = [fe.sentence(t) for t, _ in data]
    Y = [y for _, y in data]
    final = workdir / f"{name}.crfsuite"
    if not fe.config.stacked:
        fit(X, Y, final, params)
        return final, None, time.time() - t0
    stage1 = workdir / f"{name}.stage1.crfsuite"
    n = len(X)
    bounds = [round(n * k / folds) for k in range(folds + 1)]
    jobs = [(0, 0, str(stage1), params)] + [
        (bounds[k], bounds[k + 1], str(workdir / f"{name}.fold{k}.crfsuite"), params) for k in range(folds)]
    _SHARED.update(X=X, Y=Y)
    jack: list = [None] * n
    with get_context("fork").Pool(processes) as pool:
        for lo, hi, tags, _ in pool.imap_unordered(_fold_job, jobs):
            jack[lo:hi] = tags
    _SHARED.clear()
    X2 = [[list(f) for f in x] for x in X]
    add_stacked_features(X2, [fe.doc_keys(t) for t, _ in data], jack, fe.config.doc_window)
    fit(X2, Y, final, params)
    return final, stage1, time.time() - t0


def apply_models(fe: FeatureExtractor, final: Path, stage1: Path | None, sents) -> list[list[str]]:
    """Tags for sentences of one stream, as CrfTagger.tag_sentences makes them."""
    X = [fe.sentence(t) for t, _ in sents]
    if stage1 is not None:
        add_stacked_features(X, [fe.doc_keys(t) for t, _ in sents], tag_with(stage1, X), fe.config.doc_window)
    return tag_with(final, X)


def write_conll(path: Path, sents, tags=None) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for k, (toks, gold) in enumerate(sents):
            for tok, tag in zip(toks, tags[k] if tags is not None else gold):
                f.write(f"{tok} {tag}\n")
            f.write("\n")


def score(shared: Path, dev, pred, workdir: Path, name: str) -> tuple[dict, str]:
    gold_path, pred_path = workdir / f"{name}.gold.txt", workdir / f"{name}.pred.txt"
    write_conll(gold_path, dev)
    write_conll(pred_path, dev, pred)
    scorer = shared / "eval" / "conll_f1.py"
    res = json.loads(subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    report = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path)],
                            check=True, capture_output=True, text=True).stdout
    return res, report


def extractor(cfg: FeatureConfig, clusters_path: Path) -> FeatureExtractor:
    return FeatureExtractor(cfg, read_clusters(clusters_path) if cfg.clusters else {})


def evaluate(shared: Path, cfg: FeatureConfig, clusters_path: Path, train, dev, params, workdir: Path,
             name: str) -> tuple[dict, str, float, int]:
    fe = extractor(cfg, clusters_path)
    final, stage1, secs = train_models(fe, train, workdir, name, params)
    res, report = score(shared, dev, apply_models(fe, final, stage1, dev), workdir, name)
    size = final.stat().st_size + (stage1.stat().st_size if stage1 else 0)
    return res, report, secs, size


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="marsad_ner_"))   # fold models, dev predictions
    try:
        return _main(argv, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _main(argv, workdir: Path) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=REPO / "marsad" / "data" / "models", help="where the model goes")
    ap.add_argument("--dev-fraction", type=float, default=0.1, help="last fraction of ANERcorp train sentences for dev")
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR to the training data")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--max-iterations", type=int, default=150, help="L-BFGS iterations (300 scored the same)")
    ap.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times in training")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-gazetteers", action="store_true")
    ap.add_argument("--no-lexicon", action="store_true", help="no features from ner_lexicon.yaml")
    ap.add_argument("--char-ngrams", type=int, default=3, help="letter n-grams inside words (0: none)")
    ap.add_argument("--no-cues", action="store_true")
    ap.add_argument("--no-bigrams", action="store_true")
    ap.add_argument("--no-pattern", action="store_true")
    ap.add_argument("--no-stacking", action="store_true", help="one CRF, no second stage")
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--doc-window", type=int, default=15)
    ap.add_argument("--final", choices=("all", "train"), default="all",
                    help="all: the shipped model is retrained on train+dev with the same settings (default); "
                         "train: ship the models scored on dev")
    ap.add_argument("--reuse-clusters", action="store_true", help="keep the cluster file already in --out")
    ap.add_argument("--ablate", action="store_true", help="also train and score feature and data variants")
    ap.add_argument("--dev-only", action="store_true", help="score on dev, write no model")
    args = ap.parse_args(argv)

    t_start = time.time()
    shared = args.shared.resolve()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    corpus = read_tagged(shared / ANERCORP)
    n_dev = round(len(corpus) * args.dev_fraction)
    train, dev = corpus[: len(corpus) - n_dev], corpus[len(corpus) - n_dev:]
    aqmar = read_aqmar(shared / AQMAR) if (shared / AQMAR).exists() else []
    gsr = read_gsr_text(shared / GSR) if (shared / GSR).exists() else []
    print(f"ANERcorp: {len(train)} train + {len(dev)} dev sentences; AQMAR {len(aqmar)}; GSR text {len(gsr)}",
          file=sys.stderr)

    clusters_path = out / CLUSTERS_FILE
    if not args.reuse_clusters:
        t0 = time.time()
        cluster_text = [t for t, _ in train] + [t for t, _ in aqmar] + gsr
        clusters, cluster_info = build_clusters(cluster_text)
        cluster_info["text"] = "ANERcorp train part (not dev), AQMAR, arabic_event_gsr text"
        write_clusters(clusters_path, clusters, cluster_info)   # no timing in it: a rerun writes the same bytes
        cluster_info["seconds"] = round(time.time() - t0, 1)
        print(f"clusters: {len(clusters)} words in {cluster_info['seconds']} s", file=sys.stderr)
    else:
        cluster_info = json.loads(clusters_path.read_text(encoding="utf-8").splitlines()[1][2:])

    cfg = FeatureConfig(window=args.window, clusters=not args.no_clusters, gazetteers=not args.no_gazetteers,
                        lexicon=not args.no_lexicon, char_ngrams=args.char_ngrams,
                        cues=not args.no_cues, bigrams=not args.no_bigrams, pattern=not args.no_pattern,
                        stacked=not args.no_stacking, doc_window=args.doc_window)
    params = {"algorithm": "lbfgs", "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations,
              "minfreq": args.minfreq, "possible_transitions": True}
    training = train + (aqmar if args.aqmar else [])

    res, report, secs_dev, _ = evaluate(shared, cfg, clusters_path, training, dev, params, workdir, "dev")
    print(f"dev ({len(dev)} sentences, {sum(len(t) for t, _ in dev)} tokens), models trained on "
          f"{len(training)} sentences in {secs_dev:.0f} s:")
    print(report, end="", flush=True)
    ablation = ablate(shared, train, aqmar, dev, cfg, clusters_path, params, workdir, args) if args.ablate else {}
    if args.dev_only:
        return 0

    for name in (MODEL_FILE, STAGE1_FILE):
        (out / name).unlink(missing_ok=True)
    if args.final == "all":
        final_data = training + dev
        fe = extractor(cfg, clusters_path)
        final, stage1, secs_final = train_models(fe, final_data, workdir, "final", params)
    else:
        final_data = training
        final, stage1, secs_final = workdir / "dev.crfsuite", (workdir / "dev.stage1.crfsuite"
                                                                if cfg.stacked else None), 0.0
    (out / MODEL_FILE).write_bytes(final.read_bytes())
    if stage1 is not None:
        (out / STAGE1_FILE).write_bytes(stage1.read_bytes())
    model_bytes = sum((out / n).stat().st_size for n in (MODEL_FILE, STAGE1_FILE) if (out / n).exists())

    import pycrfsuite
    meta = {
        "model": MODEL_FILE,
        "stage1_model": STAGE1_FILE if cfg.stacked else None,
        "clusters_file": CLUSTERS_FILE if cfg.clusters else None,
        "tags": [f"{p}-{t}" for t in TYPES for p in "BI"] + ["O"],
        "scheme": "IOB2",
        "data": {
            "anercorp": {"file": ANERCORP, "sentences": len(corpus), "tokens": sum(len(t) for t, _ in corpus),
                         "train_sentences": len(train), "dev_sentences": len(dev),
                         "dev_tokens": sum(len(t) for t, _ in dev),
                         "dev_split": f"the last {n_dev} sentences ({args.dev_fraction:.0%}) of the file: CAMeL's "
                                      "split is sequential, so dev is whole articles, the text nearest the "
                                      "(unused) test split"},
            "aqmar": {"folder": AQMAR, "sentences": len(aqmar), "used_for_training": bool(args.aqmar),
                      "used_for_clusters": True, "tag_map": "MIS0-MIS3 → MISC, PER → PERS, stray tags → O"},
            "arabic_event_gsr": {"folder": GSR, "sentences": len(gsr), "used_for": "clusters only (unlabelled)"},
            "final_model_trained_on": ("ANERcorp train + dev" if args.final == "all" else "ANERcorp train")
            + (" + AQMAR" if args.aqmar else ""),
            "final_model_sentences": len(final_data),
        },
        "features": cfg.to_dict(),
        "feature_groups": [
            "normalised form (w), original form when different (r), bare clitic reading (b)",
            "proclitics removed (cl) and flags art/conj/prep_b/prep_l/prep_k",
            "prefixes and suffixes 1..4 of the bare reading; its pattern (root letters as C); "
            "the letter n-grams inside it (char_ngrams)",
            "shape, length bucket, digits", "word clusters (3 granularities)", "entity_cues.yaml cue words",
            "gazetteer membership with B/I (given names, actors by type, places, countries, outlets), ±1",
            "ner_lexicon.yaml: its name lists with B/I, ±1; its context-word lists for the word and the window",
            "window ±2 (±1 richer), word bigrams",
            "stacked: first-stage tags of the token and its neighbours; first-stage types of the other "
            "occurrences of its bare form within doc_window sentences (the first stage jackknifed over 5 "
            "contiguous blocks in training)"],
        "gazetteers": gazetteer_sizes() if cfg.gazetteers else {},
        "clusters": cluster_info if cfg.clusters else None,
        "hyperparameters": params,
        "dev": res,
        "dev_report": report.splitlines(),
        "ablation": ablation,
        "training_seconds": {"dev_models": round(secs_dev, 1), "final_models": round(secs_final, 1),
                             "total_wall": round(time.time() - t_start, 1)},
        "model_bytes": model_bytes,
        "python_crfsuite": _version("python-crfsuite"),
        "seed": SEED,
        "command": "python scripts/train_ner.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({model_bytes / 1e6:.1f} MB of models); "
          f"{meta['training_seconds']['total_wall']:.0f} s in all", file=sys.stderr)
    return 0


def _ablation_job(job):
    name, shared, cfg_dict, clusters_path, data, dev, params, workdir = job
    cfg = FeatureConfig.from_dict(cfg_dict)
    res, _, secs, size = evaluate(Path(shared), cfg, Path(clusters_path), data, dev, params, Path(workdir),
                                  "ablation_" + "".join(c if c.isalnum() else "_" for c in name))
    return name, res, secs, size


def ablate(shared, train, aqmar, dev, cfg, clusters_path, params, workdir, args) -> dict:
    """Dev micro-F1 of variants, each one change from the single-stage model (two at a time):
    the feature groups and AQMAR are measured without the second stage, which is slow to
    train; the second stage's own gain is the main run against "single stage"."""
    from multiprocessing import get_context
    base = {**cfg.to_dict(), "stacked": False}
    variants = {
        "single stage": (base, args.aqmar),
        "single stage " + ("without" if args.aqmar else "with") + " AQMAR": (base, not args.aqmar),
        "single stage, no clusters": ({**base, "clusters": False}, args.aqmar),
        "single stage, no gazetteers": ({**base, "gazetteers": False}, args.aqmar),
        "single stage, no lexicon": ({**base, "lexicon": False}, args.aqmar),
        "single stage, no letter n-grams": ({**base, "char_ngrams": 0}, args.aqmar),
        "single stage, no cues": ({**base, "cues": False}, args.aqmar),
        "single stage, no pattern": ({**base, "pattern": False}, args.aqmar),
        "single stage, no bigrams": ({**base, "bigrams": False}, args.aqmar),
        "single stage, no clusters/gazetteers/lexicon/cues": (
            {**base, "clusters": False, "gazetteers": False, "lexicon": False, "cues": False}, args.aqmar),
    }
    jobs = [(name, str(shared), c, str(clusters_path), train + (aqmar if aq else []), dev, params, str(workdir))
            for name, (c, aq) in variants.items()]
    out = {}
    with get_context("fork").Pool(2) as pool:
        for name, res, secs, size in pool.imap(_ablation_job, jobs):
            out[name] = {"micro_f1": res["micro"]["f1"],
                         "per_type_f1": {t: d["f1"] for t, d in res["per_type"].items()},
                         "train_seconds": round(secs, 1), "model_bytes": size}
            print(f"ablation {name:<44} micro F1 {res['micro']['f1']:.4f}  "
                  + " ".join(f"{t} {d['f1']:.3f}" for t, d in res["per_type"].items()), flush=True)
    return out


def _version(dist: str) -> str | None:
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
