namespace Skillprint.Core.Tests.Content;

/// <summary>
/// The detectable skills added beyond python-skills.md's contract (beginner classes and control flow,
/// the iterator protocol, data structures, Python 3.12 to 3.14, pytest 9, PEP 751, networking): files
/// that show each one, with the lines its hits land on, and files that look alike but do not.
/// </summary>
public static class AddedSkillCases
{
    /// <summary>The added skills that carry detection rules; each needs a positive and a negative case.</summary>
    public static readonly string[] DetectableSkills =
    [
        "fundamentals.control-flow", "fundamentals.classes", "fundamentals.init", "fundamentals.inheritance",
        "fundamentals.iterator-protocol", "fundamentals.data-structures", "fundamentals.t-strings",
        "typing.override", "typing.deprecated", "typing.deferred-annotations", "typing.typevar-defaults",
        "testing.native-toml-config", "packaging.pylock", "web.sockets", "web.http-client-hygiene",
        "concurrency.free-threading",
    ];

    /// <summary>The added skills that code cannot show: practice and self-assessment only.</summary>
    public static readonly string[] SelfAssessedSkills =
    [
        "fundamentals.pep8", "fundamentals.algorithms", "errors.except-unparenthesized",
        "packaging.inline-script-metadata", "web.networking", "web.http-protocol",
    ];

    /// <summary>(skill, path, content, the lines its hits land on, in order).</summary>
    public static TheoryData<string, string, string, int[]> Positives => new()
    {
        { "fundamentals.control-flow", "app.py", L("for x in xs:", "    if x:", "        break", "while True:", "    pass"), [1, 2, 4] },
        { "fundamentals.control-flow", "app.py", L("def f(x):", "    if x > 0:", "        return 1", "    elif x < 0:", "        return -1", "    return 0"), [2, 4] },
        { "fundamentals.classes", "app.py", L("class Account:", "    pass", "", "class Saving(Account):", "    rate = 2"), [1, 4] },
        { "fundamentals.init", "app.py", L("class Account:", "    def __init__(self, owner):", "        self.owner = owner"), [2] },
        { "fundamentals.inheritance", "app.py", L("class Saving(Account):", "    def __init__(self, owner):", "        super().__init__(owner)"), [3] },
        { "fundamentals.iterator-protocol", "app.py", L("class Countdown:", "    def __iter__(self):", "        return self", "    def __next__(self):", "        raise StopIteration"), [4] },
        { "fundamentals.iterator-protocol", "app.py", L("it = iter(rows)", "header = next(it)"), [1, 2] },
        { "fundamentals.data-structures", "app.py", L("import heapq", "heapq.heappush(queue, (1, 'a'))"), [2] },
        { "fundamentals.data-structures", "app.py", L("from bisect import bisect_left", "i = bisect_left(xs, 3)"), [2] },
        { "fundamentals.t-strings", "app.py", L("name = 'x'", "page = t'<p>{name}</p>'"), [2] },
        { "fundamentals.t-strings", "app.py", L("from string.templatelib import Template"), [1] },
        { "typing.override", "app.py", L("from typing import override", "class B(A):", "    @override", "    def run(self): ..."), [3] },
        { "typing.override", "app.py", L("import typing_extensions", "class B(A):", "    @typing_extensions.override", "    def run(self): ..."), [3] },
        { "typing.deprecated", "app.py", L("from warnings import deprecated", "@deprecated('use g')", "def f(): ..."), [2] },
        { "typing.deprecated", "app.py", L("from typing_extensions import deprecated", "@deprecated('old')", "class Old: ..."), [2] },
        { "typing.deferred-annotations", "app.py", L("import annotationlib", "hints = annotationlib.get_annotations(f)"), [1] },
        { "typing.typevar-defaults", "app.py", L("from typing import TypeVar", "T = TypeVar('T', default=int)"), [2] },
        { "typing.typevar-defaults", "app.py", L("from typing_extensions import ParamSpec", "P = ParamSpec(", "    'P', default=[int])"), [2] },
        { "testing.native-toml-config", "pytest.toml", L("[pytest]", "addopts = ['-ra']"), [1] },
        { "testing.native-toml-config", "pyproject.toml", L("[project]", "name = 'x'", "", "[tool.pytest]", "addopts = ['-ra']", "testpaths = ['tests']"), [5, 6] },
        { "packaging.pylock", "pylock.toml", L("lock-version = '1.0'"), [1] },
        { "packaging.pylock", "deploy/pylock.prod.toml", L("lock-version = '1.0'"), [1] },
        { "web.sockets", "app.py", L("import socket", "conn = socket.create_connection(('example.org', 80), timeout=5)"), [2] },
        { "web.http-client-hygiene", "app.py", L("import requests", "r = requests.get(url, timeout=10)"), [2] },
        { "web.http-client-hygiene", "app.py", L("import httpx", "client = httpx.Client(", "    timeout=httpx.Timeout(5.0))"), [2] },
        { "web.http-client-hygiene", "app.py", L("from tenacity import retry"), [1] },
        { "concurrency.free-threading", "app.py", L("import sys", "if not sys._is_gil_enabled():", "    pass"), [2] },
    };

    /// <summary>(skill, path, content): files where the skill must not be found.</summary>
    public static TheoryData<string, string, string> Negatives => new()
    {
        { "fundamentals.control-flow", "app.py", L("x = a if b else c", "xs = [y for y in z if y]") },
        { "fundamentals.classes", "app.py", L("def make_class():", "    return type('C', (), {})") },
        { "fundamentals.init", "app.py", L("class C:", "    def __new__(cls):", "        return super().__new__(cls)", "    def setup(self): ...") },
        { "fundamentals.inheritance", "app.py", L("class Saving(Account):", "    def rate(self):", "        return Account.rate(self)") },
        { "fundamentals.iterator-protocol", "app.py", L("class Bag:", "    def __iter__(self):", "        return iter_items(self)", "nxt = next_page(cursor)") },
        { "fundamentals.data-structures", "app.py", L("import heapq") },
        { "fundamentals.t-strings", "app.py", L("page = f'<p>{name}</p>'", "from string import Template", "s = Template('$x')") },
        { "typing.override", "app.py", L("class B(A):", "    @overload", "    def run(self): ...") },
        { "typing.deprecated", "app.py", L("import warnings", "def f():", "    warnings.warn('old', DeprecationWarning)") },
        { "typing.deferred-annotations", "app.py", L("from __future__ import annotations", "import inspect", "hints = inspect.get_annotations(f)") },
        { "typing.typevar-defaults", "app.py", L("from typing import TypeVar", "T = TypeVar('T', bound=int)", "d = dict(default=1)") },
        { "testing.native-toml-config", "pyproject.toml", L("[tool.pytest.ini_options]", "addopts = '-ra'", "testpaths = ['tests']") },
        { "testing.native-toml-config", "pytest.ini", L("[pytest]", "addopts = -ra") },
        { "testing.native-toml-config", "setup.cfg", L("[tool:pytest]", "addopts = -ra") },
        { "packaging.pylock", "uv.lock", L("version = 1") },
        { "packaging.pylock", "pylock.toml.bak", L("lock-version = '1.0'") },
        { "web.sockets", "app.py", L("import socket", "host = socket.gethostname()") },
        { "web.http-client-hygiene", "app.py", L("import requests", "r = requests.get(url)", "t = timeout(10)") },
        { "concurrency.free-threading", "app.py", L("import sys", "v = sys.version_info") },
    };

    private static string L(params string[] lines) => string.Join('\n', lines) + "\n";
}
