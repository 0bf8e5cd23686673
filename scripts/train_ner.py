#!/usr/bin/env python3
"""Train the CRF named-entity tagger of marsad.extract.ner_crf and write its artefacts.

    .venv/bin/python scripts/train_ner.py                 # reproduce the committed model
    .venv/bin/python scripts/train_ner.py --ablate        # also score feature/data variants on dev

Data (from --shared, default ../shared beside the repository):
  * data/anercorp/ANERCorp_CamelLab_train.txt — CAMeL Lab's train split of ANERcorp. Its
    split is sequential, so the dev split is the LAST --dev-fraction (10%) of its sentences;
    the rest is "train". ANERcorp's official test split is not used anywhere.
  * data/aqmar/articles/*.txt — AQMAR (Wikipedia), MIS0–MIS3 → MISC; added to training
    only with --aqmar (it did not help on dev: see the json's ablation).
  * data/arabic_event_gsr/*.csv (text column) — unlabelled text for the word clusters only.
Word clusters are k-means over SVD-reduced PPMI context vectors of the train part, AQMAR and
the GSR sentences (never the dev sentences, never a test set).

Steps: clusters → CRF on train → dev scores with shared/eval/conll_f1.py → the final model
on train+dev with the same settings (unless --final train) → marsad/data/models/
ner_crf.crfsuite, ner_clusters.tsv and ner_crf.json. Everything is seeded; CRF training
(L-BFGS) is deterministic.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # reproducible float sums in numpy
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
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
    CLUSTERS_FILE, META_FILE, MODEL_FILE, TYPES, FeatureConfig, FeatureExtractor, gazetteer_sizes,
    read_clusters, repair_iob2)

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


def train_crf(data, features: FeatureExtractor, model_path: Path, params: dict) -> float:
    import pycrfsuite
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in data:
        trainer.append(features.sentence(toks), tags)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": params["c1"], "c2": params["c2"], "max_iterations": params["max_iterations"],
                        "feature.possible_transitions": True, "feature.minfreq": params["minfreq"]})
    trainer.train(str(model_path))
    return time.time() - t0


def predict(model_path: Path, features: FeatureExtractor, sents) -> list[list[str]]:
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [repair_iob2(tagger.tag(features.sentence(toks))) for toks, _ in sents]


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


def run_variant(args_tuple):
    """Train on train (+AQMAR), score on dev. For --ablate (runs in a worker process)."""
    name, shared, train, dev, cfg_dict, clusters_path, params, workdir = args_tuple
    cfg = FeatureConfig.from_dict(cfg_dict)
    clusters = read_clusters(Path(clusters_path)) if cfg.clusters else {}
    feats = FeatureExtractor(cfg, clusters)
    model = Path(workdir) / f"{name}.crfsuite"
    secs = train_crf(train, feats, model, params)
    res, report = score(Path(shared), dev, predict(model, feats, dev), Path(workdir), name)
    return name, res, report, secs, model.stat().st_size


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=REPO / "marsad" / "data" / "models", help="where the model goes")
    ap.add_argument("--dev-fraction", type=float, default=0.1, help="last fraction of ANERcorp train sentences for dev")
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR to the training data")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--max-iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times in training")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-gazetteers", action="store_true")
    ap.add_argument("--no-cues", action="store_true")
    ap.add_argument("--no-bigrams", action="store_true")
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--final", choices=("all", "train"), default="all",
                    help="all: the shipped model is retrained on train+dev with the same settings (default); "
                         "train: ship the model scored on dev")
    ap.add_argument("--reuse-clusters", action="store_true", help="keep the cluster file already in --out")
    ap.add_argument("--ablate", action="store_true", help="also train and score variants (2 processes)")
    ap.add_argument("--dev-only", action="store_true", help="score on dev, write nothing")
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
    cluster_info = None
    if not args.reuse_clusters:
        t0 = time.time()
        cluster_text = [t for t, _ in train] + [t for t, _ in aqmar] + gsr
        clusters, cluster_info = build_clusters(cluster_text)
        cluster_info["seconds"] = round(time.time() - t0, 1)
        cluster_info["text"] = "ANERcorp train part (not dev), AQMAR, arabic_event_gsr text"
        write_clusters(clusters_path, clusters, cluster_info)
        print(f"clusters: {len(clusters)} words in {cluster_info['seconds']} s", file=sys.stderr)
    else:
        first = clusters_path.read_text(encoding="utf-8").splitlines()[1]
        cluster_info = json.loads(first[2:])

    cfg = FeatureConfig(window=args.window, clusters=not args.no_clusters, gazetteers=not args.no_gazetteers,
                        cues=not args.no_cues, bigrams=not args.no_bigrams)
    params = {"algorithm": "lbfgs", "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations,
              "minfreq": args.minfreq, "possible_transitions": True}
    training = train + (aqmar if args.aqmar else [])

    workdir = Path(tempfile.mkdtemp(prefix="marsad_ner_"))
    ablation = {}
    if args.ablate:
        ablation = ablate(shared, train, aqmar, dev, cfg, clusters_path, params, workdir, args.aqmar)

    clusters = read_clusters(clusters_path) if cfg.clusters else {}
    feats = FeatureExtractor(cfg, clusters)
    dev_model = workdir / "dev.crfsuite"
    secs_dev = train_crf(training, feats, dev_model, params)
    res, report = score(shared, dev, predict(dev_model, feats, dev), workdir, "dev")
    print(f"dev ({len(dev)} sentences, {sum(len(t) for t, _ in dev)} tokens), model trained on "
          f"{len(training)} sentences in {secs_dev:.0f} s:")
    print(report, end="")
    if args.dev_only:
        return 0

    final_data = training + (dev if args.final == "all" else [])
    model_path = out / MODEL_FILE
    if args.final == "all":
        secs_final = train_crf(final_data, feats, model_path, params)
    else:
        secs_final = 0.0
        model_path.write_bytes(dev_model.read_bytes())
    import pycrfsuite
    meta = {
        "model": MODEL_FILE,
        "clusters_file": CLUSTERS_FILE if cfg.clusters else None,
        "tags": [f"{p}-{t}" for t in TYPES for p in "BI"] + ["O"],
        "scheme": "IOB2",
        "data": {
            "anercorp": {"file": ANERCORP, "sentences": len(corpus), "tokens": sum(len(t) for t, _ in corpus),
                         "train_sentences": len(train), "dev_sentences": len(dev),
                         "dev_tokens": sum(len(t) for t, _ in dev),
                         "dev_split": f"the last {n_dev} sentences ({args.dev_fraction:.0%}) of the file: CAMeL's "
                                      "split is sequential, so dev is the text nearest the (unused) test split"},
            "aqmar": {"folder": AQMAR, "sentences": len(aqmar), "used_for_training": bool(args.aqmar),
                      "used_for_clusters": True, "tag_map": "MIS0-MIS3 → MISC, PER → PERS, stray tags → O"},
            "arabic_event_gsr": {"folder": GSR, "sentences": len(gsr), "used_for": "clusters only (unlabelled)"},
            "final_model_trained_on": "ANERcorp train + dev" + (" + AQMAR" if args.aqmar else "")
            if args.final == "all" else "ANERcorp train" + (" + AQMAR" if args.aqmar else ""),
            "final_model_sentences": len(final_data),
        },
        "features": cfg.to_dict(),
        "feature_groups": ["normalised form (w), original form when different (r), bare clitic reading (b)",
                           "proclitics removed (cl) and flags art/conj/prep_b/prep_l/prep_k",
                           "prefixes and suffixes 1..4 of the bare reading", "shape, length bucket, digits",
                           "word clusters (3 granularities)", "entity_cues.yaml cue words",
                           "gazetteer membership with B/I (given names, actors by type, places, countries, outlets)",
                           "window ±2 (±1 richer), word bigrams"],
        "gazetteers": gazetteer_sizes() if cfg.gazetteers else {},
        "clusters": cluster_info,
        "hyperparameters": params,
        "dev": res,
        "dev_report": report.splitlines(),
        "ablation": ablation,
        "training_seconds": {"dev_model": round(secs_dev, 1), "final_model": round(secs_final, 1),
                             "total_wall": round(time.time() - t_start, 1)},
        "model_bytes": model_path.stat().st_size,
        "python_crfsuite": getattr(pycrfsuite, "__version__", None) or _version("python-crfsuite"),
        "seed": SEED,
        "command": "python scripts/train_ner.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {model_path} ({meta['model_bytes'] / 1e6:.1f} MB), {out / META_FILE}; "
          f"{meta['training_seconds']['total_wall']:.0f} s in all", file=sys.stderr)
    return 0


def ablate(shared, train, aqmar, dev, cfg, clusters_path, params, workdir, with_aqmar) -> dict:
    from multiprocessing import Pool
    base = cfg.to_dict()
    variants = {
        "all features": (base, False),
        "all features + AQMAR": (base, True),
        "no clusters": ({**base, "clusters": False}, with_aqmar),
        "no gazetteers": ({**base, "gazetteers": False}, with_aqmar),
        "no cues": ({**base, "cues": False}, with_aqmar),
        "no clusters, gazetteers, cues": ({**base, "clusters": False, "gazetteers": False, "cues": False},
                                          with_aqmar),
    }
    jobs = [(name.replace(" ", "_").replace(",", "").replace("+", "plus"), str(shared),
             train + (aqmar if aq else []), dev, c, str(clusters_path), params, str(workdir))
            for name, (c, aq) in variants.items()]
    names = dict(zip((j[0] for j in jobs), variants))
    out = {}
    with Pool(2) as pool:
        for key, res, _report, secs, size in pool.imap(run_variant, jobs):
            name = names[key]
            out[name] = {"micro_f1": res["micro"]["f1"],
                         "per_type_f1": {t: d["f1"] for t, d in res["per_type"].items()},
                         "train_seconds": round(secs, 1), "model_bytes": size}
            print(f"ablation {name:<32} micro F1 {res['micro']['f1']:.4f}  "
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
