#!/usr/bin/env python3
"""Whole-process figures for BENCHMARKS.md.

Usage: scripts/process_figures.py BINARY CORPUS_DIR [--runs N] [--data-dir DIR]
                                  [--peer PEER_BINARY PEER_DIR]

- `prepdeck check DIR`: wall time (spawn to exit), CPU time and peak RSS from the
  child's rusage (median of runs).
- Time to first frame: the browser on DIR in a pseudo-terminal (120x40) with
  PREPDECK_BENCH_EXIT_AFTER_FIRST_FRAME=1, from spawn to exit (median of runs): the
  first frame, which for a deck that takes more than 40 ms to read shows its progress;
  and with PREPDECK_BENCH_EXIT_AFTER_FIRST_FRAME=screen, the first frame of the browser
  itself, once the whole deck is read. With --data-dir, also with a copy of that
  progress folder (from `examples/seed_progress.rs`).
- Idle CPU: utime+stime from /proc/PID/stat over 10 seconds, for the browser left alone
  and for `prepdeck mock` with its timer running.
- With --peer: `PEER_BINARY check PEER_DIR` (hashcards reads a folder of `Q:`/`A:`
  files this way) and `prepdeck check PEER_DIR`, taking turns run by run, so both meet
  the same moments of a shared machine; medians of wall time and peak RSS, and the ratio.

Each program gets a private HOME, config and data folder. Standard library only.
"""

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def private_env(home):
    env = dict(os.environ)
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=os.path.join(home, "config"),
        XDG_DATA_HOME=os.path.join(home, "data"),
        PREPDECK_DATA_DIR=os.path.join(home, "prepdeck-data"),
        TERM="xterm-256color",
    )
    env.pop("PREPDECK_BENCH_EXIT_AFTER_FIRST_FRAME", None)
    return env


def check_figures(binary, corpus, runs, env):
    """`prepdeck check`: wall time to the microsecond (perf_counter around spawn and
    wait4), and CPU and peak RSS from the child's rusage."""
    walls, rss, cpu = [], [], []
    with open(os.devnull, "wb") as devnull:
        for _ in range(runs):
            start = time.perf_counter()
            pid = os.posix_spawn(
                binary, [binary, "check", corpus], env,
                file_actions=[(os.POSIX_SPAWN_DUP2, devnull.fileno(), 1)],
            )
            _, status, usage = os.wait4(pid, 0)
            walls.append((time.perf_counter() - start) * 1000)
            if status != 0:
                sys.exit(f"check exited with {status}")
            cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
            rss.append(usage.ru_maxrss)
    return statistics.median(walls), min(walls), statistics.median(rss) / 1024, statistics.median(cpu)


def peer_figures(binary, peer, corpus, runs, env):
    """`check` of prepdeck and of a peer on the same folder, alternating: for each,
    (median wall ms, min wall ms, median peak RSS MiB)."""
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(check_figures(binary, corpus, 1, env))
        theirs.append(check_figures(peer, corpus, 1, env))

    def summary(runs):
        return (
            statistics.median(r[0] for r in runs),
            min(r[1] for r in runs),
            statistics.median(r[2] for r in runs),
        )

    return summary(ours), summary(theirs)


def spawn_pty(argv, env, cols=120, rows=40):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def drain(fd, seconds):
    """Reads whatever the program writes for `seconds` (answering nothing)."""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


def first_frame(binary, corpus, runs, env, until="1"):
    env = dict(env, PREPDECK_BENCH_EXIT_AFTER_FIRST_FRAME=until)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pid, fd = spawn_pty([binary, corpus], env)
        while True:
            r, _, _ = select.select([fd], [], [], 5)
            if not r:
                sys.exit("no output within 5 s")
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        _, status = os.waitpid(pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        os.close(fd)
        if status != 0:
            sys.exit(f"first frame run exited with {status}")
    return statistics.median(times), min(times)


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15; fields[0] here is field 3 (state).
    return (int(fields[11]) + int(fields[12])) * 1000 / CLK_TCK


def sched_ms(pid):
    """CPU time of every thread in ns precision (/proc/PID/task/*/schedstat)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as f:
            total += int(f.read().split()[0])
    return total / 1e6


def idle_cpu(argv, env, settle=2.0, window=10.0):
    """(utime+stime ms, schedstat ms) used over `window` seconds after `settle`."""
    pid, fd = spawn_pty(argv, env)
    drain(fd, settle)
    before, before_ns = cpu_ms(pid), sched_ms(pid)
    drain(fd, window)
    used = (cpu_ms(pid) - before, sched_ms(pid) - before_ns)
    os.kill(pid, signal.SIGTERM)
    drain(fd, 0.5)
    os.waitpid(pid, 0)
    os.close(fd)
    return used


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, corpus = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 11
    home = tempfile.mkdtemp(prefix="prepdeck-figures-")
    try:
        env = private_env(home)
        wall, wall_min, rss, cpu = check_figures(binary, corpus, runs, env)
        print(
            f"check: wall median {wall:.1f} ms (min {wall_min:.1f} ms), "
            f"CPU (user+sys) median {cpu:.0f} ms, peak RSS {rss:.1f} MiB"
        )
        ff, ff_min = first_frame(binary, corpus, runs, env)
        print(f"first frame: median {ff:.1f} ms (min {ff_min:.1f} ms)")
        ff, ff_min = first_frame(binary, corpus, runs, env, "screen")
        print(f"first frame of the browser: median {ff:.1f} ms (min {ff_min:.1f} ms)")
        if "--data-dir" in sys.argv:
            seeded = sys.argv[sys.argv.index("--data-dir") + 1]
            data = os.path.join(home, "seeded-data")
            shutil.copytree(seeded, data)
            seeded_env = dict(env, PREPDECK_DATA_DIR=data)
            ff, ff_min = first_frame(binary, corpus, runs, seeded_env)
            print(f"first frame with saved progress: median {ff:.1f} ms (min {ff_min:.1f} ms)")
            ff, ff_min = first_frame(binary, corpus, runs, seeded_env, "screen")
            print(
                f"first frame of the browser with saved progress: "
                f"median {ff:.1f} ms (min {ff_min:.1f} ms)"
            )
        if "--peer" in sys.argv:
            at = sys.argv.index("--peer")
            peer, peer_dir = os.path.abspath(sys.argv[at + 1]), os.path.abspath(sys.argv[at + 2])
            ours, theirs = peer_figures(binary, peer, peer_dir, runs, env)
            print(
                f"check beside {os.path.basename(peer)} on {peer_dir}: "
                f"prepdeck {ours[0]:.1f} ms (min {ours[1]:.1f}), {ours[2]:.1f} MiB; "
                f"peer {theirs[0]:.1f} ms (min {theirs[1]:.1f}), {theirs[2]:.1f} MiB; "
                f"wall {ours[0] / theirs[0]:.2f}x, peak {ours[2] / theirs[2]:.2f}x"
            )
        idle = idle_cpu([binary, corpus], env)
        print(f"idle browser: {idle[0]:.0f} ms utime+stime ({idle[1]:.2f} ms schedstat) over 10 s")
        mock = idle_cpu(
            [binary, "mock", corpus, "--questions", "3", "--per-question", "5m", "--seed", "1"],
            env,
        )
        print(f"mock timer: {mock[0]:.0f} ms utime+stime ({mock[1]:.2f} ms schedstat) over 10 s")
        print(f"(CPU time resolution: {1000 / CLK_TCK:.0f} ms)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
