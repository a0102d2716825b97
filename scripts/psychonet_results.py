"""Read a psychonet result folder from Python: result.json, every CSV, every .npy.

Pure Python (the standard library only); with pandas installed the tables are DataFrames, with NumPy the
arrays are ndarrays. Works on the folder of any command (`sensitivity`, `stats`, `linear`, …) and on a
`reproduce` folder, whose experiments sit in sub-folders ("linear/depth1_pcs").

    import sys; sys.path.insert(0, "scripts")          # or copy this one file next to your notebook
    from psychonet_results import load
    r = load("results")
    r.result["summary"]                                # result.json as a dict (JSON null for NaN → None)
    r.claims                                           # the table of claims (claims.csv), if the folder has one
    r.tables                                           # {"stats/pca_spectrum": DataFrame, ...}, read on first use
    r.table("pca_spectrum")                            # by name, when the name is unique in the folder
    r.arrays["stats/pca_components"]                   # .npy files: ndarray (or nested lists without NumPy)

From a shell: `python3 scripts/psychonet_results.py RESULT_DIR` prints what the folder holds.
"""
import ast
import csv
import json
import os
import struct
import sys

__all__ = ["load", "Result", "read_csv", "read_npy"]

try:  # optional: DataFrames and ndarrays when available (PSYCHONET_PURE=1 forces the plain-Python forms)
    if os.environ.get("PSYCHONET_PURE"):
        raise ImportError
    import pandas as _pd
except ImportError:
    _pd = None
try:
    if os.environ.get("PSYCHONET_PURE"):
        raise ImportError
    import numpy as _np
except ImportError:
    _np = None


def _number(text):
    """A CSV cell as int, float or text (psychonet writes numbers in Java's shortest round-trip form)."""
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)  # also "NaN", "Infinity", "-Infinity"
    except ValueError:
        pass
    if text in ("true", "false"):
        return text == "true"
    return text


def read_csv(path):
    """A CSV as a pandas DataFrame, or without pandas as a list of dicts with numbers converted."""
    if _pd is not None:
        return _pd.read_csv(path, keep_default_na=True, na_values=["NaN"],
                            true_values=["true"], false_values=["false"])
    with open(path, newline="", encoding="utf-8") as f:
        return [{k: _number(v) for k, v in row.items()} for row in csv.DictReader(f)]


_DTYPES = {"<f4": ("f", 4), "<f8": ("d", 8), "<i4": ("i", 4), "<i8": ("q", 8), "|u1": ("B", 1),
           "<u1": ("B", 1), "|i1": ("b", 1), "|b1": ("?", 1), "<i2": ("h", 2), "<u2": ("H", 2)}


def read_npy(path):
    """A .npy file (format 1.0–3.0, little-endian numbers, C order) as an ndarray, or nested lists."""
    if _np is not None:
        return _np.load(path, allow_pickle=False)
    with open(path, "rb") as f:
        magic = f.read(6)
        if magic != b"\x93NUMPY":
            raise ValueError("%s: not a .npy file" % path)
        major = f.read(2)[0]
        header_len = struct.unpack("<H", f.read(2))[0] if major == 1 else struct.unpack("<I", f.read(4))[0]
        header = ast.literal_eval(f.read(header_len).decode("latin1"))
        descr, fortran, shape = header["descr"], header["fortran_order"], tuple(header["shape"])
        if descr not in _DTYPES:
            raise ValueError("%s: dtype %s is not supported without NumPy" % (path, descr))
        if fortran:
            raise ValueError("%s: Fortran order is not supported without NumPy" % path)
        code, size = _DTYPES[descr]
        count = 1
        for d in shape:
            count *= d
        data = f.read(count * size)
        if len(data) != count * size:
            raise ValueError("%s: truncated (%d of %d bytes)" % (path, len(data), count * size))
        flat = list(struct.unpack("<%d%s" % (count, code), data))
    return _reshape(flat, shape) if shape else flat[0]


def _reshape(flat, shape):
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_reshape(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


class _Lazy(dict):
    """A dict whose values are read from their file on first access."""

    def __init__(self, paths, reader):
        super().__init__()
        self._paths = dict(sorted(paths.items()))
        self._reader = reader

    def __getitem__(self, key):
        if not dict.__contains__(self, key):
            if key not in self._paths:
                raise KeyError("%r (have: %s)" % (key, ", ".join(self._paths) or "none"))
            dict.__setitem__(self, key, self._reader(self._paths[key]))
        return dict.__getitem__(self, key)

    def __contains__(self, key):
        return key in self._paths

    def __iter__(self):
        return iter(self._paths)

    def __len__(self):
        return len(self._paths)

    def keys(self):
        return self._paths.keys()

    def items(self):
        return [(k, self[k]) for k in self._paths]

    def values(self):
        return [self[k] for k in self._paths]

    def path(self, key):
        return self._paths[key]


class Result:
    """A psychonet result folder: `result` (result.json), `tables` (CSVs), `arrays` (.npy), `claims`."""

    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        meta = os.path.join(self.folder, "result.json")
        if not os.path.isfile(meta):
            raise FileNotFoundError("%s has no result.json: not a psychonet result folder" % folder)
        with open(meta, encoding="utf-8") as f:
            # psychonet writes NaN/Inf as null; Java's "NaN" strings from older versions are read as numbers
            self.result = json.load(f, parse_constant=lambda c: float(c.replace("Infinity", "inf")))
        csvs, npys = {}, {}
        for root, dirs, files in os.walk(self.folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                rel = os.path.relpath(os.path.join(root, name), self.folder).replace(os.sep, "/")
                stem, ext = os.path.splitext(rel)
                if ext == ".csv":
                    csvs[stem] = os.path.join(root, name)
                elif ext == ".npy":
                    npys[stem] = os.path.join(root, name)
        self.tables = _Lazy(csvs, read_csv)
        self.arrays = _Lazy(npys, read_npy)

    @property
    def command(self):
        return self.result.get("command")

    @property
    def summary(self):
        return self.result.get("summary")

    @property
    def claims(self):
        """claims.csv as a table, or the claims list of result.json, or None."""
        if "claims" in self.tables:
            return self.tables["claims"]
        return self.result.get("claims")

    def table(self, name):
        """The CSV called `name` (with or without its sub-folder), when only one has that name."""
        return self.tables[self._unique(self.tables, name)]

    def array(self, name):
        """The .npy called `name` (with or without its sub-folder), when only one has that name."""
        return self.arrays[self._unique(self.arrays, name)]

    @staticmethod
    def _unique(files, name):
        if name in files:
            return name
        hits = [k for k in files if k.rsplit("/", 1)[-1] == name]
        if len(hits) != 1:
            raise KeyError("%r matches %s" % (name, hits or "nothing (have: %s)" % ", ".join(files)))
        return hits[0]

    def describe(self):
        """What the folder holds, as lines of text."""
        lines = ["%s: psychonet %s (seed %s, %s)" % (self.folder, self.command,
                                                     self.result.get("seed"),
                                                     self.result.get("psychonet_version"))]
        claims = self.result.get("claims") or []
        if claims:
            paper = [c for c in claims if c.get("kind") == "paper"]
            held = sum(1 for c in paper if c.get("holds"))
            lines.append("claims: %d of %d paper claims hold, %d checks" % (held, len(paper),
                                                                            len(claims) - len(paper)))
        for k in self.tables:
            t = self.tables[k]
            cols = list(t.columns) if _pd is not None else _header(self.tables.path(k))
            lines.append("table  %-40s %6d rows  %s" % (k, len(t), ", ".join(map(str, cols))))
        for k in self.arrays:
            a = self.arrays[k]
            shape = tuple(a.shape) if _np is not None else _shape(a)
            lines.append("array  %-40s shape %s" % (k, shape))
        return lines

    def __repr__(self):
        return "Result(%r, command=%r, %d tables, %d arrays)" % (self.folder, self.command, len(self.tables),
                                                                len(self.arrays))


def _header(path):
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f), [])


def _shape(v):
    s = []
    while isinstance(v, list):
        s.append(len(v))
        v = v[0] if v else None
    return tuple(s)


def load(folder):
    """Opens a result folder written by any psychonet command."""
    return Result(folder)


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print("usage: python3 scripts/psychonet_results.py RESULT_DIR", file=sys.stderr)
        sys.exit(2)
    try:
        print("\n".join(load(sys.argv[1]).describe()))
    except (OSError, ValueError) as e:
        print("psychonet_results: %s" % e, file=sys.stderr)
        sys.exit(2)
