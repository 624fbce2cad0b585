using System.Globalization;
using System.Runtime.CompilerServices;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// A temporary folder with a SQLite store and git repositories made by script, with the real
/// <c>git</c> and an isolated configuration (its own HOME, no system config), so tests decide
/// every author and date.
/// </summary>
internal sealed class ScanWorkshop : IDisposable
{
    public const string Me = "me@example.org";

    private static readonly Lazy<CompiledRules> PythonRules = new(() =>
        CompiledRules.Compile(BuiltInFrameworks.Load("python").Framework ?? throw new InvalidOperationException("the python framework does not load")));

    /// <summary>The default commit date: ten days ago, whole seconds (as git keeps it).</summary>
    public static readonly DateTimeOffset TenDaysAgo = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-10).ToUnixTimeSeconds());

    public ScanWorkshop()
    {
        Root = Directory.CreateTempSubdirectory("skillprint-scan-").FullName;
        Home = Directory.CreateDirectory(Path.Join(Root, "home")).FullName;
        File.WriteAllText(Path.Join(Home, ".gitconfig"), $"[user]\n\tname = Me\n\temail = {Me}\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n");
        Git = new GitRunner(new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Join(Home, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = Path.Join(Home, ".gitconfig"),
            ["GIT_AUTHOR_NAME"] = null,
            ["GIT_AUTHOR_EMAIL"] = null,
            ["GIT_COMMITTER_NAME"] = null,
            ["GIT_COMMITTER_EMAIL"] = null,
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
        });
        Store = SkillprintStore.Open(StoreLocation.Sqlite(Path.Join(Root, "data", "skillprint.db")));
    }

    public string Root { get; }

    public string Home { get; }

    public GitRunner Git { get; }

    public SkillprintStore Store { get; }

    public static CompiledRules Rules => PythonRules.Value;

    public static Framework Framework => Rules.Framework;

    /// <summary>The fixture sources kept beside this file.</summary>
    public static string Fixtures([CallerFilePath] string path = "") => Path.Join(Path.GetDirectoryName(path)!, "Fixtures");

    public Scanner Scanner(TimeProvider? time = null) => new(Rules, Store, Git, new ScanOptions(Me), time);

    public ScanReport Scan(params string[] paths) => Scanner().Scan(paths);

    /// <summary>A new folder (not a repository) under the workshop.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Join(Root, name)).FullName;

    /// <summary>A new git repository (empty, branch main).</summary>
    public string Repository(string name)
    {
        var path = Folder(name);
        Run(path, "init", "-q");
        return path;
    }

    /// <summary>A repository holding a copy of a fixture folder, committed by one author.</summary>
    public string FixtureRepository(string fixture, string author = Me, string? name = null)
    {
        var path = Repository(name ?? fixture);
        CopyFolder(Path.Join(Fixtures(), fixture), path);
        Commit(path, author, "import " + fixture);
        return path;
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public static void Write(string repository, string relative, string text)
    {
        var path = Path.Join(repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Stages everything and commits it as <paramref name="author"/>, dated
    /// <paramref name="date"/> (default: ten days ago, to the second).</summary>
    public void Commit(string repository, string author, string message, DateTimeOffset? date = null)
    {
        Run(repository, "add", "-A");
        var when = (date ?? TenDaysAgo).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        Run(repository, "-c", $"user.name={author.Split('@')[0]}", "-c", $"user.email={author}", "commit", "-q", "--allow-empty", "-m", message, "--date", when);
    }

    public string Run(string repository, params string[] args)
    {
        var result = Git.Run(repository, args);
        result.Ok.ShouldBeTrue($"git {string.Join(' ', args)}: {result.Error}");
        return result.Output;
    }

    /// <summary>The hits of the whole store in one framework, every author. (Waits for the read:
    /// the scan tests are synchronous, as the scanner is.)</summary>
    public IReadOnlyList<CodeHit> Hits(string? author = null, bool includeDismissed = false) =>
        Store.ListCodeHitsAsync(new CodeHitQuery(Framework.Id, author is null ? null : [author], IncludeDismissed: includeDismissed)).GetAwaiter().GetResult();

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A file left read-only by a test; the temp folder is cleaned by the system.
        }
    }
}
