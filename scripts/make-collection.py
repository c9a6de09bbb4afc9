#!/usr/bin/env python3
"""Builds a synthetic collection of UN-style reports in several languages, for `paralign batch` tests and benchmarks.

    scripts/make-collection.py OUTDIR --mb 100 [--seed 1] [--bad 2] [--orphans 2]

The parallel texts bundled with paralign are cut into numbered paragraphs (paragraphs are matched across languages
by position, so every set keeps the translations aligned): the sample report (corpora/samples, zh en fr), the
read-stage fixture report (tests/fixtures/read, zh en fr ru ar, and a Spanish version written for this script
below, so six languages), and the structure fixture (zh en). Each synthetic document takes one set, draws a
random sequence of its paragraphs (with replacement; the same draw for every language), renumbers them 1..N,
perturbs them (a figure changed in one translation, a paragraph missing from one translation, so the aligner and
the QA checks have something to find), gives the document a new symbol (A/61/234) in its header, and writes one
file per language under one of the usual UN naming forms, chosen at random:

    session61/A_61_234-ZH.txt   session61/A-61-234_en.txt   session61/A_61_234.fr.txt   session61/ru/A_61_234.txt

--bad N adds N documents whose Russian version is not text (NUL bytes), which the batch must report and skip;
--orphans N adds N Chinese documents from corpora/A_59_181.zh.txt without any translation. The same seed gives the
same collection, byte for byte. Sizes are input bytes on disk (all languages). Uses only the Python standard library.
"""
import argparse
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The fixture report (tests/fixtures/read/report.*.txt) in Spanish, written for this generator: same layout and
# paragraphs, so it lines up with the other five versions block by block.
SPANISH_REPORT = """Naciones Unidas                                                A/80/999
Asamblea General                                               Distr. general
                                                               12 de agosto de 2025

Octogésimo período de sesiones
Tema 97 del programa provisional
Desarme general y completo

        Ayuda a los Estados para cooperar en materia de agua potable limpia

        Informe del Secretario General

Resumen
    En el presente informe se describe la labor realizada por el sistema de las
Naciones Unidas entre julio de 2024 y junio de 2025 para ayudar a los Estados
Miembros a mejorar el suministro de agua potable en las zonas rurales.

I. Introducción

1. El presente informe se presenta en cumplimiento de la resolución 79/123 de la
Asamblea General, en la que la Asamblea solicitó al Secretario General que le
informara en su octogésimo período de sesiones sobre la aplicación de la
resolución.

2. Al 30 de junio de 2025, 42 Estados Miembros habían comunicado información
sobre las medidas que habían adoptado.

II. Actividades del sistema de las Naciones Unidas

3. Las comisiones regionales celebraron tres talleres, a los que asistieron 150 expertos.

4. La Secretaría también preparó un manual sobre la vigilancia de la calidad del
agua, publicado en los seis idiomas oficiales.
"""

SETS = [
    ("report", {l: f"tests/fixtures/read/report.{l}.txt" for l in ["zh", "en", "fr", "ru", "ar"]} | {"es": None}),
    ("water", {l: f"corpora/samples/water_report.{l}.txt" for l in ["zh", "en", "fr"]}),
]

NUMBERED = re.compile(r"^\s*(\d+)(\.|\s-)\s")
HEADING = re.compile(r"^\s*([IVX]+|[A-H]|[一二三四五六七八九十]+)\s*[.．]\s")
SYMBOL = re.compile(r"A/\d+/\d+")


def read_text(lang, path):
    if path is None:
        return SPANISH_REPORT
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def split_blocks(text):
    """Header lines (before the first numbered paragraph) and the numbered paragraphs, without their numbers."""
    blocks, cur = [], []
    for line in text.split("\n"):
        # A block ends at a blank line, and a new one starts at a numbered paragraph, a heading or a rule, so that
        # files without blank lines between paragraphs are cut the same way.
        starts = NUMBERED.match(line) or HEADING.match(line) or line.startswith("___")
        if cur and (not line.strip() or starts):
            blocks.append(cur)
            cur = []
        if line.strip():
            cur.append(line)
    if cur:
        blocks.append(cur)
    header, paras = [], []
    for b in blocks:
        if NUMBERED.match(b[0]) and len(" ".join(b).encode("utf-8")) > 40:
            paras.append("\n".join(b))
        elif not paras:
            header.append("\n".join(b))
        else:
            paras.append(None)  # a heading between paragraphs: keeps positions comparable across languages
    return header, paras


def load_sets():
    out = []
    for name, files in SETS:
        versions = {l: split_blocks(read_text(l, p)) for l, p in files.items()}
        counts = {len(v[1]) for v in versions.values()}
        if len(counts) != 1:
            print(f"make-collection: skipping set {name}: its versions do not line up", file=sys.stderr)
            continue
        n = counts.pop()
        keep = [i for i in range(n) if all(v[1][i] is not None for v in versions.values())]
        out.append((name, versions, keep))
    return out


def renumber(para, number, lang):
    sep = " - " if lang == "ar" else ". "
    return NUMBERED.sub(lambda m: f"{number}{sep}", para, count=1)


def perturb_figure(text, rng):
    digits = [m for m in re.finditer(r"\d+", text)]
    if not digits:
        return text
    m = rng.choice(digits)
    return text[: m.start()] + str(int(m.group()) + 1 + rng.randrange(9)) + text[m.end():]


def file_name(symbol, lang, style):
    parts = symbol.split("/")
    if style == 0:
        return "_".join(parts) + "-" + lang.upper() + ".txt"
    if style == 1:
        return "-".join(parts) + "_" + lang + ".txt"
    if style == 2:
        return "_".join(parts) + "." + lang + ".txt"
    return os.path.join(lang, "_".join(parts) + ".txt")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--mb", type=float, default=10.0, help="total size to write, in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--doc-kb", type=int, default=40, help="mean size of one language version, in KB")
    ap.add_argument("--bad", type=int, default=0, help="documents with an unreadable Russian version")
    ap.add_argument("--orphans", type=int, default=0, help="Chinese documents without any translation")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sets = load_sets()
    # Six-language documents most of the time, so a collection is mostly six-way.
    weights = [6 if name == "report" else 1 for name, _, _ in sets]
    target = int(a.mb * 1e6)
    written = 0
    docs = 0
    serial = 0
    os.makedirs(a.outdir, exist_ok=True)

    def write(path, data):
        nonlocal written
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)

    def next_symbol():
        nonlocal serial
        serial += 1
        return f"A/{61 + serial // 1000}/{100 + serial % 1000}"

    bad_left, orphans_left = a.bad, a.orphans
    while written < target or bad_left > 0 or orphans_left > 0:
        if written >= target and orphans_left > 0:
            orphans_left -= 1
            symbol = next_symbol()
            text = read_text("zh", "corpora/A_59_181.zh.txt").replace("A/59/181", symbol)
            folder = os.path.join(a.outdir, "session" + symbol.split("/")[1])
            write(os.path.join(folder, file_name(symbol, "zh", 0)), text.encode("utf-8"))
            docs += 1
            continue
        make_bad = written >= target and bad_left > 0
        name, versions, keep = rng.choices(sets, weights)[0]
        if make_bad:
            name, versions, keep = next(s for s in sets if s[0] == "report")
        symbol = next_symbol()
        style = rng.randrange(4)
        # Paragraph count from the size wanted for one language version (the pivot's bytes as the measure).
        zh_paras = versions["zh"][1]
        mean = sum(len(zh_paras[i].encode("utf-8")) for i in keep) / len(keep)
        count = max(3, int(rng.uniform(0.5, 1.5) * a.doc_kb * 1000 / mean))
        draw = [rng.choice(keep) for _ in range(count)]
        missing = {}  # (paragraph position) -> language that loses it
        changed = {}  # (paragraph position) -> language whose figure changes
        others = [l for l in versions if l != "zh"]
        for k in range(count):
            r = rng.random()
            if r < 0.02:
                missing[k] = rng.choice(others)
            elif r < 0.07:
                changed[k] = rng.choice(others)
        folder = os.path.join(a.outdir, "session" + symbol.split("/")[1])
        for lang, (header, paras) in versions.items():
            out = [SYMBOL.sub(symbol, h) for h in header]
            for k, i in enumerate(draw):
                if missing.get(k) == lang:
                    continue
                p = renumber(paras[i], k + 1, lang)
                if changed.get(k) == lang:
                    p = perturb_figure(p, rng)
                out.append(p)
            data = ("\n\n".join(out) + "\n").encode("utf-8")
            if make_bad and lang == "ru":
                data = b"\x00\x01PK\x00" + data[:64]
            write(os.path.join(folder, file_name(symbol, lang, style)), data)
        if make_bad:
            bad_left -= 1
        docs += 1
    print(f"make-collection: {docs} documents, {written / 1e6:.1f} MB in {a.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
