using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Skillprint.Core.Detection.Toml;

namespace Skillprint.Core.Tests.Detection;

public sealed class TomlReaderTests
{
    private static readonly string FixtureFolder = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Fixtures", "toml");

    public static TheoryData<string> Fixtures => new(Directory.GetFiles(FixtureFolder, "*.toml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_real_files_as_CPythons_tomllib_does(string name)
    {
        var path = Path.Combine(FixtureFolder, name);
        var document = TomlReader.Read(File.ReadAllText(path));
        document.Errors.ShouldBeEmpty();
        var expected = TomllibAnswers.Value.GetProperty(path);
        Compare(expected, document.Root, name);
    }

    [Fact]
    public void Reports_the_line_of_every_header_and_key()
    {
        var text = "# c\ntop = 1\n\n[project]\nname = 'x'\nscripts = { a = 'a:main', b.c = 'b' }\n[[tool.mypy.overrides]]\nmodule = [\n  'a',\n]\nstrict = true\n";
        var definitions = TomlReader.Read(text).Definitions.Select(d => $"{d.Line} {d.Kind} {d.DottedPath}");
        definitions.ShouldBe(
        [
            "2 Key top",
            "4 Table project",
            "5 Key project.name",
            "6 Key project.scripts",
            "6 Key project.scripts.a",
            "6 Key project.scripts.b.c",
            "7 ArrayTable tool.mypy.overrides",
            "8 Key tool.mypy.overrides.module",
            "11 Key tool.mypy.overrides.strict",
        ]);
    }

    [Fact]
    public void Lines_count_inside_multi_line_strings_and_arrays()
    {
        var text = "a = \"\"\"\none\ntwo\"\"\"\nb = '''\nx\n'''\nc = [\n1,\n2]\n[t]\n";
        TomlReader.Read(text).Definitions.Select(d => d.Line).ShouldBe([1, 4, 7, 10]);
    }

    [Theory]
    [InlineData("a = \n", 1, "expected a value")]
    [InlineData("x = 1\na = \"open\n", 2, "unterminated string")]
    [InlineData("[table\n", 1, "expected ']'")]
    [InlineData("[[arr]\n", 1, "expected ']'")]
    [InlineData("a = 1 2\n", 1, "after a value")]
    [InlineData("a = [1, 2\n", 2, "unterminated array")]
    [InlineData("a = { b = 1\n", 2, "unterminated inline table")]
    [InlineData("a = \"\\q\"\n", 1, "invalid escape")]
    [InlineData("a = yes\n", 1, "not a TOML value")]
    [InlineData("a = 1\na = 2\n", 2, "defined twice")]
    [InlineData("a = 1\n[a]\n", 2, "already defined")]
    [InlineData("= 1\n", 1, "key")]
    [InlineData("a = 1__0\n", 1, "not a TOML value")]
    [InlineData("a = 0x\n", 1, "not a TOML value")]
    [InlineData("a = 0xFFFFFFFFFFFFFFFFFF\n", 1, "not a TOML value")]
    [InlineData("a = \"\"\"open\n", 2, "unterminated multi-line string")]
    public void Reports_problems_with_line_and_message(string text, int line, string message)
    {
        var error = TomlReader.Read(text).Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(line);
        error.Message.ShouldContain(message);
        error.Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Goes_on_after_a_problem()
    {
        var document = TomlReader.Read("[tool.a]\nbad = \nok = 1\n[tool.b]\n");
        document.Errors.Count.ShouldBe(1);
        document.Definitions.Select(d => d.DottedPath).ShouldBe(["tool.a", "tool.a.bad", "tool.a.ok", "tool.b"]);
        document.Root.Find("tool", "a", "ok").ShouldBe(1L);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var document = TomlReader.Read("a = " + new string('[', 100_000) + "\n");
        document.Errors.ShouldNotBeEmpty();
        document.Errors[0].Message.ShouldContain("nested");
    }

    [Fact]
    public void Values_have_their_types()
    {
        var root = TomlReader.Read("s = 'x'\ni = 0x10\nf = 1.5\nb = false\nd = 2024-01-02\na = [1, 'two']\nt = { k = 1 }\n").Root;
        root["s"].ShouldBe("x");
        root["i"].ShouldBe(16L);
        root["f"].ShouldBe(1.5);
        root["b"].ShouldBe(false);
        root["d"].ShouldBe(new TomlDateTime("2024-01-02"));
        root["a"].ShouldBeOfType<List<object>>().ShouldBe([1L, "two"]);
        root["t"].ShouldBeOfType<TomlTable>()["k"].ShouldBe(1L);
        root.Keys.ShouldBe(["s", "i", "f", "b", "d", "a", "t"]);
    }

    private static void Compare(JsonElement expected, object actual, string at)
    {
        if (actual is TomlTable table)
        {
            expected.ValueKind.ShouldBe(JsonValueKind.Object, at);
            var keys = expected.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();
            table.Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(keys, at);
            foreach (var key in keys)
            {
                Compare(expected.GetProperty(key), table[key], at + "." + key);
            }

            return;
        }

        if (actual is List<object> list)
        {
            expected.ValueKind.ShouldBe(JsonValueKind.Array, at);
            expected.GetArrayLength().ShouldBe(list.Count, at);
            var index = 0;
            foreach (var item in expected.EnumerateArray())
            {
                Compare(item, list[index], $"{at}[{index}]");
                index++;
            }

            return;
        }

        var tag = expected.EnumerateObject().ShouldHaveSingleItem(at);
        switch (tag.Name)
        {
            case "s":
                actual.ShouldBe(tag.Value.GetString(), at);
                break;
            case "b":
                actual.ShouldBe(tag.Value.GetBoolean(), at);
                break;
            case "i":
                actual.ShouldBe(long.Parse(tag.Value.GetString()!, CultureInfo.InvariantCulture), at);
                break;
            case "f":
                var text = tag.Value.GetString()!;
                var number = text switch
                {
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" => double.NaN,
                    _ => double.Parse(text, CultureInfo.InvariantCulture),
                };
                actual.ShouldBeOfType<double>(at).Equals(number).ShouldBeTrue($"{at}: {actual} is not {text}");
                break;
            case "d":
                actual.ShouldBeOfType<TomlDateTime>(at);
                break;
            default:
                throw new InvalidOperationException($"unknown tag {tag.Name} at {at}");
        }
    }

    /// <summary>What CPython's tomllib reads from every fixture, each value tagged with its type.</summary>
    private static readonly Lazy<JsonElement> TomllibAnswers = new(() =>
    {
        const string script = """
            import datetime, json, math, sys, tomllib
            def tag(v):
                if isinstance(v, bool): return {"b": v}
                if isinstance(v, int): return {"i": str(v)}
                if isinstance(v, float): return {"f": "nan" if math.isnan(v) else repr(v)}
                if isinstance(v, str): return {"s": v}
                if isinstance(v, (datetime.datetime, datetime.date, datetime.time)): return {"d": True}
                if isinstance(v, list): return [tag(x) for x in v]
                return {k: tag(x) for k, x in v.items()}
            answers = {}
            for path in sys.argv[1:]:
                with open(path, "rb") as f:
                    answers[path] = tag(tomllib.load(f))
            print(json.dumps(answers))
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var file in Directory.GetFiles(FixtureFolder, "*.toml"))
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 (3.11 or later, for tomllib) is needed to compare the TOML reader with CPython");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, "python3 with tomllib (3.11 or later) failed: " + errors);
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    });

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
