using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Skillprint.Core.Detection.Toml;

namespace Skillprint.Bench;

/// <summary>
/// Skillprint's TOML reader (Tomlyn's syntax tree and our walk of it, issue 8) beside Tomlyn's own
/// entry points and CPython's tomllib (tools/bench_tomllib.py, under python3 and, when present,
/// Python 3.13), all in one run:
/// 1. correctness on the toml-test suite's case files (a copy under
///    tests/Skillprint.Core.Tests/Detection/Fixtures/toml-test), for its TOML 1.0 and 1.1 lists:
///    every valid case read without error and to the expected values (tomllib: accepted), every
///    invalid case refused;
/// 2. lines: on a generated corpus of pyproject.toml files whose generator notes the line of every
///    header and key, how many files the reader gives exactly those lines for;
/// 3. speed: MB/s over that corpus, median of N passes, each reader on the same strings.
/// The figures that chose Tomlyn over the hand-written reader were measured with this mode at
/// commit fa386b0, when both readers were in the tree (docs/performance.md, "TOML").
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- toml [--files N] [--runs N] [--suite DIR] [--list]</c>
/// </summary>
internal static class TomlBenchmark
{
    private sealed record Reader(string Name, Func<string, TomlDocument?> Read, Func<string, bool> Accepts);

    /// <summary>What tomllib did: per toml-test list (valid accepted, valid, invalid refused, invalid), and a pass's median seconds.</summary>
    private sealed record Peer(string Name, Dictionary<string, int[]> Lists, double Seconds);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var files = 2000;
        var runs = 5;
        var list = false;
        var suite = FindSuite();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    files = n;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--suite" when i + 1 < args.Length:
                    suite = args[++i];
                    break;
                case "--list":
                    list = true;
                    break;
                default:
                    errors.WriteLine($"toml: unknown or incomplete option '{args[i]}' (options: --files N, --runs N, --suite DIR, --list)");
                    return 2;
            }
        }

        if (suite is null || !File.Exists(Path.Combine(suite, "files-toml-1.0.0")))
        {
            errors.WriteLine($"toml: the toml-test copy was not found (files-toml-1.0.0 in {suite ?? "tests/Skillprint.Core.Tests/Detection/Fixtures/toml-test above " + AppContext.BaseDirectory})");
            return 1;
        }

        Reader[] readers =
        [
            new("Skillprint TomlReader (Tomlyn tree + walk)", text => TomlReader.Read(text), text => TomlReader.Read(text).Success),
            new("Tomlyn 2.10.2 syntax tree alone, validated", _ => null, TomlynSyntaxAccepts),
            new("Tomlyn 2.10.2 own model (TomlSerializer)", _ => null, TomlynModelAccepts),
        ];

        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        output.WriteLine($"suite: {suite}");
        var corpus = PyprojectCorpus.Generate(files, seed: 8);
        var peers = new List<Peer>();
        var work = Directory.CreateTempSubdirectory("skillprint-bench-toml-").FullName;
        try
        {
            for (var i = 0; i < corpus.Count; i++)
            {
                File.WriteAllText(Path.Combine(work, $"{i:D5}.toml"), corpus[i].Text);
            }

            foreach (var pyenvVersion in new[] { null, "3.13.0" })
            {
                if (RunTomllib(suite, work, runs, pyenvVersion, errors) is { } peer)
                {
                    peers.Add(peer);
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        foreach (var version in new[] { "1.0.0", "1.1.0" })
        {
            Conformance(suite, version, readers, peers, list, output);
        }

        Lines(corpus, readers, output);
        Speed(corpus, readers, peers, runs, output);
        return 0;
    }

    private static Peer? RunTomllib(string suite, string corpus, int runs, string? pyenvVersion, TextWriter errors)
    {
        using var json = PythonScript.Run("bench_tomllib.py", ["--suite", suite, "--corpus", corpus, "--runs", runs.ToString(CultureInfo.InvariantCulture)], pyenvVersion, errors);
        if (json is null)
        {
            return null;
        }

        var root = json.RootElement;
        var lists = root.GetProperty("lists").EnumerateObject().ToDictionary(
            list => list.Name,
            list => new[] { "valid_accepted", "valid", "invalid_refused", "invalid" }.Select(key => list.Value.GetProperty(key).GetInt32()).ToArray(),
            StringComparer.Ordinal);
        return new Peer($"CPython {root.GetProperty("version").GetString()} tomllib.loads", lists, root.GetProperty("median").GetDouble());
    }

    private static bool TomlynSyntaxAccepts(string text)
    {
        try
        {
            return !Tomlyn.Parsing.SyntaxParser.Parse(text, TomlynOptions, sourceName: null, validate: true).HasErrors;
        }
        catch (Tomlyn.TomlException)
        {
            return false;
        }
    }

    private static readonly Tomlyn.TomlSerializerOptions TomlynOptions = new() { MaxDepth = TomlReader.MaxDepth };

    private static bool TomlynModelAccepts(string text)
    {
        try
        {
            return Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(text, TomlynOptions) is not null;
        }
        catch (Tomlyn.TomlException)
        {
            return false;
        }
    }

    // --- 1. toml-test ------------------------------------------------------------------------------

    private static void Conformance(string suite, string version, Reader[] readers, List<Peer> peers, bool list, TextWriter output)
    {
        var names = File.ReadAllLines(Path.Combine(suite, "files-toml-" + version)).Where(n => n.EndsWith(".toml", StringComparison.Ordinal)).ToList();
        var valid = names.Where(n => n.StartsWith("valid/", StringComparison.Ordinal)).ToList();
        var invalid = names.Where(n => n.StartsWith("invalid/", StringComparison.Ordinal)).ToList();
        var notText = invalid.Where(n => Decode(Path.Combine(suite, n)) is null).ToList();
        invalid = invalid.Except(notText).ToList();
        output.WriteLine();
        output.WriteLine($"toml-test, TOML {version} list: {valid.Count} valid cases, {invalid.Count} invalid ones ({notText.Count} more are not UTF-8, refused before any reader sees text)");
        output.WriteLine($"{"reader",-44} {"valid read alike",18} {"invalid refused",17}");
        foreach (var reader in readers)
        {
            var misread = new List<string>();
            foreach (var name in valid)
            {
                var text = Decode(Path.Combine(suite, name))!;
                var problem = ValidCaseProblem(reader, text, Path.Combine(suite, Path.ChangeExtension(name, ".json")));
                if (problem is not null)
                {
                    misread.Add($"{name}: {problem}");
                }
            }

            var accepted = invalid.Where(name => reader.Accepts(Decode(Path.Combine(suite, name))!)).ToList();
            output.WriteLine($"{reader.Name,-44} {Fraction(valid.Count - misread.Count, valid.Count),18} {Fraction(invalid.Count - accepted.Count, invalid.Count),17}");
            if (list)
            {
                foreach (var line in misread.Concat(accepted.Select(name => name + ": accepted")))
                {
                    output.WriteLine("    " + line);
                }
            }
        }

        foreach (var peer in peers)
        {
            var counts = peer.Lists[version];
            output.WriteLine($"{peer.Name + " (valid: accepted)",-44} {Fraction(counts[0], counts[1]),18} {Fraction(counts[2], counts[3]),17}");
        }
    }

    private static string Fraction(int part, int whole) => $"{part}/{whole} {100.0 * part / whole,5:F1}%";

    private static string? Decode(string path)
    {
        try
        {
            return StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Null when the reader reads the case as toml-test expects, else what went wrong.</summary>
    private static string? ValidCaseProblem(Reader reader, string text, string expectedPath)
    {
        var document = reader.Read(text);
        if (document is null)
        {
            return reader.Accepts(text) ? null : "refused";
        }

        if (!document.Success)
        {
            return "refused: " + document.Errors[0];
        }

        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        return Difference(expected.RootElement, document.Root, "$");
    }

    private static string? Difference(JsonElement expected, object actual, string at)
    {
        if (IsTagged(expected))
        {
            var type = expected.GetProperty("type").GetString()!;
            var value = expected.GetProperty("value").GetString()!;
            var same = (type, actual) switch
            {
                ("string", string text) => string.Equals(text, value, StringComparison.Ordinal),
                ("integer", long integer) => integer == long.Parse(value, CultureInfo.InvariantCulture),
                ("float", double number) => number.Equals(ParseFloat(value)),
                ("bool", bool boolean) => boolean == (value == "true"),
                (_, TomlDateTime dateTime) => string.Equals(CanonicalDateTime(dateTime.Text), CanonicalDateTime(value), StringComparison.Ordinal)
                    && CanonicalDateTime(value).StartsWith(type + " ", StringComparison.Ordinal),
                _ => false,
            };
            return same ? null : $"{at}: expected {type} {value}, got {Describe(actual)}";
        }

        switch (expected.ValueKind, actual)
        {
            case (JsonValueKind.Object, TomlTable table):
                var keys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!keys.SequenceEqual(table.Keys.Order(StringComparer.Ordinal)))
                {
                    return $"{at}: keys [{string.Join(", ", table.Keys)}], expected [{string.Join(", ", keys)}]";
                }

                return keys.Select(key => Difference(expected.GetProperty(key), table[key], at + "." + key)).FirstOrDefault(d => d is not null);
            case (JsonValueKind.Array, List<object> items):
                if (expected.GetArrayLength() != items.Count)
                {
                    return $"{at}: {items.Count} items, expected {expected.GetArrayLength()}";
                }

                return expected.EnumerateArray().Select((item, index) => Difference(item, items[index], $"{at}[{index}]")).FirstOrDefault(d => d is not null);
            default:
                return $"{at}: expected {expected.ValueKind}, got {Describe(actual)}";
        }
    }

    private static string Describe(object value) => value switch
    {
        TomlDateTime dateTime => "datetime " + dateTime.Text,
        string text => "string " + text,
        _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsTagged(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().Count() == 2
        && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static double ParseFloat(string text) => text switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "+nan" or "-nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static readonly Regex DateTimeParts = new(
        @"^(?<date>\d{4}-\d{2}-\d{2})?(?:[Tt ]?(?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d+))?)?)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "KIND VALUE" of a date or time as toml-test names kinds, in one spelling: a 'T' between date
    /// and time, seconds written out, trailing zeros of a fraction dropped, 'Z' for a zero offset.
    /// </summary>
    private static string CanonicalDateTime(string text)
    {
        var match = DateTimeParts.Match(text);
        if (!match.Success)
        {
            return "unreadable " + text;
        }

        var date = match.Groups["date"];
        var hour = match.Groups["h"];
        var offset = match.Groups["offset"].Value.ToUpperInvariant() is "+00:00" or "-00:00" ? "Z" : match.Groups["offset"].Value.ToUpperInvariant();
        var kind = (date.Success, hour.Success, offset.Length > 0) switch
        {
            (true, true, true) => "datetime",
            (true, true, false) => "datetime-local",
            (true, false, _) => "date-local",
            _ => "time-local",
        };
        var builder = new StringBuilder(kind).Append(' ');
        if (date.Success)
        {
            builder.Append(date.Value);
        }

        if (hour.Success)
        {
            var seconds = match.Groups["s"].Success ? match.Groups["s"].Value : "00";
            builder.Append(date.Success ? "T" : string.Empty).Append(hour.Value).Append(':').Append(match.Groups["m"].Value).Append(':').Append(seconds);
            var fraction = match.Groups["f"].Value.TrimEnd('0');
            if (fraction.Length > 0)
            {
                builder.Append('.').Append(fraction);
            }
        }

        return builder.Append(offset).ToString();
    }

    // --- 2. lines ----------------------------------------------------------------------------------

    private static void Lines(List<GeneratedToml> corpus, Reader[] readers, TextWriter output)
    {
        var definitions = corpus.Sum(file => file.Definitions.Count);
        output.WriteLine();
        output.WriteLine($"lines: {corpus.Count} generated pyproject.toml files, {definitions:N0} headers and keys, each written on a known line");
        output.WriteLine($"{"reader",-44} {"files with every line right",28} {"definitions right",20}");
        foreach (var reader in readers)
        {
            if (reader.Read(corpus[0].Text) is null)
            {
                output.WriteLine($"{reader.Name,-44} {"(gives no lines)",28}");
                continue;
            }

            var filesRight = 0;
            var right = 0;
            foreach (var file in corpus)
            {
                var got = reader.Read(file.Text)!.Definitions.Select(d => $"{d.Line} {d.Kind} {d.DottedPath}").ToList();
                filesRight += got.SequenceEqual(file.Definitions) ? 1 : 0;
                right += got.Intersect(file.Definitions).Count();
            }

            output.WriteLine($"{reader.Name,-44} {Fraction(filesRight, corpus.Count),28} {Fraction(right, definitions),20}");
        }
    }

    // --- 3. speed ----------------------------------------------------------------------------------

    private static void Speed(List<GeneratedToml> corpus, Reader[] readers, List<Peer> peers, int runs, TextWriter output)
    {
        var texts = corpus.Select(file => file.Text).ToArray();
        var bytes = texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text));
        output.WriteLine();
        output.WriteLine($"speed: the same {texts.Length} files, {bytes / 1e6:F2} MB, read from strings in memory on one thread; median of {runs} passes after 2 to warm up, the readers taking turns pass by pass (so a change of load falls on all of them)");
        output.WriteLine($"{"reader",-44} {"MB/s",8} {"ms/pass",9} {"bytes allocated/byte",21} {"vs ours",8}");
        var reads = readers.Select(reader => reader.Read(texts[0]) is null ? reader.Accepts : text => reader.Read(text)!.Success).ToArray();
        var times = readers.Select(_ => new List<double>()).ToArray();
        var allocated = new long[readers.Length];
        for (var run = -2; run < runs; run++)
        {
            for (var i = 0; i < readers.Length; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var seconds = Pass(texts, reads[i]);
                if (run >= 0)
                {
                    times[i].Add(seconds);
                    allocated[i] += GC.GetTotalAllocatedBytes(precise: true) - before;
                }
            }
        }

        double? baseline = null;
        for (var i = 0; i < readers.Length; i++)
        {
            times[i].Sort();
            var speed = bytes / 1e6 / times[i][times[i].Count / 2];
            baseline ??= speed;
            var perByte = allocated[i] / (double)runs / bytes;
            output.WriteLine($"{readers[i].Name,-44} {speed,8:F1} {times[i][times[i].Count / 2] * 1000,9:F1} {perByte,21:F1} {speed / baseline.Value,7:F2}x");
        }

        foreach (var peer in peers)
        {
            var speed = bytes / 1e6 / peer.Seconds;
            output.WriteLine($"{peer.Name,-44} {speed,8:F1} {peer.Seconds * 1000,9:F1} {"",21} {speed / baseline!.Value,7:F2}x");
        }

        output.WriteLine("(tomllib timed in its own process over the same files, written out and read back first)");
    }

    private static double Pass(string[] texts, Func<string, bool> read)
    {
        var clock = Stopwatch.StartNew();
        var failed = 0;
        foreach (var text in texts)
        {
            failed += read(text) ? 0 : 1;
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} generated files were refused: the corpus or a reader is wrong");
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The toml-test copy, found in a folder above the benchmark's binaries.</summary>
    private static string? FindSuite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Skillprint.Core.Tests", "Detection", "Fixtures", "toml-test");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
