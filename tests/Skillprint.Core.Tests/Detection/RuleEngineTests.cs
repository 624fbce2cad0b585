using System.Text;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Detection;

/// <summary>The rule kinds and qualifiers of docs/framework-format.md, each on a framework of its own.</summary>
public sealed class RuleEngineTests
{
    [Fact]
    public void A_calls_rule_with_keywords_loads_and_needs_one_of_them()
    {
        var rules = Compile("""
            - calls: json.dumps
              keywords: [indent, sort_keys]
            """);
        var source = "import json\njson.dumps(x)\njson.dumps(x, indent=2)\njson.dumps(x, sort_keys=True)\njson.loads(s, indent=2)\n";
        Lines(rules, "app.py", source).ShouldBe([3, 4]);
    }

    [Fact]
    public void Keywords_alone_is_a_kind_with_an_optional_of()
    {
        Lines(Compile("- keywords: timeout"), "app.py", "f(timeout=3)\nf(3)\n").ShouldBe([1]);
        Lines(Compile("- keywords: timeout\n  of: requests.*"), "app.py", "import requests\nrequests.get(u, timeout=3)\nf(timeout=3)\n").ShouldBe([2]);
    }

    [Fact]
    public void Decorates_except_leaves_out_the_names_it_lists()
    {
        var rules = Compile("""
            - decorates: pytest.mark.*
              except: [pytest.mark.parametrize, pytest.mark.usefixtures]
            """);
        var source = "import pytest\n@pytest.mark.parametrize('a', [1])\n@pytest.mark.usefixtures('db')\n@pytest.mark.slow\ndef test_a(a):\n    pass\n";
        Lines(rules, "test_a.py", source).ShouldBe([4]);
    }

    [Fact]
    public void Except_is_allowed_only_on_decorates()
    {
        var result = Load("- uses: json\n  except: json.dumps");
        result.Framework.ShouldBeNull();
        result.Errors.ShouldContain(error => error.Message.Contains("except", StringComparison.Ordinal));
    }

    [Fact]
    public void Name_patterns_match_the_name_itself_or_with_a_star_only_names_below_it()
    {
        Lines(Compile("- calls: os.path"), "app.py", "import os\nos.path()\nos.path.join(a)\n").ShouldBe([2]);
        Lines(Compile("- calls: os.path.*"), "app.py", "import os\nos.path()\nos.path.join(a)\n").ShouldBe([3]);
        Lines(Compile("- uses: os.path"), "app.py", "import os\nos.path\nos.path.join(a)\nos.sep\n").ShouldBe([2, 3]);
    }

    [Fact]
    public void Attribute_rules_need_no_import_unless_they_have_of()
    {
        Lines(Compile("- attribute-calls: commit"), "app.py", "session.commit()\ncommit()\n").ShouldBe([1]);
        Lines(Compile("- attribute-calls: commit\n  of: sqlite3.*"), "app.py", "import sqlite3\nsqlite3.Connection.commit(c)\nsession.commit()\n").ShouldBe([2]);
        Lines(Compile("- decorates-attribute: route"), "app.py", "@app.route('/')\ndef index():\n    pass\n@bp.route\ndef other():\n    pass\n").ShouldBe([1, 4]);
    }

    [Fact]
    public void Defines_finds_functions_and_methods_on_their_def_line()
    {
        var source = "class C:\n    @classmethod\n    def __get_validators__(cls):\n        pass\nasync def __get_validators__():\n    pass\n";
        Lines(Compile("- defines: __get_validators__"), "app.py", source).ShouldBe([3, 5]);
    }

    [Fact]
    public void Node_rules_name_ast_classes_including_lower_case_ones()
    {
        Lines(Compile("- node: [Assert, comprehension]"), "app.py", "assert x\nys = [a\n      for a in b]\n").ShouldBe([1, 2]);
        Lines(Compile("- node: Attribute"), "app.py", "a.b.c\nd\n").ShouldBe([1]);
    }

    [Fact]
    public void In_files_limits_the_python_files_a_rule_looks_at()
    {
        var rules = Compile("""
            - imports: pytest
              in-files: ["tests/**"]
            """);
        Lines(rules, "tests/unit/test_a.py", "import pytest\n").ShouldBe([1]);
        Lines(rules, "app/main.py", "import pytest\n").ShouldBeEmpty();
    }

    [Fact]
    public void String_rules_read_string_constants_of_the_files_their_in_names()
    {
        var rules = Compile("""
            - string: console_scripts
              in: [setup.py]
            """);
        Lines(rules, "setup.py", "setup(entry_points={\n    'console_scripts': []})\nx = f'console_scripts'\n").ShouldBe([2]);
        Lines(rules, "pkg/setup.py", "x = 'console_scripts'\n").ShouldBe([1], "a bare file name matches in any folder");
        Lines(rules, "app.py", "x = 'console_scripts'\n").ShouldBeEmpty();
    }

    [Fact]
    public void Config_rules_land_on_the_table_header_or_the_key_line()
    {
        var rules = Compile("""
            - config: [tool.ruff, project.scripts, tool.hatch.build]
            """);
        var toml = "[project]\nname = 'x'\n\n[project.scripts]\nx = 'x:main'\n\n[tool.ruff]\nline-length = 100\n[tool.ruff.lint]\nselect = ['E']\n[tool.hatch.build.targets.wheel]\npackages = ['src/x']\n";
        Lines(rules, "pyproject.toml", toml).ShouldBe([4, 7, 11]);
        // Every pyproject.toml of the tree counts: a monorepo's backend/pyproject.toml was missed (issue 9).
        Lines(rules, "backend/pyproject.toml", toml).ShouldBe([4, 7, 11]);
        Lines(rules, "pyproject.toml", "[tool]\nruff.line-length = 100\n").ShouldBe([2]);
    }

    [Fact]
    public void Config_rules_read_setup_cfg_sections_and_keys()
    {
        var rules = Compile("""
            - config: options.entry_points.console_scripts
              in: [setup.cfg]
            """);
        var cfg = "[metadata]\nname = x\n\n[options.entry_points]\n# the commands\ngui_scripts =\n    g = x:gui\nconsole_scripts =\n    x = x:main\n";
        Lines(rules, "setup.cfg", cfg).ShouldBe([8]);
    }

    [Fact]
    public void A_broken_config_file_reports_where_and_still_gives_what_it_read()
    {
        var rules = Compile("- config: [tool.mypy, tool.ruff]");
        var detection = Detector.Detect(rules, "pyproject.toml", "[tool.mypy]\nstrict = true\nbroken = \n[tool.ruff]\n");
        detection.Hits.Select(hit => hit.Line).ShouldBe([1, 4]);
        var problem = detection.Diagnostics.ShouldHaveSingleItem();
        problem.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("[tool.mypy]\nversion = 1979-02-30\n", 2, 10)]
    [InlineData("[tool.mypy]\n\"\u00e9\u00e9\" = yes\n", 2, 9)]
    public void A_config_problem_has_a_diagnostic_column_like_a_python_one(string text, int line, int column)
    {
        // Diagnostic columns are 0-based UTF-8 byte offsets (CPython's offset - 1); the scan adds 1
        // when it prints file:line:column, so the TOML reader's 1-based character column must be
        // turned into that, or every TOML problem is shown one column (or more) too far right.
        var detection = Detector.Detect(Compile("- config: tool.mypy"), "pyproject.toml", text);
        var problem = detection.Diagnostics.ShouldHaveSingleItem();
        problem.Line.ShouldBe(line);
        problem.Column.ShouldBe(column);
    }

    [Fact]
    public void Files_rules_match_globs_with_a_folder_from_the_root_and_bare_names_anywhere()
    {
        var rules = Compile("""
            - files: [Dockerfile, "**/conftest.py", "docs/*.md", "**/*.ipynb", ".github/workflows/*.yml"]
            """);
        foreach (var path in new[] { "Dockerfile", "sub/Dockerfile", "conftest.py", "a/b/conftest.py", "docs/index.md", "x.ipynb", "n/b/x.ipynb", ".github/workflows/ci.yml" })
        {
            rules.DetectFile(path).Select(hit => hit.Line).ShouldBe([1], path);
        }

        foreach (var path in new[] { "Dockerfile.dev", "conftest.pyc", "docs/a/index.md", "x.ipynb.bak", ".github/ci.yml" })
        {
            rules.DetectFile(path).ShouldBeEmpty(path);
        }
    }

    [Fact]
    public void One_hit_per_skill_and_line()
    {
        var rules = Compile("- uses: [asyncio.Queue, asyncio.Lock]");
        var detection = Detector.Detect(rules, "app.py", "import asyncio\nq, l = asyncio.Queue(), asyncio.Lock()\nasyncio.Queue()\n");
        detection.Hits.Select(hit => (hit.SkillId, hit.Line)).ShouldBe([("t.s", 2), ("t.s", 3)]);
    }

    [Fact]
    public void Hits_carry_the_path_lines_and_a_trimmed_snippet()
    {
        var rules = Compile("- calls: asyncio.gather");
        var longArguments = string.Join(", ", Enumerable.Range(0, 60).Select(i => $"a{i}()"));
        var source = $"import asyncio\r\nasync def main():\r\n    await asyncio.gather(\r\n        a(),\r\n        b())\r\n    await asyncio.gather({longArguments})\r\n";
        var hits = Detector.Detect(rules, "pkg\\main.py", source).Hits;
        hits.Count.ShouldBe(2);
        hits[0].ShouldBe(new Hit("t.s", "pkg/main.py", 3, 5, "await asyncio.gather("));
        hits[1].Snippet.Length.ShouldBe(120);
        hits[1].Snippet.ShouldStartWith("await asyncio.gather(a0(), a1()");
        hits[1].Snippet.ShouldEndWith("…");
    }

    [Fact]
    public void A_file_with_syntax_errors_gives_what_its_valid_parts_show()
    {
        var rules = Compile("- uses: asyncio.Queue");
        var detection = Detector.Detect(rules, "app.py", "import asyncio\nq = asyncio.Queue()\ndef broken(:\n    pass\nr = asyncio.Queue()\n");
        detection.Diagnostics.ShouldNotBeEmpty();
        detection.Hits.Select(hit => hit.Line).ShouldContain(2);
    }

    [Fact]
    public void Bad_bytes_never_throw()
    {
        var rules = BuiltIn.Rules;
        byte[][] inputs =
        [
            [0xFF, 0xFE, 0x00, 0x00, 0x41],
            Encoding.UTF8.GetBytes("import asyncio\n\0\0\0 asyncio.Queue"),
            [0xC3, 0x28, 0x0A, 0x69, 0x6D],
            Encoding.UTF8.GetBytes(new string('(', 5000)),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[a", 5000))),
        ];
        foreach (var input in inputs)
        {
            Should.NotThrow(() => Detector.Detect(rules, "app.py", input));
            Should.NotThrow(() => Detector.Detect(rules, "pyproject.toml", input));
            Should.NotThrow(() => Detector.Detect(rules, "setup.cfg", input));
            Should.NotThrow(() => Detector.Detect(rules, "requirements.txt", input));
        }
    }

    [Fact]
    public void A_file_matched_by_name_has_its_first_line_as_snippet()
    {
        var hit = Detector.Detect(BuiltIn.Rules, "requirements.txt", "httpx>=0.27\npydantic\n").Hits.ShouldHaveSingleItem();
        hit.ShouldBe(new Hit("packaging.manifest", "requirements.txt", 1, 1, "httpx>=0.27"));
        Detector.Detect(BuiltIn.Rules, "uv.lock", [0x00, 0x01]).Hits.ShouldHaveSingleItem().Snippet.ShouldBe(string.Empty);
    }

    [Fact]
    public void Hits_are_ordered_by_line_then_skill()
    {
        var source = "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    await asyncio.gather(a(), q.get())\n";
        var hits = Detector.Detect(BuiltIn.Rules, "app.py", source).Hits;
        hits.Select(hit => hit.Line).ShouldBeInOrder();
        hits.Where(hit => hit.Line == 4).Select(hit => hit.SkillId).ShouldBe(["async.await", "async.gather"]);
        hits.Where(hit => hit.Line == 2).Select(hit => hit.SkillId).ShouldBe(["async.async-def"]);
    }

    [Fact]
    public void Compiled_rules_are_shared_safely_between_threads()
    {
        var source = "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    await asyncio.gather(a(), q.get())\n";
        var expected = Detector.Detect(BuiltIn.Rules, "app.py", source).Hits;
        var results = new Hit[64][];
        Parallel.For(0, results.Length, i => results[i] = [.. Detector.Detect(BuiltIn.Rules, "app.py", source).Hits]);
        results.ShouldAllBe(hits => hits.SequenceEqual(expected));
    }

    [Fact]
    public void The_parts_of_detection_can_be_called_one_by_one()
    {
        var rules = BuiltIn.Rules;
        var parsed = Skillprint.Python.PythonParser.Parse("import asyncio\nq = asyncio.Queue()\n");
        rules.DetectPython("app.py", parsed.Module, null).ShouldHaveSingleItem().ShouldBe(new Hit("async.queue", "app.py", 2, 2, string.Empty));
        rules.IsConfigFile("pyproject.toml").ShouldBeTrue();
        rules.IsConfigFile("setup.cfg").ShouldBeTrue();
        rules.IsConfigFile("app.py").ShouldBeFalse();
        rules.IsConfigFile("sub/pyproject.toml").ShouldBeTrue();
        rules.IsConfigFile("sub/pyproject.toml.orig").ShouldBeFalse();
        rules.DetectConfig("pyproject.toml", "[tool.mypy]\n").Select(hit => hit.SkillId).ShouldContain("typing.mypy-config");
        rules.DetectFile("tests/conftest.py").Select(hit => hit.SkillId).ShouldBe(["testing.conftest"]);
        Detector.IsPythonFile("stubs/x.pyi").ShouldBeTrue();
        Detector.IsPythonFile("x.pyc").ShouldBeFalse();
    }

    /// <summary>A framework with one topic 't' and one skill 't.s' detected by the given rules (YAML list items).</summary>
    private static CompiledRules Compile(string rulesYaml)
    {
        var result = Load(rulesYaml);
        result.Errors.ShouldBeEmpty(string.Join('\n', result.Errors));
        return CompiledRules.Compile(result.Framework!);
    }

    private static FrameworkLoadResult Load(string rulesYaml)
    {
        var indented = string.Join('\n', rulesYaml.Split('\n').Select(line => "      " + line));
        var files = new Dictionary<string, string>
        {
            ["framework.yaml"] = "id: test\nname: Test\nbreadcrumb: Tests\nlevels:\n  - name: Beginner\n  - name: Intermediate\n  - name: Advanced\n  - name: Expert\nrelevance:\n  - name: High\n    weight: 1\ntracks:\n  - id: backend\n    name: Backend\n",
            ["topics/t.md"] = $"---\nid: t\nname: T\nrelevance: High\ntracks: [backend]\nskills:\n  - id: t.s\n    name: s\n    level: Beginner\n    detect:\n{indented}\n---\n",
        };
        return FrameworkLoader.Load(new MemoryFrameworkSource("test", files));
    }

    private static int[] Lines(CompiledRules rules, string path, string source) =>
        Detector.Detect(rules, path, source).Hits.Where(hit => hit.SkillId == "t.s").Select(hit => hit.Line).ToArray();
}
