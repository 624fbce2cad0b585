using System.Diagnostics;
using System.Text;
using Skillprint.Python.Tests.Conformance;
using Xunit.Abstractions;

namespace Skillprint.Python.Tests.Fuzz;

/// <summary>
/// Broken input never breaks the parser: seeded mutations of standard-library files (each parsed
/// and walked within 10 seconds), and inputs nested far deeper than any stack (parsed within 30),
/// must each return a result (no exception, no hang), without overflowing the stack (which would end the test process: the case being run
/// is always in the file named by <see cref="CurrentCaseFile"/>, to replay it).
/// A failing mutation case is named by its seed and file; replay it with SKILLPRINT_FUZZ_SEED=seed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int BaseSeed = 20_250_301;
    private const int MaxCases = 4000;
    private const int MinCases = 500;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(10);

    private static string CurrentCaseFile => Path.Combine(Path.GetTempPath(), "skillprint-fuzz-current-case.txt");

    [Fact]
    public void MutatedStandardLibraryFilesNeverBreakTheParser()
    {
        var corpus = Corpus();
        var only = Environment.GetEnvironmentVariable("SKILLPRINT_FUZZ_SEED");
        var seeds = only is null
            ? Enumerable.Range(BaseSeed, MaxCases)
            : [int.Parse(only, System.Globalization.CultureInfo.InvariantCulture)];
        var clock = Stopwatch.StartNew();
        var ran = 0;
        var rejected = 0;
        var failures = new List<string>();
        foreach (var seed in seeds)
        {
            if (clock.Elapsed > Budget && ran >= MinCases)
            {
                break;
            }

            var (path, source) = corpus[new Random(seed).Next(corpus.Count)];
            var (bytes, mutation) = Mutator.Mutate(source, seed);
            var description = $"seed {seed}, file {path}, mutation: {mutation}";
            File.WriteAllText(CurrentCaseFile, description + "\n");
            var (outcome, result, error) = GuardedParser.Parse(bytes, PerCaseLimit, walk: true);
            ran++;
            switch (outcome)
            {
                case GuardedOutcome.Threw:
                    failures.Add($"{description}\n  threw {error}");
                    break;
                case GuardedOutcome.Hung:
                    failures.Add($"{description}\n  did not return within {PerCaseLimit.TotalSeconds} s");
                    break;
                default:
                    rejected += result!.Success ? 0 : 1;
                    break;
            }

            if (failures.Count >= 10)
            {
                break;
            }
        }

        output.WriteLine($"{ran} mutated files parsed in {clock.Elapsed.TotalSeconds:F1} s ({rejected} with diagnostics), {failures.Count} failures.");
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} of {ran} cases failed (replay one with SKILLPRINT_FUZZ_SEED=<seed>):\n" + string.Join("\n", failures));
        }

        ran.ShouldBeGreaterThanOrEqualTo(only is null ? MinCases : 1);
        if (only is null)
        {
            // Most mutations break the file; if almost none did, the mutator would not be testing anything.
            rejected.ShouldBeGreaterThan(ran / 4);
        }
    }

    public static TheoryData<string> DeepInputs() =>
    [
        "parentheses", "brackets", "braces", "not", "unary minus", "await", "lambda", "additions",
        "powers", "attributes", "calls", "subscripts", "conditional expressions", "nested f-strings",
        "indentation", "star", "comparisons", "walrus", "dict values", "decorators",
    ];

    [Theory]
    [MemberData(nameof(DeepInputs))]
    public void DeeplyNestedInputReturnsWithoutOverflowingTheStack(string kind)
    {
        var source = DeepSource(kind);
        File.WriteAllText(CurrentCaseFile, $"deep input: {kind} ({source.Length} characters)\n");

        // A generous limit: these inputs are up to 1 MB, and the whole test run shares two cores.
        var limit = TimeSpan.FromSeconds(30);
        var (outcome, result, error) = GuardedParser.Parse(Encoding.UTF8.GetBytes(source), limit, walk: false);

        outcome.ShouldBe(GuardedOutcome.Returned, $"{kind}: {(outcome == GuardedOutcome.Hung ? $"no result within {limit.TotalSeconds} s" : error)}");
        result.ShouldNotBeNull();
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostic.Line.ShouldBeGreaterThanOrEqualTo(1);
            diagnostic.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }

    private static string DeepSource(string kind)
    {
        const int n = 100_000;
        return kind switch
        {
            "parentheses" => new string('(', n),
            "brackets" => new string('[', n) + new string(']', n),
            "braces" => new string('{', n),
            "not" => Repeat("not ", n) + "x\n",
            "unary minus" => new string('-', n) + "x\n",
            "await" => "async def f():\n    return " + Repeat("await ", n) + "x\n",
            "lambda" => Repeat("lambda: ", n) + "0\n",
            "additions" => Repeat("a+", 500_000) + "a\n", // about 1 MB
            "powers" => Repeat("a**", n) + "a\n",
            "attributes" => "x" + Repeat(".y", n) + "\n",
            "calls" => "f" + Repeat("()", n) + "\n",
            "subscripts" => "x" + Repeat("[0]", n) + "\n",
            "conditional expressions" => Repeat("a if b else ", n) + "c\n",
            "nested f-strings" => Repeat("f'{", 200) + "x" + Repeat("}'", 200) + "\n" + Repeat("f\"{", 5000) + "\n",
            "indentation" => DeepIndentation(2000),
            "star" => "x = " + Repeat("*", n) + "a\n",
            "comparisons" => "a" + Repeat(" < a", n) + "\n",
            "walrus" => Repeat("(a := ", 10_000) + "1" + new string(')', 10_000) + "\n",
            "dict values" => Repeat("{1: ", n) + "2" + new string('}', n) + "\n",
            "decorators" => Repeat("@d\n", n) + "def f(): pass\n",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string DeepIndentation(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append(' ', i).Append("if x:\n");
        }

        text.Append(' ', levels).Append("pass\n");
        return text.ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    // Every 25th file of the 3.11 standard library (site-packages left out), up to 60 kB each: about
    // 60 files of every kind, small enough that thousands of parses fit the time budget.
    private static List<(string Path, byte[] Bytes)> Corpus()
    {
        var folder = RepositoryPaths.StandardLibrary("3.11.7");
        if (!Directory.Exists(folder))
        {
            folder = RepositoryPaths.StandardLibrary("3.13.0");
        }

        Directory.Exists(folder).ShouldBeTrue($"the fuzz test mutates standard-library files and found none at {folder}");
        var files = Directory.EnumerateFiles(folder, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/site-packages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Where((_, i) => i % 25 == 0)
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f)))
            .Where(f => f.Bytes.Length is > 0 and <= 60_000)
            .ToList();
        files.Count.ShouldBeGreaterThan(20);
        return files;
    }
}
