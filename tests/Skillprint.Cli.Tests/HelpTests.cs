using System.CommandLine;

namespace Skillprint.Cli.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Every command of the tree, as the words a person types ("framework show").</summary>
    public static TheoryData<string> CommandPaths() => [.. AllPaths()];

    private static List<string> AllPaths()
    {
        var paths = new List<string>();
        var root = Program.BuildRoot(new CliApp(new CliContext
        {
            Out = CliContext.PlainConsole(TextWriter.Null),
            Error = TextWriter.Null,
            Environment = new Dictionary<string, string>(),
            CurrentDirectory = Path.GetTempPath(),
        }));
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }

        Walk(root, "");
        return paths;
    }

    [Fact]
    public void The_tree_holds_every_command_of_the_issue()
    {
        AllPaths().ShouldBe(
            ["", "scan", "framework", "framework show", "framework validate", "assess", "evidence", "evidence add", "evidence list", "evidence dismiss", "evidence restore", "evidence remove", "status", "export", "export markdown", "export profile", "person", "person list", "person alias", "person unalias", "repo", "repo list", "repo remove", "import", "parse",
                "role", "role list", "role show", "role set", "role unset", "gaps",
                "roadmap", "roadmap list", "roadmap show", "roadmap mark", "roadmap next",
                "practice", "practice review", "practice due", "practice stats", "history", "db", "db migrate", "db check", "serve", "user", "user add", "user list", "token", "token create", "token list", "token revoke", "login", "logout",
                "team", "team add", "team list", "team show", "team remove", "team member", "team member add", "team member remove", "team manager", "team manager add", "team manager remove", "team matrix", "org", "org bus-factor", "identity", "identity list", "identity link", "identity unlink", "privacy", "settings", "settings show", "settings set", "audit"],
            ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_has_help_with_a_description_and_an_example(string path)
    {
        var words = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = _cli.RunOk([.. words, "--help"]);

        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain("Description:");
        result.Out.ShouldContain($"Usage:\n  {("skillprint " + path).Trim()}");
        result.Out.ShouldContain("Examples:");
        var examples = result.Out[result.Out.IndexOf("Examples:", StringComparison.Ordinal)..]
            .Split('\n')
            .Skip(1)
            .Where(line => line.Length > 0)
            .ToList();
        examples.ShouldNotBeEmpty();
        examples.ShouldAllBe(line => line.StartsWith("  skillprint ", StringComparison.Ordinal));
        examples.ShouldContain(line => line.StartsWith(("  skillprint " + path).TrimEnd(), StringComparison.Ordinal));
    }

    [Fact]
    public void No_arguments_prints_the_overview_and_exits_zero()
    {
        var result = _cli.RunOk();
        result.Out.ShouldContain("Commands:");
        foreach (var command in new[] { "framework", "assess", "evidence", "status", "export", "import", "parse" })
        {
            result.Out.ShouldContain("  " + command);
        }
    }
}
