"""Nothing leaves the machine: every command runs with the network switched off (pytest-socket)."""

from __future__ import annotations

import pathlib

import pytest
from pytest_socket import SocketBlockedError, disable_socket, enable_socket

SEEDS = str(pathlib.Path(__file__).resolve().parents[1] / "seeds")


@pytest.fixture()
def offline():
    disable_socket(allow_unix_socket=False)
    try:
        import socket

        with pytest.warns(UserWarning), pytest.raises(SocketBlockedError):
            socket.socket()  # the switch works
        yield
    finally:
        enable_socket()


@pytest.mark.parametrize("args", [
    ["resolve", "Mayadin", "Dair Alzour", "Konashenkov"],
    ["classify", SEEDS],
    ["classify", SEEDS, "--compare"],
    ["lines"],
    ["lines", "show", "euphrates", "--sides"],
    ["map", SEEDS, "-o", "{tmp}/seeds.html"],
    ["publish", SEEDS, "-o", "{tmp}/site"],
])
def test_commands_run_offline(offline, runner, cli, tmp_path, args):
    res = runner.invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert res.exit_code == 0, res.output
    assert not isinstance(res.exception, SocketBlockedError)
