using System.Text.Json;

namespace Skillprint.Cli.Tests;

/// <summary>`skillprint parse`: its output checked against CPython 3.13 itself.</summary>
public sealed class ParseCommandTests : IDisposable
{
    private const string Sample = """
        import asyncio
        from dataclasses import dataclass


        @dataclass
        class Point:
            x: int = 0
            y: float = 1.5

            def norm(self, *, p: int = 2) -> float:
                return (abs(self.x) ** p + abs(self.y) ** p) ** (1 / p)


        async def main(items: list[str]) -> None:
            async with asyncio.timeout(1):
                results = [f"{item!r:>10}" for item in items if item]
            if (n := len(results)) > 1:
                print(n, *results, sep=", ")
            match results:
                case [first, *rest]:
                    raise ValueError(first) from None
                case _:
                    pass
            lambda a, b=2: a + b
            x = b'\x00' if not items else {1: 'é', **{}}

        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_cli.WorkDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>What `ast.dump(ast.parse(source))` prints under CPython 3.13.</summary>
    private static string CPythonDump(string file)
    {
        var (code, output, error) = CliRunner.Exec(
            "python3",
            Path.GetDirectoryName(file)!,
            new Dictionary<string, string> { ["PYENV_VERSION"] = "3.13.0" },
            "-c",
            "import ast, sys; v = sys.version_info; assert (v.major, v.minor) == (3, 13), sys.version; print(ast.dump(ast.parse(open(sys.argv[1], 'rb').read())))",
            file);
        code.ShouldBe(0, $"CPython 3.13 is needed for this test (PYENV_VERSION=3.13.0 python3): {error}");
        return output.TrimEnd('\n');
    }

    [Fact]
    public void Dump_equals_what_CPython_3_13_prints()
    {
        var file = Write("sample.py", Sample);
        var expected = CPythonDump(file);

        var result = _cli.RunOk("parse", "--dump", "sample.py");

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        var json = JsonDocument.Parse(lines[0]).RootElement;
        json.GetProperty("path").GetString().ShouldBe("sample.py");
        json.GetProperty("ok").GetBoolean().ShouldBeTrue(lines[0]);
        json.GetProperty("dump").GetString().ShouldBe(expected);
    }

    [Fact]
    public void A_folder_is_every_py_file_under_it_sorted_and_a_broken_file_fails_the_run()
    {
        Write("proj/b.py", "x = 1\n");
        Write("proj/a.py", "def f():\n    return 1\n");
        Write("proj/pkg/c.py", "import os\n");
        Write("proj/notes.txt", "not python");
        Write("proj/broken.py", "x = 1\ndef f(:\n    pass\n");

        var result = _cli.Run("parse", "--dump", "proj");

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        lines.Select(line => line.GetProperty("path").GetString()).ShouldBe(
            [Path.Combine("proj", "a.py"), Path.Combine("proj", "b.py"), Path.Combine("proj", "broken.py"), Path.Combine("proj", "pkg", "c.py")]);
        lines.Select(line => line.GetProperty("ok").GetBoolean()).ShouldBe([true, true, false, true]);
        lines[1].GetProperty("dump").GetString().ShouldBe(CPythonDump(Path.Combine(_cli.WorkDir, "proj", "b.py")));
        var diagnostic = lines[2].GetProperty("diagnostics").EnumerateArray().First();
        diagnostic.GetProperty("line").GetInt32().ShouldBe(2);
        diagnostic.GetProperty("column").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        diagnostic.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        lines[2].TryGetProperty("dump", out _).ShouldBeFalse();
    }

    [Fact]
    public void Without_dump_each_file_gets_one_summary_line()
    {
        Write("ok.py", "print('hi')\n");
        Write("bad.py", "print('hi'\n");

        var good = _cli.RunOk("parse", "ok.py");
        good.Out.ShouldBe("ok.py: ok\n");

        var result = _cli.Run("parse", "ok.py", "bad.py");
        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe("ok.py: ok");
        lines[1].ShouldStartWith("bad.py:1:");
    }
}
