#!/usr/bin/env python3
"""Lists PERSON false positives and false negatives (overlap matching, as score.py) of a
`veil eval --pred-out` file against a gold JSONL file, with the gold label a false positive
overlaps (ORGANIZATION, LOCATION, ...) and a little context, so errors can be grouped before
rules change. Prints to stdout; nothing is written into the repository.

    build-names/native_host/veil eval --gold G.jsonl --claims PERSON --pred-out /tmp/p.jsonl
    python3 tools/names/person_errors.py --gold G.jsonl --pred /tmp/p.jsonl [--fp|--fn] [--top N]
"""
import argparse
import collections
import json


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                out[r["id"]] = r
    return out


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--fp", action="store_true", help="only false positives")
    ap.add_argument("--fn", action="store_true", help="only false negatives")
    ap.add_argument("--top", type=int, default=40, help="most frequent surface forms to list")
    ap.add_argument("--examples", type=int, default=0, help="print N examples with context")
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    fp_forms, fn_forms, fp_kind = collections.Counter(), collections.Counter(), collections.Counter()
    fp_ex, fn_ex = [], []
    for rid, g in gold.items():
        text = g["text"]
        gp = [s for s in g["spans"] if s["label"] == "PERSON"]
        pp = [s for s in pred.get(rid, {}).get("spans", []) if s["label"] == "PERSON"]
        for p in pp:
            if not any(overlaps(p, s) for s in gp):
                other = [s["label"] for s in g["spans"] if overlaps(p, s)]
                kind = other[0] if other else "none"
                fp_kind[kind] += 1
                fp_forms[(text[p["start"]:p["end"]], kind)] += 1
                fp_ex.append((kind, text[max(0, p["start"] - 40):p["start"]], text[p["start"]:p["end"]],
                              text[p["end"]:p["end"] + 40]))
        for s in gp:
            if not any(overlaps(p, s) for p in pp):
                fn_forms[text[s["start"]:s["end"]]] += 1
                fn_ex.append((text[max(0, s["start"] - 40):s["start"]], text[s["start"]:s["end"]],
                              text[s["end"]:s["end"] + 40]))
    if not a.fn:
        print(f"false positives: {sum(fp_kind.values())} by gold label {dict(fp_kind)}")
        for (form, kind), n in fp_forms.most_common(a.top):
            print(f"  {n:3d} {kind:12s} {form}")
        for kind, l, m, r in fp_ex[: a.examples]:
            print(f"  FP[{kind}] ...{l}[[{m}]]{r}...".replace("\n", " "))
    if not a.fp:
        print(f"false negatives: {sum(fn_forms.values())}")
        for form, n in fn_forms.most_common(a.top):
            print(f"  {n:3d} {form}")
        for l, m, r in fn_ex[: a.examples]:
            print(f"  FN ...{l}[[{m}]]{r}...".replace("\n", " "))


if __name__ == "__main__":
    main()
