# Two commands do all set-up on a fresh machine with Python 3.11 and make:
#   make corpus   create .venv if missing, install, rebuild corpus/build from the PDFs
#   make test     create .venv if missing, install, run the whole test suite
# Also: make bench, make typeset (re-typeset corpus/pdf, needs the typst package and
# Noto CJK fonts), make typeset-alt (the same documents typeset by LibreOffice into
# corpus/pdf-alt, needs libreoffice-writer), make devset (the multi-producer dev set in
# /work/devset, see corpus/devset/README.md), make clean.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: all install corpus test bench fuzz typeset typeset-check typeset-alt devset devset-score devset2 devset2-score devset2-pairs devset3 devset3-score devset4 devset4-score devset5 devset5-score clean

all: corpus

# torch first, pinned to the CPU build: sentence-transformers would otherwise pull the
# newest torch with several GB of CUDA packages.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(STAMP)

corpus: $(STAMP)
	$(BIN)/pariter corpus build --manifest corpus/manifest.toml --out corpus/build

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pariter.bench_start
	$(BIN)/python -m pariter.extract.bench
	$(BIN)/python -m pariter.align.bench

# FUZZ_ARGS=--seed 7 --pdfs 1000 --others 500 --shared for a longer run; failing inputs
# are kept with a repro.sh in fuzz-failures/. The parity run counts the mutated PDFs PDFium
# reads text from and checks that pariter extract gets text from every one.
FUZZ_ARGS ?= --seed 1 --pdfs 200 --others 200
PARITY_ARGS ?= --seed 1 --pdfs 200
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.run $(FUZZ_ARGS)
	$(BIN)/python -m tests.fuzz.parity $(PARITY_ARGS)

typeset: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,typeset]'
	$(BIN)/python corpus/typeset/build.py

typeset-check: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,typeset]'
	$(BIN)/python corpus/typeset/build.py --check

typeset-alt: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/typeset/build_alt.py

DEVSET ?= /work/devset
devset: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/devset/build.py --out $(DEVSET)

devset-score: $(STAMP)
	$(BIN)/python corpus/devset/score.py $(DEVSET)

# the held-out set (corpus/devset/specs2.py): score it, report aggregates, never tune on it
DEVSET2 ?= /work/devset2
devset2: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/devset/build.py --set 2 --out $(DEVSET2)
	$(BIN)/python corpus/devset/pairs.py --out $(DEVSET2)/pairs

devset2-score: $(STAMP)
	$(BIN)/python corpus/devset/score.py $(DEVSET2)
	$(BIN)/python corpus/devset/run_pairs.py $(DEVSET2)/pairs

# the footnote and callout set (corpus/devset/specs3.py): circled and per-page labels,
# footmisc, endnotes, KOMA, LuaLaTeX, groff -ms (needs groff), pandoc HTML, Typst
DEVSET3 ?= /work/devset3
devset3: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/devset/build.py --set 3 --out $(DEVSET3)

devset3-score: $(STAMP)
	$(BIN)/python corpus/devset/score.py $(DEVSET3) --detail

# the second held-out set (corpus/devset/specs4.py): new texts, classes, fonts and producers
# (groff -me, pandoc -> ODT and -> ms); score it, report aggregates, never tune on it
DEVSET4 ?= /work/devset4
devset4: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/devset/build.py --set 4 --out $(DEVSET4)

devset4-score: $(STAMP)
	$(BIN)/python corpus/devset/score.py $(DEVSET4)

# the notes set (corpus/devset/specs5.py): footnote and endnote label styles, separators and
# producers where users' notes come from; tunable (devset4 stays the held-out test)
DEVSET5 ?= /work/devset5
devset5: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,devset]'
	$(BIN)/python corpus/devset/build.py --set 5 --out $(DEVSET5)

devset5-score: $(STAMP)
	$(BIN)/python corpus/devset/score.py $(DEVSET5) --detail

clean:
	rm -rf corpus/build .pytest_cache fuzz-failures
