"""Output files are written only to regular files or new paths, atomically, through symlinks,
keeping the mode; ``export -o`` and ``view -o`` refuse a FIFO, a device, a folder or the store."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.exceptions import OutputError
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.output import write_output
from tests.helpers import sample_graph

_register()


@pytest.fixture
def store_path(tmp_path) -> Path:
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write([sample_graph()])
    return path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# Each command that writes a file on request, with the arguments that make it write to -o.
WRITERS = {
    "export": ["export", "--format", "graphml"],
    "view": ["view"],
}


@pytest.mark.parametrize("command", WRITERS)
def test_a_fifo_is_refused_and_left_alone(command, tmp_path, store_path):
    fifo = tmp_path / "null"
    os.mkfifo(fifo)
    before = store_path.read_bytes()
    result = invoke(*WRITERS[command], "--store", str(store_path), "-o", str(fifo))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {fifo}: is a FIFO (named pipe), not a regular file; polgraph writes only to regular files or new paths\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert store_path.read_bytes() == before


@pytest.mark.parametrize("command", WRITERS)
def test_a_symlink_to_a_fifo_is_refused(command, tmp_path, store_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.graphml"
    link.symlink_to(fifo)
    result = invoke(*WRITERS[command], "--store", str(store_path), "-o", str(link))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {link}: is a FIFO (named pipe), not a regular file")
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_refused(tmp_path, store_path):
    device = tmp_path / "null-device"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device, but in tmp_path
    result = invoke("export", "--store", str(store_path), "-o", str(device))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {device}: is a character device, not a regular file")
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("command", WRITERS)
def test_a_folder_is_refused(command, tmp_path, store_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = invoke(*WRITERS[command], "--store", str(store_path), "-o", str(folder))
    assert result.exit_code == 1
    assert result.output == f"Error: {folder}: is a directory, not a regular file; polgraph writes only to regular files or new paths\n"
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize("via", ["itself", "symlink", "hard link"])
def test_the_store_being_read_is_never_overwritten(command, via, tmp_path, store_path):
    before = store_path.read_bytes()
    target = store_path
    if via == "symlink":
        target = tmp_path / "alias.json"
        target.symlink_to(store_path)
    elif via == "hard link":
        target = tmp_path / "hardlink.json"
        os.link(store_path, target)
    result = invoke(*WRITERS[command], "--store", str(store_path), "-o", str(target))
    assert result.exit_code == 1
    assert result.output == f"Error: {target}: is the store being read ({store_path}); write to another file\n"
    assert store_path.read_bytes() == before
    assert invoke("actors", "--store", str(store_path)).exit_code == 0


def test_a_symlinked_output_is_written_through_to_its_target(tmp_path, store_path):
    real = tmp_path / "real.graphml"
    real.write_text("old")
    link = tmp_path / "link.graphml"
    link.symlink_to(real)
    result = invoke("export", "--format", "graphml", "--store", str(store_path), "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("<?xml")


def test_an_existing_file_keeps_its_mode(tmp_path, store_path):
    out = tmp_path / "shared.gexf"
    out.write_text("old")
    out.chmod(0o644)
    assert invoke("export", "--format", "gexf", "--store", str(store_path), "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o600)
    assert invoke("export", "--format", "gexf", "--store", str(store_path), "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        written = write_output(tmp_path / "new" / "page.html", lambda fh: fh.write(b"x"))
    finally:
        os.umask(old)
    assert written == tmp_path / "new" / "page.html"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    out = tmp_path / "export.json"
    out.write_text("old")

    def half_then_fail(fh):
        fh.write(b"half")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_output(out, half_then_fail)
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_a_folder_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OutputError, match=r"file/out.json: cannot write there \(Not a directory\)"):
        write_output(blocker / "out.json", lambda fh: fh.write(b"x"))


def test_a_full_disk_is_a_one_line_error_and_the_old_file_stays(tmp_path):
    out = tmp_path / "export.gexf"
    out.write_text("old")

    def disk_full(fh):
        fh.write(b"<gexf")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OutputError) as caught:
        write_output(out, disk_full)
    assert str(caught.value) == f"{out}: cannot write there (No space left on device)"
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.gexf"]
