using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Skillprint.Cli.Commands;

namespace Skillprint.Cli;

/// <summary>The `skillprint` command: its commands, and the one place where errors become exit codes.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliContext.FromProcess());

    /// <summary>Runs one command line against a context; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, CliContext context) => RunAsync(args, context).GetAwaiter().GetResult();

    /// <summary><see cref="Run"/>, awaiting the command's work.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        var app = new CliApp(context);
        ParseResult? parsed = null;
        try
        {
            parsed = BuildRoot(app).Parse(args.Length == 0 ? ["--help"] : args);
            if (parsed.Action is ParseErrorAction)
            {
                return app.ReportParseErrors(parsed);
            }

            var code = await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out.Profile.Out.Writer,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
            if (parsed.Action is HelpAction)
            {
                app.WriteExamples(parsed.CommandResult.Command);
            }

            return code;
        }
        catch (Exception error)
        {
            return app.ReportException(parsed, error);
        }
    }

    /// <summary>The command tree: one file per command in Commands/.</summary>
    internal static Command BuildRoot(CliApp app)
    {
        var root = new Command(CliApp.Name, "Skillprint keeps your competency map: what there is to know in a field (a framework of topics and skills), where you stand in it, and what to learn next. Data: SQLite at $XDG_DATA_HOME/skillprint/skillprint.db (~/.local/share/skillprint), or --db PATH / SKILLPRINT_DB.")
        {
            new HelpOption(),
            new VersionOption(),
            app.DbOption,
        };

        var framework = new Command("framework", "Show or validate a framework (the body of knowledge).")
        {
            FrameworkShowCommand.Create(app),
            FrameworkValidateCommand.Create(app),
        };
        app.Examples(framework, "skillprint framework show python", "skillprint framework validate content/python");

        var evidence = new Command("evidence", "List the evidence of your skills (code hits found by `skillprint scan`, and what you entered by hand), add evidence code cannot show (a talk, a course, a review), dismiss hits, remove and restore.")
        {
            EvidenceAddCommand.Create(app),
            EvidenceListCommand.Create(app),
            EvidenceDismissCommand.Create(app),
            EvidenceRestoreCommand.Create(app),
            EvidenceRemoveCommand.Create(app),
        };
        app.Examples(evidence, "skillprint evidence add async --link https://example.org/talk --note \"Talk on asyncio\"", "skillprint evidence list");

        var export = new Command("export", "Export your competency page, or your profile as a skill file.")
        {
            ExportMarkdownCommand.Create(app),
            ExportProfileCommand.Create(app),
        };
        app.Examples(export, "skillprint export markdown --out ~/notes/python-competencies.md", "skillprint export profile --out ~/cv/python.md");

        var person = new Command("person", "The people whose code and status Skillprint keeps: one person, several emails.")
        {
            PersonListCommand.Create(app),
            PersonAliasCommand.Create(app),
            PersonUnaliasCommand.Create(app),
        };
        app.Examples(person, "skillprint person list", "skillprint person alias me@work.example.org");

        var repo = new Command("repo", "The repositories and folders `skillprint scan` has read.")
        {
            RepoListCommand.Create(app),
            RepoRemoveCommand.Create(app),
        };
        app.Examples(repo, "skillprint repo list", "skillprint repo remove pallets/click --yes");

        var db = new Command("db", "The database itself: bring its schema up to date, check that it is whole.")
        {
            DbMigrateCommand.Create(app),
            DbCheckCommand.Create(app),
        };
        app.Examples(db, "skillprint db migrate", "skillprint db check");

        root.Add(ScanCommand.Create(app));
        root.Add(framework);
        root.Add(AssessCommand.Create(app));
        root.Add(evidence);
        root.Add(repo);
        root.Add(StatusCommand.Create(app));
        root.Add(export);
        root.Add(person);
        root.Add(ImportCommand.Create(app));
        root.Add(ParseCommand.Create(app));
        root.Add(RoleCommand.Create(app));
        root.Add(GapsCommand.Create(app));
        root.Add(RoadmapCommand.Create(app));
        root.Add(PracticeCommand.Create(app));
        root.Add(HistoryCommand.Create(app));
        root.Add(db);
        root.Add(ServeCommand.Create(app));
        root.Add(UserCommand.Create(app));
        root.Add(TokenCommand.Create(app));
        root.Add(LoginCommand.Create(app));
        root.Add(LoginCommand.CreateLogout(app));
        root.Add(TeamCommand.Create(app));
        root.Add(OrgCommand.Create(app));
        root.Add(IdentityCommand.Create(app));
        root.Add(PrivacyCommand.Create(app));
        root.Add(PrivacyCommand.CreateSettings(app));
        root.Add(AuditCommand.Create(app));
        app.Examples(root, "skillprint scan ~/src/myproject && skillprint status", "skillprint assess async intermediate --note \"FastAPI services\"", "skillprint framework show python --topic async");
        return root;
    }
}
