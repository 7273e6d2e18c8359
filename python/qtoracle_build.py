# SPDX-License-Identifier: LGPL-3.0-or-later
"""A PEP 517 build backend with no dependencies: builds the pure-Python wheel of the qtoracle package from the files
in ./qtoracle, so that `pip install ./python` needs no package index."""
import base64
import hashlib
import os
import zipfile

NAME = "qtoracle"
VERSION = "0.1.0"
HERE = os.path.dirname(os.path.abspath(__file__))
DIST = "%s-%s.dist-info" % (NAME, VERSION)

METADATA = """Metadata-Version: 2.1
Name: qtoracle
Version: %s
Summary: Certified reference values for quantum thermodynamics: load golden vectors and check a solver's results
License: LGPL-3.0-or-later
Requires-Python: >=3.9
""" % VERSION

WHEEL = """Wheel-Version: 1.0
Generator: qtoracle_build
Root-Is-Purelib: true
Tag: py3-none-any
"""


def _files():
    out = []
    for name in sorted(os.listdir(os.path.join(HERE, NAME))):
        if name.endswith(".py"):
            out.append(("%s/%s" % (NAME, name), os.path.join(HERE, NAME, name)))
    return out


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    d = os.path.join(metadata_directory, DIST)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "METADATA"), "w") as f:
        f.write(METADATA)
    with open(os.path.join(d, "WHEEL"), "w") as f:
        f.write(WHEEL)
    return DIST


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name = "%s-%s-py3-none-any.whl" % (NAME, VERSION)
    path = os.path.join(wheel_directory, name)
    record = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, src in _files():
            with open(src, "rb") as f:
                data = f.read()
            z.writestr(arcname, data)
            record.append(_record_line(arcname, data))
        for fname, text in (("METADATA", METADATA), ("WHEEL", WHEEL)):
            data = text.encode()
            z.writestr("%s/%s" % (DIST, fname), data)
            record.append(_record_line("%s/%s" % (DIST, fname), data))
        record.append("%s/RECORD,," % DIST)
        z.writestr("%s/RECORD" % DIST, "\n".join(record) + "\n")
    return name


def build_sdist(sdist_directory, config_settings=None):
    import tarfile
    name = "%s-%s" % (NAME, VERSION)
    path = os.path.join(sdist_directory, name + ".tar.gz")
    with tarfile.open(path, "w:gz") as t:
        for rel in ["pyproject.toml", "qtoracle_build.py"] + [a for a, _ in _files()]:
            t.add(os.path.join(HERE, rel), arcname="%s/%s" % (name, rel))
        info = tarfile.TarInfo("%s/PKG-INFO" % name)
        data = METADATA.encode()
        info.size = len(data)
        import io
        t.addfile(info, io.BytesIO(data))
    return name + ".tar.gz"
