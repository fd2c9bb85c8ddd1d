/// The Python program that runs inside the sandbox and tests one generated program against one problem's tests,
/// following `lcb_runner/evaluation/testing_util.py` (LiveCodeBench 28fef95e) step by step: the same reliability
/// guard, the same wrapping of stdin programs into a function, the same patched `stdin`/`open`, the same captured
/// `print` output, the same `signal.alarm` per test, the same comparisons (stripped lines, then `Decimal` tokens;
/// `==` after turning a tuple into a list for `class Solution` calls), stopping at the first failure.
///
/// It is written for Proctor (not copied); running the comparisons in the same interpreter that runs the program
/// keeps Python's own `str.strip`, `str.split` and `Decimal` semantics, which a re-implementation could only
/// approximate. It reads `tests.json` beside it and a nonce from stdin, and writes one JSON line per test to its
/// original stdout, each prefixed with the nonce, then a `done` line; a missing `done` line means the process died
/// or hit the global timeout, which the official runner scores as -1 for every test.
enum GradingDriver {
    /// The official runner's default per-test timeout in seconds (`--timeout 6`).
    static let defaultTimeout = 6

    /// The script's file name in the job folder.
    static let fileName = "lcb_driver.py"

    /// The driver's source.
    static let source = #"""
import ast, faulthandler, json, os, signal, sys, time
from decimal import Decimal
from io import StringIO
from types import ModuleType
from unittest.mock import mock_open, patch

sys.set_int_max_str_digits(50000)
NONCE = sys.stdin.readline().strip()
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "tests.json")) as f:
    SPEC = json.load(f)
with open(os.path.join(HERE, "solution.py")) as f:
    CODE = f.read()
_write, _dup, _dup2, _open = os.write, os.dup, os.dup2, os.open
REPORT = _dup(1)
_null = _open(os.devnull, os.O_WRONLY)
_dup2(_null, 1)

def report(**fields):
    _write(REPORT, (NONCE + " " + json.dumps(fields) + "\n").encode())

PRELUDE = ("from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\nfrom heapq import *\n"
    "from bisect import *\nfrom copy import *\nfrom math import *\nfrom random import *\nfrom statistics import *\n"
    "from itertools import *\nfrom functools import *\nfrom operator import *\nfrom io import *\nfrom sys import *\n"
    "from json import *\nfrom builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\nimport statistics\n"
    "import itertools\nimport functools\nimport operator\nimport io\nimport sys\nimport json\nsys.setrecursionlimit(50000)\n")

class Alarm(Exception):
    pass

def on_alarm(signum, frame):
    raise Alarm

def disable_destructive_calls():
    import builtins, shutil, subprocess
    faulthandler.disable()
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ["kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty",
                 "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown",
                 "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"]:
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ["ipdb", "joblib", "resource", "psutil", "tkinter"]:
        sys.modules[name] = None

def unwrap_main_guard(code):
    try:
        tree = ast.parse(code)
        last = tree.body[-1]
        if isinstance(last, ast.If) and ast.unparse(last.test).strip() == "__name__ == '__main__'":
            code = ast.unparse(tree.body[:-1]) + "\n" + ast.unparse(last.body)
    except Exception:
        pass
    return code

def as_function(code):
    try:
        tree = ast.parse(code)
        imports = [s for s in tree.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        rest = [s for s in tree.body if not isinstance(s, (ast.Import, ast.ImportFrom))]
        function = ast.FunctionDef(name="wrapped_function", args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[],
                                   kw_defaults=[], defaults=[]), body=rest, decorator_list=[], lineno=-1)
        return PRELUDE + "\n" + ast.unparse(imports) + "\n" + ast.unparse(function)
    except Exception:
        return code

def load(code, timeout):
    signal.alarm(timeout)
    try:
        module = ModuleType("tmp_sol", "")
        exec(code, module.__dict__)
        loaded = module.Solution() if "class Solution" in code else module
        assert loaded is not None
    finally:
        signal.alarm(0)
    return loaded

class StdinBytes:
    def __init__(self, text):
        self.data = text.encode("utf-8")
    def read(self, *args):
        return self.data
    def readline(self, *args):
        return self.data.split(b"\n")[0] + b"\n"

class Stdin:
    def __init__(self, text):
        self.text = text
        self._io = StringIO(text)
        self.buffer = StdinBytes(text)
    def read(self, *args):
        return self.text
    def readline(self, *args):
        return self._io.readline(*args)
    def readlines(self, *args):
        return self.text.split("\n")
    def __getattr__(self, name):
        return getattr(self._io, name)

def call_with_input(function, text):
    if isinstance(text, list):
        text = "\n".join(text)
    lines = iter(text.split("\n"))
    @patch("builtins.open", mock_open(read_data=text))
    @patch("sys.stdin", Stdin(text))
    @patch("sys.stdin.readline", lambda *args: next(lines))
    @patch("sys.stdin.readlines", lambda *args: text.split("\n"))
    @patch("sys.stdin.read", lambda *args: text)
    def run(f):
        try:
            return f()
        except SystemExit:
            pass
    return run(function)

def failure(e):
    return -3 if "timeoutexception" in repr(e).lower() or isinstance(e, Alarm) else -4

def describe(e):
    text = repr(e)
    return "memory" if isinstance(e, MemoryError) else text[:300]

def stripped_lines(text):
    return [line.strip() for line in text.strip().split("\n")]

def decimals(line):
    try:
        return True, [Decimal(token) for token in line.split()]
    except Exception:
        return False, []

def same_output(got, expected):
    got_lines, expected_lines = stripped_lines(got), stripped_lines(expected)
    if len(got_lines) != len(expected_lines):
        return False, "wrong answer: mismatched output length"
    for index, (a, b) in enumerate(zip(got_lines, expected_lines)):
        if a == b:
            continue
        ok_a, da = decimals(a)
        if not ok_a:
            return False, "wrong answer at line %d" % index
        ok_b, db = decimals(b)
        if not ok_b or da != db:
            return False, "wrong answer at line %d" % index
    return True, None

def grade_stdio(code, inputs, outputs, timeout):
    function = getattr(load(as_function(unwrap_main_guard(code)), timeout), "wrapped_function", None)
    if function is None:
        raise RuntimeError("no wrapped_function")
    report(event="compiled")
    for index, (given, expected) in enumerate(zip(inputs, outputs)):
        signal.alarm(timeout)
        faulthandler.enable()
        buffer = StringIO()
        saved = sys.stdout
        sys.stdout = buffer
        start = time.time()
        try:
            call_with_input(function, given)
            signal.alarm(0)
        except Exception as e:
            signal.alarm(0)
            sys.stdout = saved
            report(event="test", index=index, code=failure(e), error=describe(e), seconds=time.time() - start)
            return
        finally:
            signal.alarm(0)
            faulthandler.disable()
            sys.stdout = saved
        seconds = time.time() - start
        ok, message = same_output(buffer.getvalue(), expected)
        report(event="test", index=index, code=True if ok else -2, error=message, seconds=seconds)
        if not ok:
            return

def grade_call(code, inputs, outputs, name, timeout):
    loaded = load(PRELUDE + "\n\n" + code, timeout)
    method = getattr(loaded, name, None)
    if method is None:
        raise RuntimeError("the program defines no method %s" % name)
    arguments = [[json.loads(line) for line in given.split("\n")] for given in inputs]
    expected_values = [json.loads(expected) for expected in outputs]
    report(event="compiled")
    for index, (args, expected) in enumerate(zip(arguments, expected_values)):
        signal.alarm(timeout)
        faulthandler.enable()
        start = time.time()
        try:
            got = method(*args)
            signal.alarm(0)
            if isinstance(got, tuple):
                got = list(got)
            ok = got == expected
        except Exception as e:
            signal.alarm(0)
            report(event="test", index=index, code=failure(e), error=describe(e), seconds=time.time() - start)
            return
        finally:
            signal.alarm(0)
            faulthandler.disable()
        report(event="test", index=index, code=True if ok else -2, error=None if ok else "wrong answer", seconds=time.time() - start)
        if not ok:
            return

signal.signal(signal.SIGALRM, on_alarm)
disable_destructive_calls()
timeout = SPEC["timeout"]
signal.alarm(timeout)
try:
    if SPEC.get("fn_name") is None:
        grade_stdio(CODE, SPEC["inputs"], SPEC["outputs"], timeout)
    else:
        grade_call(CODE, SPEC["inputs"], SPEC["outputs"], SPEC["fn_name"], timeout)
except Exception as e:
    report(event="error", code=-4, error="Error during testing: " + describe(e))
finally:
    signal.alarm(0)
report(event="done")
"""#
}
