using System.Diagnostics;
using Skillprint.Core;
using Skillprint.Core.Detection;
using Skillprint.Core.Export;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The calibration of the level model on real code (docs/levels.md): scans clones of public
/// repositories, takes one maintainer's own lines (<c>--person</c>, the emails as <c>git log</c> shows
/// them), and prints for each expected topic the level the model gives beside the level the
/// maintainer's public standing sets as a floor, with the evidence's strength. The clones are not part of
/// this repository (tests cannot fetch); the command says which are missing.
/// <code>
/// dotnet run -c Release --project bench/Skillprint.Bench -- levels --clones DIR
/// dotnet run -c Release --project bench/Skillprint.Bench -- levels PATH --person EMAIL[,EMAIL] --expect TOPIC=LEVEL [--expect ...] [PATH --person ...]
/// </code>
/// </summary>
public static class LevelCalibration
{
    /// <summary>One repository, its maintainer, and the floor their public standing sets per topic.</summary>
    public sealed record Case(string Path, string Repository, IReadOnlyList<string> Person, IReadOnlyList<(string Topic, Level Expected)> Expected);

    /// <summary>The calibration set of issue 9: folder name under <c>--clones</c>, maintainer, floors.</summary>
    public static readonly IReadOnlyList<(string Folder, string Repository, string Person, (string, Level)[] Expected)> Default =
    [
        ("starlette", "encode/starlette", "tom@tomchristie.com", [("async", Level.Advanced), ("web", Level.Advanced)]),
        ("click", "pallets/click", "davidism@gmail.com", [("cli", Level.Advanced)]),
        ("sqlmodel", "fastapi/sqlmodel", "tiangolo@gmail.com", [("database", Level.Advanced), ("pydantic", Level.Advanced)]),
        ("anyio", "agronholm/anyio", "alex.gronholm@nextday.fi", [("async", Level.Advanced), ("concurrency", Level.Intermediate)]),
        ("rich", "Textualize/rich", "willmcgugan@gmail.com", [("typing", Level.Intermediate)]),
    ];

    private const string Usage =
        "usage: Skillprint.Bench levels --clones DIR [--db FILE] | levels PATH --person EMAIL[,EMAIL] --expect TOPIC=LEVEL [--expect ...] [PATH ...] [--db FILE]";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var cases = new List<Case>();
        string? db = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--clones" when value is not null:
                    foreach (var (folder, repository, person, expected) in Default)
                    {
                        cases.Add(new Case(Path.Combine(value, folder), repository, [person], expected));
                    }

                    i++;
                    break;
                case "--db" when value is not null:
                    db = value;
                    i++;
                    break;
                case "--person" when value is not null && cases.Count > 0:
                    cases[^1] = cases[^1] with { Person = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    i++;
                    break;
                case "--expect" when value is not null && cases.Count > 0 && value.Split('=') is [var topic, var level] && Levels.TryParse(level, out var floor):
                    cases[^1] = cases[^1] with { Expected = [.. cases[^1].Expected, (topic, floor)] };
                    i++;
                    break;
                case var path when !path.StartsWith("--", StringComparison.Ordinal):
                    cases.Add(new Case(path, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path))), [], []));
                    break;
                default:
                    errors.WriteLine(Usage);
                    return 2;
            }
        }

        var missing = cases.Where(c => !Directory.Exists(c.Path)).ToList();
        foreach (var gone in missing)
        {
            errors.WriteLine($"{gone.Path}: no clone of {gone.Repository} here (git clone https://github.com/{gone.Repository} {gone.Path})");
        }

        cases = [.. cases.Except(missing)];
        if (cases.Count == 0 || cases.Any(c => c.Person.Count == 0))
        {
            errors.WriteLine(Usage);
            return 2;
        }

        var framework = BuiltInFrameworks.Load("python").Framework!;
        var rules = CompiledRules.Compile(framework);
        var work = db is null ? Directory.CreateTempSubdirectory("skillprint-bench-levels-").FullName : null;
        try
        {
            using var store = SkillprintStore.Open(StoreLocation.Sqlite(db ?? Path.Combine(work!, "levels.db")));
            var scanner = new Scanner(rules, store, new GitRunner(), new ScanOptions("bench@example.org"));
            var clock = Stopwatch.StartNew();
            var report = scanner.Scan([.. cases.Select(c => c.Path)]);
            output.WriteLine($"scanned {report.Repositories.Count} repositories in {clock.Elapsed.TotalSeconds:0.0} s; model: {Need(framework)}");
            output.WriteLine();
            output.WriteLine("| repository | person | topic | expected | got | strength |");
            output.WriteLine("|---|---|---|---|---|---|");
            var below = 0;
            foreach (var c in cases)
            {
                var root = Path.GetFullPath(c.Path);
                var hits = store.ListCodeHitsAsync(new CodeHitQuery(framework.Id, [.. c.Person.Select(p => p.ToLowerInvariant())])).GetAwaiter().GetResult()
                    .Where(h => string.Equals(Path.TrimEndingDirectorySeparator(h.RepositoryRoot), Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal))
                    .Select(h => h.ToEvidence(DateTimeOffset.UnixEpoch));
                var status = PersonalStatus.Compute(framework, [], hits, TimeProvider.System, c.Person[0]);
                foreach (var (topic, expected) in c.Expected)
                {
                    var standing = status.Topics.Single(t => t.Id == topic);
                    var mark = standing.EvidencedLevel >= expected ? "" : " (below)";
                    below += standing.EvidencedLevel >= expected ? 0 : 1;
                    output.WriteLine($"| {c.Repository} | {string.Join(", ", c.Person)} | {standing.Name} | ≥ {expected} | {standing.EvidencedLevel}{mark} | {MarkdownExport.StrengthText(standing.Strength)} |");
                }
            }

            output.WriteLine();
            output.WriteLine(below == 0 ? "every maintainer at or above the expected level" : $"{below} below the expected level");
            return 0;
        }
        finally
        {
            if (work is not null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Need(Framework framework) => string.Join(
        "; ",
        LevelModel.Scale.Select(level => framework.NeedFor(level)).Select((need, i) =>
            $"{LevelModel.Scale[i]} {need.Skills} skills/{need.Places} places/{need.Files} files"))
        + $"; deep use {framework.DeepUse.Places} places in {framework.DeepUse.Files} files";
}
