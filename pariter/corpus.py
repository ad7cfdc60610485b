"""Rebuilding the corpus from its PDFs: extract → align → export, incrementally.

Make's timestamps are not enough here: a fresh clone gives every file a new mtime, and
a change to the extractor's code should rebuild documents even when no PDF changed. So
each output records, in ``build/.state.json``, a key made of the sha256 of its inputs
and of the code of the stages that made it; a step runs only when its key changed. The
state is written after every step, and every output is written atomically, so a failed
build leaves the previous good files and nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from pariter.errors import InputError, PariterError
from pariter.io import atomic_write_text, sha256_file

STATE_FILE = ".state.json"


@dataclass(frozen=True, slots=True)
class DocEntry:
    id: str
    pdf: Path
    title: str | None


@dataclass(frozen=True, slots=True)
class Side:
    document: str
    select: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class PairEntry:
    id: str
    source: Side
    target: Side


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    documents: tuple[DocEntry, ...]
    pairs: tuple[PairEntry, ...]

    def document(self, doc_id: str) -> DocEntry:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)


def load_manifest(path: str | Path) -> Manifest:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(p, "no such manifest") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(p, f"not valid TOML ({e})") from None
    base = p.parent
    docs = []
    for d in data.get("document", []):
        if "id" not in d or "pdf" not in d:
            raise InputError(p, f"a [[document]] needs id and pdf: {d}")
        docs.append(DocEntry(d["id"], base / d["pdf"], d.get("title")))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        raise InputError(p, "document ids are not unique")
    pairs = []
    for q in data.get("pair", []):
        try:
            src, tgt = Side(**q["source"]), Side(**q["target"])
        except (KeyError, TypeError) as e:
            raise InputError(p, f"pair {q.get('id')!r} needs source and target tables ({e})") from None
        for side in (src, tgt):
            if side.document not in ids:
                raise InputError(p, f"pair {q.get('id')!r} names unknown document {side.document!r}")
        pairs.append(PairEntry(q["id"], src, tgt))
    return Manifest(p, tuple(docs), tuple(pairs))


def code_fingerprint(*packages: str) -> str:
    """A hash of the source files of the given packages: changed code → rebuilt outputs."""
    import importlib

    h = hashlib.sha256()
    for name in sorted(set(packages)):
        mod = importlib.import_module(name)
        root = Path(mod.__file__).parent
        for f in sorted(root.rglob("*")):
            if f.suffix in {".py", ".json", ".css", ".js", ".html"} and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass(slots=True)
class Step:
    """One unit of work: the outputs it writes, the key of its inputs, how to run it."""

    name: str
    outputs: tuple[Path, ...]
    key: Callable[[], str]
    run: Callable[[], None]


class Build:
    def __init__(self, manifest: Manifest, out_dir: Path, model: str = "muse",
                 force: bool = False) -> None:
        self.manifest = manifest
        self.out = out_dir
        self.model = model
        self.force = force
        self.state_path = out_dir / STATE_FILE
        self.state: dict[str, str] = self._read_state()
        self._docs: dict[str, object] = {}
        self._embedder = None
        self.ran: list[str] = []
        self.skipped: list[str] = []

    # -- state ----------------------------------------------------------------------
    def _read_state(self) -> dict[str, str]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in data.items()}
        except (FileNotFoundError, json.JSONDecodeError, AttributeError):
            return {}

    def _save_state(self) -> None:
        atomic_write_text(self.state_path, json.dumps(self.state, indent=1, sort_keys=True) + "\n")

    def up_to_date(self, step: Step, key: str) -> bool:
        return (not self.force and all(o.exists() for o in step.outputs)
                and all(self.state.get(o.name) == key for o in step.outputs))

    # -- the steps ------------------------------------------------------------------------
    def doc_json(self, doc_id: str) -> Path:
        return self.out / f"{doc_id}.json"

    def steps(self) -> Iterator[Step]:
        extract_code = code_fingerprint("pariter.extract", "pariter")
        align_code = code_fingerprint("pariter.align", "pariter")
        export_code = code_fingerprint("pariter.export", "pariter")
        for d in self.manifest.documents:
            yield Step(f"extract {d.id}", (self.doc_json(d.id),),
                       key=lambda d=d: _key(sha256_file(_existing(d.pdf)), extract_code),
                       run=lambda d=d: self._extract(d))
        for p in self.manifest.pairs:
            align_out = self.out / f"{p.id}.align.json"
            inputs = lambda p=p: [sha256_file(self.doc_json(s.document)) for s in (p.source, p.target)]
            yield Step(f"align {p.id}", (align_out,),
                       key=lambda p=p, inputs=inputs: _key(*inputs(), repr(p), self.model, align_code),
                       run=lambda p=p, out=align_out: self._align(p, out))
            outs = tuple(self.out / f"{p.id}{ext}" for ext in (".tei.xml", ".jsonl", ".tmx", ".html"))
            yield Step(f"export {p.id}", outs,
                       key=lambda p=p, inputs=inputs, a=align_out: _key(
                           *inputs(), sha256_file(a), repr(p), export_code),
                       run=lambda p=p, a=align_out: self._export(p, a))

    def _extract(self, d: DocEntry) -> None:
        from pariter.pipeline import extract_document

        doc = extract_document(d.pdf, doc_id=d.id)
        if d.title and not doc.title:
            doc.title = d.title
        doc.source.path = _rel(d.pdf, self.manifest.path.parent)
        doc.save(self.doc_json(d.id))

    def _load(self, doc_id: str):
        from pariter.model import load_document

        if doc_id not in self._docs:
            self._docs[doc_id] = load_document(self.doc_json(doc_id))
        return self._docs[doc_id]

    def embedder(self):
        if self._embedder is None:
            from pariter.align.embed import CachedEmbedder, load_embedder

            self._embedder = CachedEmbedder(load_embedder(self.model))
        return self._embedder

    def _side_doc(self, side: Side):
        doc = self._load(side.document)
        return doc.stream(side.lang) if side.lang else doc

    def _align(self, p: PairEntry, out: Path) -> None:
        from pariter.align.document import align_documents

        src, tgt = self._side_doc(p.source), self._side_doc(p.target)
        alignment = align_documents(src, tgt, self.embedder(),
                                    src_select=p.source.select, tgt_select=p.target.select)
        alignment.save(out)

    def _export(self, p: PairEntry, align_path: Path) -> None:
        from pariter.export import write_pair_outputs
        from pariter.model import load_alignment

        src, tgt = self._side_doc(p.source), self._side_doc(p.target)
        write_pair_outputs(src, tgt, load_alignment(align_path), self.out, p.id)

    # -- running ------------------------------------------------------------------------
    def run(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        steps = list(self.steps())
        for i, step in enumerate(steps):
            if progress:
                progress(step.name, i, len(steps))
            key = step.key()
            if self.up_to_date(step, key):
                self.skipped.append(step.name)
                continue
            try:
                step.run()
            except PariterError:
                raise
            except Exception as e:  # a stage crashed: name the step and its input
                raise PariterError(f"{step.name} failed: {type(e).__name__}: {e}") from e
            for o in step.outputs:
                self.state[o.name] = key
            self._save_state()
            self.ran.append(step.name)
        if progress:
            progress("done", len(steps), len(steps))


def _existing(path: Path) -> Path:
    if not path.exists():
        raise InputError(path, "listed in the manifest but missing")
    return path


def _rel(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
