#!/usr/bin/env python3
"""Builds tests/corpus/corpus.jsonl from the annotated sources in tests/corpus/src/.

Sources are hand-written messages in which every personal-data value is marked
{{LABEL|value}}. A value may be a generator instead of literal text, so checksum-bearing
numbers are always valid: {{IBAN|@iban:NL}}, {{IBAN|@iban:DE:spaced}}, {{NATIONAL_ID|@bsn}},
{{CREDIT_CARD|@card:visa:spaced}} ... (see GENERATORS). Generated values are deterministic
(seeded by the message id), so re-running gives the same corpus.

The markers are removed and the spans' code-point offsets computed here, so offsets are
exact by construction; check.py verifies them independently. Standard library only.
    python3 tests/corpus/build.py [--out FILE]     (default tests/corpus/corpus.jsonl)
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"PERSON", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "ADDRESS", "POSTAL_CODE", "CITY",
          "ORDER_ID", "CUSTOMER_ID", "NATIONAL_ID", "DATE_OF_BIRTH", "IP_ADDRESS", "URL",
          "LICENSE_PLATE", "SECRET"}
MARK = re.compile(r"\{\{([A-Z_]+)\|(.*?)\}\}", re.S)

IBAN_LAYOUT = {  # country: (total length, bank-code generator)
    "NL": 18, "BE": 16, "FR": 27, "DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "LU": 20,
}
NL_BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]
GB_BANKS = ["NWBK", "BARC", "HBUK", "LOYD", "MIDL"]
IE_BANKS = ["AIBK", "BOFI", "IPBS"]


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def gen_iban(rng, country, spaced=False):
    n = IBAN_LAYOUT[country]
    digits = lambda k: "".join(rng.choice("0123456789") for _ in range(k))
    if country == "NL":
        bban = rng.choice(NL_BANKS) + digits(10)
    elif country == "GB":
        bban = rng.choice(GB_BANKS) + digits(14)
    elif country == "IE":
        bban = rng.choice(IE_BANKS) + digits(14)
    elif country == "FR":
        # bank 5, branch 5, account 11, RIB key 2 (key not checked by the IBAN itself)
        bban = digits(21) + digits(2)
    else:
        bban = digits(n - 4)
    iban = country + iban_check(country, bban) + bban
    assert len(iban) == n, (country, iban)
    if spaced:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def luhn_complete(prefix_digits, rng, length):
    d = prefix_digits + "".join(rng.choice("0123456789") for _ in range(length - len(prefix_digits) - 1))
    total = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return d + str((10 - total % 10) % 10)


def gen_card(rng, kind, spaced=False):
    if kind == "visa":
        n = luhn_complete("4" + str(rng.randint(10000, 99999)), rng, 16)
        groups = [4, 4, 4, 4]
    elif kind == "mc":
        n = luhn_complete(str(rng.randint(51, 55)), rng, 16)
        groups = [4, 4, 4, 4]
    else:  # amex
        n = luhn_complete(rng.choice(["34", "37"]), rng, 15)
        groups = [4, 6, 5]
    if not spaced:
        return n
    out, i = [], 0
    for g in groups:
        out.append(n[i:i + g])
        i += g
    return " ".join(out)


def gen_bsn(rng, dotted=False):
    # 11-check: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        last = sum(d[i] * (9 - i) for i in range(8)) % 11
        if last == 10:
            continue
        b = "".join(map(str, d)) + str(last)
        return b[:4] + "." + b[4:6] + "." + b[6:] if dotted else b


def gen_be_nn(rng):
    # YY.MM.DD-XXX.CC, born before 2000: check = 97 - (YYMMDDXXX mod 97)
    yy, mm, dd = rng.randint(50, 99), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(1, 998)
    base = "%02d%02d%02d%03d" % (yy, mm, dd, seq)
    cc = 97 - int(base) % 97
    return "%02d.%02d.%02d-%03d.%02d" % (yy, mm, dd, seq, cc)


def gen_nir(rng):
    sex = rng.choice("12")
    yy, mm = rng.randint(50, 99), rng.randint(1, 12)
    dep = "%02d" % rng.randint(1, 95)
    com, order = rng.randint(1, 990), rng.randint(1, 999)
    base = "%s%02d%02d%s%03d%03d" % (sex, yy, mm, dep, com, order)
    key = 97 - int(base) % 97
    return "%s %02d %02d %s %03d %03d %02d" % (sex, yy, mm, dep, com, order, key)


def gen_steuer_id(rng):
    # 11 digits, first not 0; among the first 10 exactly one digit occurs twice (or thrice),
    # others at most once; check digit ISO 7064 MOD 11,10.
    while True:
        digits = rng.sample(range(10), 9)
        dup = rng.choice(digits)
        first10 = digits + [dup]
        rng.shuffle(first10)
        if first10[0] == 0:
            continue
        product = 10
        for dgt in first10:
            total = (dgt + product) % 10
            if total == 0:
                total = 10
            product = (total * 2) % 11
        check = 11 - product
        if check == 10:
            check = 0
        s = "".join(map(str, first10)) + str(check)
        return "%s %s %s %s" % (s[:2], s[2:5], s[5:8], s[8:])


def gen_nino(rng):
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT"):
        second = "A"
    d = "%06d" % rng.randint(0, 999999)
    return "%s%s %s %s %s %s" % (first, second, d[:2], d[2:4], d[4:], rng.choice("ABCD"))


def gen_ssn(rng):
    area = rng.randint(1, 899)
    if area == 666:
        area = 667
    return "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))


def gen_ahv(rng):
    body = "756" + "".join(rng.choice("0123456789") for _ in range(9))
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    check = (10 - total % 10) % 10
    n = body + str(check)
    return "%s.%s.%s.%s" % (n[:3], n[3:7], n[7:11], n[11:])


def gen_ppsn(rng):
    d = "%07d" % rng.randint(0, 9999999)
    total = sum(int(c) * (8 - i) for i, c in enumerate(d))
    return d + "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]


def gen_svnr(rng):
    # Austrian social insurance number: NNNC DDMMYY, check = weighted sum mod 11 (not 10)
    while True:
        serial = "%03d" % rng.randint(100, 999)
        dd, mm, yy = rng.randint(1, 28), rng.randint(1, 12), rng.randint(40, 99)
        date = "%02d%02d%02d" % (dd, mm, yy)
        w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
        digits = serial + date
        c = sum(int(x) * y for x, y in zip(digits, w)) % 11
        if c == 10:
            continue
        return "%s%d %s" % (serial, c, date)


GENERATORS = {
    "iban": lambda rng, a: gen_iban(rng, a[0], "spaced" in a),
    "card": lambda rng, a: gen_card(rng, a[0], "spaced" in a),
    "bsn": lambda rng, a: gen_bsn(rng, "dotted" in a),
    "be_nn": lambda rng, a: gen_be_nn(rng),
    "nir": lambda rng, a: gen_nir(rng),
    "steuer_id": lambda rng, a: gen_steuer_id(rng),
    "nino": lambda rng, a: gen_nino(rng),
    "ssn": lambda rng, a: gen_ssn(rng),
    "ahv": lambda rng, a: gen_ahv(rng),
    "ppsn": lambda rng, a: gen_ppsn(rng),
    "svnr": lambda rng, a: gen_svnr(rng),
}


def render(rec_id, lang, annotated):
    rng = random.Random(rec_id)
    out, spans, pos = [], [], 0
    cp = 0
    for m in MARK.finditer(annotated):
        plain = annotated[pos:m.start()]
        out.append(plain)
        cp += len(plain)
        label, value = m.group(1), m.group(2)
        if label not in LABELS:
            raise SystemExit("%s: unknown label %s" % (rec_id, label))
        if value.startswith("@"):
            name, *args = value[1:].split(":")
            value = GENERATORS[name](rng, args)
        out.append(value)
        spans.append({"start": cp, "end": cp + len(value), "label": label, "value": value})
        cp += len(value)
        pos = m.end()
    out.append(annotated[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise SystemExit("%s: unbalanced marker" % rec_id)
    return {"id": rec_id, "lang": lang, "text": text, "spans": spans}


def read_sources(src_dir=None):
    """Each src/*.txt (or src_dir/*.txt: the blind sets' builders pass their folder) holds
    messages separated by header lines '### <id> <lang> [tags]'."""
    recs = []
    src_dir = src_dir or os.path.join(HERE, "src")
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".txt"):
            continue
        cur = None
        with open(os.path.join(src_dir, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("### "):
                    if cur:
                        recs.append(cur)
                    parts = line[4:].split()
                    cur = {"id": parts[0], "lang": parts[1], "tags": parts[2:], "lines": []}
                elif cur is not None:
                    cur["lines"].append(line)
        if cur:
            recs.append(cur)
    return recs


def main():
    records = []
    seen = set()
    for r in read_sources():
        if r["id"] in seen:
            raise SystemExit("duplicate id " + r["id"])
        seen.add(r["id"])
        body = "".join(r["lines"]).strip("\n")
        rec = render(r["id"], r["lang"], body)
        if r["tags"]:
            rec["tags"] = r["tags"]
        records.append(rec)
    sys.path.insert(0, HERE)
    import templates  # noqa: E402  (generated messages; kept apart from the hand-written ones)
    for rec_id, lang, annotated, tags in templates.generate():
        if rec_id in seen:
            raise SystemExit("duplicate id " + rec_id)
        seen.add(rec_id)
        rec = render(rec_id, lang, annotated)
        rec["tags"] = tags
        records.append(rec)
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "corpus.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("%d records, %d spans -> %s" % (len(records), sum(len(r["spans"]) for r in records), out))


if __name__ == "__main__":
    main()
