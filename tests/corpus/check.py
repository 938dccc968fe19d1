#!/usr/bin/env python3
"""Verifies tests/corpus/corpus.jsonl independently of build.py: JSON shape, unique ids,
offsets (every span's text equals its recorded value, no surrounding blanks, no overlaps),
the label vocabulary, and checksums of IBANs, card numbers and national IDs.
Exit status 1 with a message per problem.   python3 tests/corpus/check.py [FILE]"""
import json
import os
import re
import sys

LABELS = {"PERSON", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "ADDRESS", "POSTAL_CODE", "CITY",
          "ORDER_ID", "CUSTOMER_ID", "NATIONAL_ID", "DATE_OF_BIRTH", "IP_ADDRESS", "URL",
          "LICENSE_PLATE", "SECRET"}
LANGS = {"nl", "fr", "de", "en"}


def iban_ok(v):
    s = v.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def luhn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not d.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def national_id_ok(v):
    d = re.sub(r"[ .\-]", "", v)
    if re.fullmatch(r"\d{9}", d) and not re.fullmatch(r"\d{3}-\d{2}-\d{4}", v):  # BSN
        return (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}", v):  # US SSN
        return d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"
    if re.fullmatch(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}", v):  # Belgian national number
        return 97 - int(d[:9]) % 97 == int(d[9:]) or 97 - int("2" + d[:9]) % 97 == int(d[9:])
    if re.fullmatch(r"[12]\d{14}", d):  # French NIR
        return 97 - int(d[:13]) % 97 == int(d[13:])
    if re.fullmatch(r"\d{11}", d) and (97 - int(d[:9]) % 97 == int(d[9:]) or
                                         97 - int("2" + d[:9]) % 97 == int(d[9:])):
        return True  # Belgian national number written without separators
    if re.fullmatch(r"\d{12}", d):  # Belgian identity card: first ten digits mod 97
        return (int(d[:10]) % 97 or 97) == int(d[10:])
    if re.fullmatch(r"\d{8}[A-Z]\d{3}", d):  # German Rentenversicherungsnummer
        digits = d[:8] + "%02d" % (ord(d[8]) - 64) + d[9:11]
        total = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(digits, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]))
        return total % 10 == int(d[11])
    if re.fullmatch(r"[A-Z][A-Z9]{4}\d{6}[A-Z][A-Z9]\d[A-Z0-9]{2}", d):  # UK driving licence
        month, day = int(d[6:8]), int(d[8:10])
        return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31
    if re.fullmatch(r"\d{11}", d):  # German Steuer-ID, ISO 7064 MOD 11,10
        product = 10
        for ch in d[:10]:
            t = (int(ch) + product) % 10 or 10
            product = (t * 2) % 11
        return (11 - product) % 10 == int(d[10])
    if re.fullmatch(r"756\d{10}", d):  # Swiss AHV, EAN-13
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
        return (10 - total % 10) % 10 == int(d[12])
    if re.fullmatch(r"\d{7}[A-W]", d):  # Irish PPSN
        return "WABCDEFGHIJKLMNOPQRSTUV"[sum(int(c) * (8 - i) for i, c in enumerate(d[:7])) % 23] == d[7]
    if re.fullmatch(r"\d{7}[A-W][A-IW]", d):  # Irish PPSN since 2013: second letter weighs 9 (W = 0)
        second = 0 if d[8] == "W" else ord(d[8]) - 64
        total = sum(int(c) * (8 - i) for i, c in enumerate(d[:7])) + 9 * second
        return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == d[7]
    if re.fullmatch(r"\d{10}", d):  # Austrian SVNR
        w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
        return sum(int(c) * x for c, x in zip(d, w)) % 11 == int(d[3])
    if re.fullmatch(r"[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D]", d):  # UK NINO
        return d[:2] not in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT")
    return False


CHECKS = {"IBAN": iban_ok, "CREDIT_CARD": luhn_ok, "NATIONAL_ID": national_id_ok}


def check(path):
    problems = []
    ids = set()
    n_spans = 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            where = "%s:%d" % (os.path.basename(path), lineno)
            try:
                r = json.loads(line)
            except ValueError as e:
                problems.append("%s: bad JSON (%s)" % (where, e))
                continue
            rid = r.get("id")
            if not isinstance(rid, str) or rid in ids:
                problems.append("%s: missing or duplicate id" % where)
            ids.add(rid)
            if r.get("lang") not in LANGS:
                problems.append("%s %s: bad lang" % (where, rid))
            text = r.get("text", "")
            prev_end = -1
            for s in sorted(r.get("spans", []), key=lambda s: (s["start"], s["end"])):
                n_spans += 1
                a, b, lab = s["start"], s["end"], s["label"]
                if lab not in LABELS:
                    problems.append("%s %s: unknown label %s" % (where, rid, lab))
                if not (0 <= a < b <= len(text)):
                    problems.append("%s %s: span %d-%d out of range" % (where, rid, a, b))
                    continue
                val = text[a:b]
                if "value" in s and s["value"] != val:
                    problems.append("%s %s: span %d-%d is %r, recorded %r" % (where, rid, a, b, val, s["value"]))
                if val != val.strip() or not val.strip():
                    problems.append("%s %s: span %r has surrounding blanks" % (where, rid, val))
                if a < prev_end:
                    problems.append("%s %s: span %r overlaps the previous one" % (where, rid, val))
                prev_end = max(prev_end, b)
                if lab in CHECKS and not CHECKS[lab](val):
                    problems.append("%s %s: %s %r fails its checksum" % (where, rid, lab, val))
    for p in problems:
        print(p)
    print("%s: %d records, %d spans, %d problems" % (path, len(ids), n_spans, len(problems)))
    return not problems


if __name__ == "__main__":
    p = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
    sys.exit(0 if check(p) else 1)
