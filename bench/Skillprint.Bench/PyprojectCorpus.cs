using System.Globalization;
using System.Text;

namespace Skillprint.Bench;

/// <summary>
/// One generated file: its text and, for every table header and key it holds, the line it was
/// written on, as <c>"LINE Kind dotted.path"</c> in file order (keys inside inline tables that are
/// values of keys count; keys inside arrays do not, as the readers define it).
/// </summary>
internal sealed record GeneratedToml(string Text, IReadOnlyList<string> Definitions);

/// <summary>
/// pyproject.toml files in the shapes real projects write them (setuptools, hatch and poetry
/// metadata, ruff, mypy, pytest, coverage, black), varied by a seeded random choice of sections,
/// lengths, comments, quoting and layout, so the same seed always gives the same corpus.
/// </summary>
internal static class PyprojectCorpus
{
    private static readonly string[] Packages =
    [
        "requests", "httpx", "pydantic", "sqlalchemy", "fastapi", "click", "rich", "attrs", "numpy",
        "pandas", "pyyaml", "jinja2", "uvicorn", "anyio", "typer", "orjson", "structlog", "tenacity",
    ];

    private static readonly string[] Classifiers =
    [
        "Development Status :: 4 - Beta", "Intended Audience :: Developers", "License :: OSI Approved :: MIT License",
        "Operating System :: OS Independent", "Programming Language :: Python :: 3", "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12", "Programming Language :: Python :: 3.13", "Typing :: Typed",
    ];

    public static List<GeneratedToml> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var files = new List<GeneratedToml>(count);
        for (var i = 0; i < count; i++)
        {
            files.Add(One(random, "pkg" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return files;
    }

    private static GeneratedToml One(Random random, string name)
    {
        var w = new Writer();
        if (random.Next(3) == 0)
        {
            w.Comment("# Generated for the TOML benchmark");
        }

        w.Table("build-system");
        w.Key("build-system.requires", "requires = [\"setuptools>=61\", \"wheel\"]");
        w.Key("build-system.build-backend", "build-backend = \"setuptools.build_meta\"");
        w.Blank();

        w.Table("project");
        w.Key("project.name", $"name = \"{name}\"");
        w.Key("project.version", $"version = \"{random.Next(5)}.{random.Next(20)}.{random.Next(10)}\"");
        w.Key("project.description", "description = \"A package that does one thing well\"  # short");
        w.Key("project.requires-python", "requires-python = '>=3.10'");
        w.Key("project.license", "license = { text = \"MIT\" }", "project.license.text");
        w.Key("project.authors", "authors = [");
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            w.Raw($"  {{ name = \"Author {i}\", email = \"author{i}@example.org\" }},");
        }

        w.Raw("]");
        w.Key("project.classifiers", "classifiers = [");
        foreach (var classifier in Classifiers.Where(_ => random.Next(2) == 0))
        {
            w.Raw($"    \"{classifier}\",");
        }

        w.Raw("]");
        w.Key("project.dependencies", "dependencies = [");
        for (var i = 0; i < random.Next(12); i++)
        {
            w.Raw($"  \"{Packages[random.Next(Packages.Length)]}>={random.Next(1, 9)}.{random.Next(30)}\",");
            if (random.Next(6) == 0)
            {
                w.Raw("  # pinned below the next major");
            }
        }

        w.Raw("]");
        w.Blank();

        if (random.Next(2) == 0)
        {
            w.Table("project.optional-dependencies");
            w.Key("project.optional-dependencies.test", "test = [\"pytest>=8\", \"pytest-cov\", 'hypothesis']");
            w.Key("project.optional-dependencies.docs", "docs = [\"sphinx>=7\", \"furo\"]");
            w.Blank();
        }

        w.Table("project.scripts");
        w.Key($"project.scripts.{name}", $"{name} = \"{name}.cli:main\"");
        w.Table("project.urls");
        w.Key("project.urls.Homepage", $"Homepage = \"https://example.org/{name}\"");
        w.Key("project.urls.Bug Tracker", $"\"Bug Tracker\" = \"https://example.org/{name}/issues\"");
        w.Blank();

        if (random.Next(2) == 0)
        {
            w.Table("tool.setuptools.packages.find");
            w.Key("tool.setuptools.packages.find.where", "where = [\"src\"]");
            w.Blank();
        }

        w.Table("tool.ruff");
        w.Key("tool.ruff.line-length", $"line-length = {88 + random.Next(40)}");
        w.Key("tool.ruff.target-version", "target-version = \"py311\"");
        w.Key("tool.ruff.lint.select", "lint.select = [\"E\", \"F\", \"I\", \"UP\", \"B\"]");
        w.Table("tool.ruff.lint.per-file-ignores");
        w.Key("tool.ruff.lint.per-file-ignores.tests/*", "\"tests/*\" = [\"S101\"]");
        w.Blank();

        if (random.Next(3) > 0)
        {
            w.Table("tool.mypy");
            w.Key("tool.mypy.strict", "strict = true");
            w.Key("tool.mypy.python_version", "python_version = \"3.11\"");
            for (var i = 0; i < random.Next(4); i++)
            {
                w.Blank();
                w.ArrayTable("tool.mypy.overrides");
                w.Key("tool.mypy.overrides.module", $"module = [\"{Packages[random.Next(Packages.Length)]}.*\"]");
                w.Key("tool.mypy.overrides.ignore_missing_imports", "ignore_missing_imports = true");
            }

            w.Blank();
        }

        w.Table("tool.pytest.ini_options");
        w.Key("tool.pytest.ini_options.minversion", "minversion = \"8.0\"");
        w.Key("tool.pytest.ini_options.addopts", "addopts = \"-ra -q --strict-markers\"");
        w.Key("tool.pytest.ini_options.testpaths", "testpaths = [\"tests\"]");
        w.Key("tool.pytest.ini_options.markers", "markers = [");
        w.Raw("  \"slow: marks tests as slow (deselect with '-m \\\"not slow\\\"')\",");
        w.Raw("]");
        w.Blank();

        if (random.Next(2) == 0)
        {
            w.Table("tool.coverage.run");
            w.Key("tool.coverage.run.branch", "branch = true");
            w.Key("tool.coverage.run.source", $"source = [\"{name}\"]");
            w.Table("tool.coverage.report");
            w.Key("tool.coverage.report.fail_under", $"fail_under = {80 + random.Next(20)}.5");
            w.Key("tool.coverage.report.exclude_lines", "exclude_lines = [\"pragma: no cover\", \"if TYPE_CHECKING:\"]");
            w.Blank();
        }

        if (random.Next(3) == 0)
        {
            w.Table("tool.black");
            w.Key("tool.black.include", "include = '\\.pyi?$'");
            w.Key("tool.black.extend-exclude", "extend-exclude = '''");
            w.Raw("/(");
            w.Raw("  \\.eggs");
            w.Raw("  | build");
            w.Raw(")/");
            w.Raw("'''");
            w.Blank();
        }

        if (random.Next(3) == 0)
        {
            w.Table("tool.poetry.dependencies");
            w.Key("tool.poetry.dependencies.python", "python = \"^3.10\"");
            w.Key("tool.poetry.dependencies.httpx", "httpx = { version = \"^0.27\", extras = [\"http2\"] }", "tool.poetry.dependencies.httpx.version", "tool.poetry.dependencies.httpx.extras");
            w.Blank();
        }

        if (random.Next(2) == 0)
        {
            w.Table("dependency-groups");
            w.Key("dependency-groups.dev", "dev = [\"ruff>=0.5\", { include-group = \"test\" }]");
        }

        return new GeneratedToml(w.Text, w.Definitions);
    }

    /// <summary>Writes lines and notes where each header and key is.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _definitions = [];
        private int _line = 1;

        public string Text => _text.ToString();

        public IReadOnlyList<string> Definitions => _definitions;

        public void Table(string path)
        {
            _definitions.Add($"{_line} Table {path}");
            Raw($"[{path}]");
        }

        public void ArrayTable(string path)
        {
            _definitions.Add($"{_line} ArrayTable {path}");
            Raw($"[[{path}]]");
        }

        /// <summary>A key line; <paramref name="inner"/> are the keys of an inline table written on it.</summary>
        public void Key(string path, string line, params string[] inner)
        {
            _definitions.Add($"{_line} Key {path}");
            foreach (var key in inner)
            {
                _definitions.Add($"{_line} Key {key}");
            }

            Raw(line);
        }

        public void Comment(string line) => Raw(line);

        public void Blank() => Raw(string.Empty);

        public void Raw(string line)
        {
            _text.Append(line).Append('\n');
            _line++;
        }
    }
}
