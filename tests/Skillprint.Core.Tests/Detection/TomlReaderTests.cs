using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Skillprint.Core.Detection.Toml;

namespace Skillprint.Core.Tests.Detection;

public sealed class TomlReaderTests
{
    private static readonly string FixtureFolder = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Fixtures", "toml");

    private static readonly string SuiteFolder = FixtureFolder + "-test";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The cases of toml-test's TOML 1.1 list (a superset of 1.0's valid ones) under a folder.</summary>
    public static TheoryData<string> SuiteCases(string folder) =>
        new(File.ReadAllLines(Path.Combine(SuiteFolder, "files-toml-1.1.0")).Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".toml", StringComparison.Ordinal)));

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

    // The messages are Tomlyn's; each case checks the place (line and column, 1-based) and a
    // fragment that names the problem, and that a mistake gives one error, not a cascade.
    [Theory]
    [InlineData("a = \n", 1, 5, "expecting a value")]
    [InlineData("x = 1\na = \"open\n", 2, 10, "newline in a string")]
    [InlineData("[table\n", 1, 7, "expecting `]`")]
    [InlineData("[[arr]\n", 1, 6, "expecting `]]`")]
    [InlineData("a = 1 2\n", 1, 7, "expecting token `newline`")]
    [InlineData("a = [1, 2\n", 2, 1, "closing `]` for an array")]
    [InlineData("a = { b = 1\n", 2, 1, "inline table")]
    [InlineData("a = \"\\q\"\n", 1, 7, "escape character [q]")]
    [InlineData("a = yes\n", 1, 5, "`yes` for a value")]
    [InlineData("a = 1\na = 2\n", 2, 1, "already defined at (1,1)")]
    [InlineData("a = 1\n[a]\n", 2, 1, "already defined at (1,1)")]
    [InlineData("= 1\n", 1, 1, "[=]")]
    [InlineData("a = 1__0\n", 1, 7, "underscore")]
    [InlineData("a = 0x\n", 1, 5, "`0x` for a value")]
    [InlineData("a = 0xFFFFFFFFFFFFFFFFFF\n", 1, 5, "hexadecimal")]
    [InlineData("a = \"\"\"open\n", 1, 12, "multi-line string")]
    public void Reports_problems_with_line_and_message(string text, int line, int column, string message)
    {
        var error = TomlReader.Read(text).Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Message.ShouldContain(message);
    }

    [Theory]
    [MemberData(nameof(SuiteCases), "valid/")]
    public void Reads_every_valid_case_of_toml_test_to_its_values(string name)
    {
        var document = TomlReader.Read(StrictUtf8.GetString(File.ReadAllBytes(Path.Combine(SuiteFolder, name))));
        document.Errors.ShouldBeEmpty(name);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(SuiteFolder, Path.ChangeExtension(name, ".json"))));
        CompareTagged(expected.RootElement, document.Root, name);
    }

    [Theory]
    [MemberData(nameof(SuiteCases), "invalid/")]
    public void Refuses_every_invalid_case_of_toml_test_at_a_place_in_the_file(string name)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(Path.Combine(SuiteFolder, name)));
        }
        catch (DecoderFallbackException)
        {
            return; // not UTF-8 on purpose: a scan never hands such bytes to the reader as text
        }

        var errors = TomlReader.Read(text).Errors;
        errors.ShouldNotBeEmpty(name);
        var lines = text.Split('\n').Length;
        errors.ShouldAllBe(error => error.Line >= 1 && error.Line <= lines && error.Column >= 1, name);
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

    /// <summary>Compares with toml-test's JSON, where every value is <c>{"type": T, "value": TEXT}</c>.</summary>
    private static void CompareTagged(JsonElement expected, object actual, string at)
    {
        var tagged = expected.ValueKind == JsonValueKind.Object && expected.EnumerateObject().Count() == 2
            && expected.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            && expected.TryGetProperty("value", out var valueElement) && valueElement.ValueKind == JsonValueKind.String;
        if (!tagged)
        {
            switch (actual)
            {
                case TomlTable table:
                    expected.ValueKind.ShouldBe(JsonValueKind.Object, at);
                    table.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal), at);
                    foreach (var key in table.Keys)
                    {
                        CompareTagged(expected.GetProperty(key), table[key], at + "." + key);
                    }

                    return;
                case List<object> list:
                    expected.ValueKind.ShouldBe(JsonValueKind.Array, at);
                    list.Count.ShouldBe(expected.GetArrayLength(), at);
                    for (var i = 0; i < list.Count; i++)
                    {
                        CompareTagged(expected[i], list[i], $"{at}[{i}]");
                    }

                    return;
                default:
                    throw new ShouldAssertException($"{at}: {actual} where toml-test has {expected}");
            }
        }

        var value = expected.GetProperty("value").GetString()!;
        switch (expected.GetProperty("type").GetString())
        {
            case "string":
                actual.ShouldBe(value, at);
                break;
            case "integer":
                actual.ShouldBe(long.Parse(value, CultureInfo.InvariantCulture), at);
                break;
            case "float":
                var number = value switch
                {
                    "inf" or "+inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" or "+nan" or "-nan" => double.NaN,
                    _ => double.Parse(value, CultureInfo.InvariantCulture),
                };
                actual.ShouldBeOfType<double>(at).Equals(number).ShouldBeTrue($"{at}: {actual} is not {value}");
                break;
            case "bool":
                actual.ShouldBe(value == "true", at);
                break;
            case var kind:
                // Dates and times are kept as written; the kind shows in what is written.
                var text = actual.ShouldBeOfType<TomlDateTime>(at).Text;
                text.Contains('-', StringComparison.Ordinal).ShouldBe(kind is "datetime" or "datetime-local" or "date-local", at);
                text.Contains(':', StringComparison.Ordinal).ShouldBe(kind is "datetime" or "datetime-local" or "time-local", at);
                break;
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
