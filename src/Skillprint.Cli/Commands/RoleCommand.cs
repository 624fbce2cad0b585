using System.CommandLine;
using Skillprint.Core;
using Skillprint.Core.Growth;
using Skillprint.Core.People;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint role list|show ROLE|set ROLE...|unset ROLE...`: the person's target roles.</summary>
internal static class RoleCommand
{
    public static Command Create(CliApp app)
    {
        var role = new Command("role", "Choose the roles you aim for (several allowed). A role sets a target level per topic: the target of the topic's relevance for the topics of its tracks, with the role's own overrides (see docs/growth.md).")
        {
            List(app),
            Show(app),
            Set(app, remove: false),
            Set(app, remove: true),
        };
        app.Examples(role, "skillprint role list", "skillprint role show backend-developer", "skillprint role set backend-developer api-developer");
        return role;
    }

    private static Command List(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("list", "List the framework's roles; yours are marked.") { format, person, framework };
        app.Examples(command, "skillprint role list", "skillprint role list --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var who = app.Person(parsed, person);
            using var store = app.OpenStore(parsed);
            var me = await CliApp.ReaderAsync(store, who, cancel);
            var report = RolesReport.Of(fw, me.PrimaryEmail, await store.ListRolesAsync(me.Id, fw.Id, cancel));
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(report);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape($"Roles of {fw.Name}: {who}")) };
            foreach (var header in (string[])["", "Role", "Name", "Tracks", "Targets"])
            {
                table.AddColumn(header);
            }

            foreach (var row in report.Roles)
            {
                table.AddRow(new Text(row.Chosen ? "*" : ""), new Text(row.Id), new Text(row.Name), new Text(string.Join(", ", row.Tracks)), new Text($"{row.Topics} topics"));
            }

            app.Context.Out.Write(table);
            var mine = report.Roles.Where(r => r.Chosen).OrderBy(r => r.ChosenAt).Select(r => r.Id).ToList();
            app.Context.Out.WriteLine(mine.Count == 0
                ? "No role chosen yet. Choose one with: skillprint role set ROLE"
                : $"* your roles: {string.Join(", ", mine)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliApp app)
    {
        var id = new Argument<string>("ROLE") { Description = "The role id (see 'skillprint role list')." };
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var grade = new Option<string?>("--grade") { Description = "The targets at this seniority grade (junior, mid, senior, staff); default: the role's own.", HelpName = "GRADE" };
        var command = new Command("show", "Show a role's target per topic, why (relevance, override or grade), and where you stand against it.")
        {
            id,
            grade,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint role show backend-developer", "skillprint role show backend-developer --grade senior", "skillprint role show data-engineer --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var role = GrowthSupport.Role(fw, parsed.GetValue(id)!);
            var who = app.Person(parsed, person);
            IReadOnlyList<RoleStanding> rows;
            Person me;
            using (var store = app.OpenStore(parsed))
            {
                me = await CliApp.ReaderAsync(store, who, cancel);
                rows = await new GrowthService(store, app.Context.Time).StandingAsync(fw, role, me, Grade(fw, parsed.GetValue(grade)), cancel);
            }

            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(RoleReport.Of(role, me.PrimaryEmail, rows));
                return ExitCodes.Ok;
            }

            var console = app.Context.Out;
            console.WriteLine($"{role.Name} ({role.Id}), tracks: {string.Join(", ", role.Tracks)}");
            if (role.Description is { } description)
            {
                console.WriteLine(description.Trim());
            }

            var table = new Table();
            foreach (var header in (string[])["Topic", "Relevance", "Target", "Why", "Your level", ""])
            {
                table.AddColumn(header);
            }

            foreach (var row in rows)
            {
                table.AddRow(
                    new Text($"{row.Name} ({row.Topic})"),
                    new Text(row.Relevance),
                    new Text(row.Target.ToString()),
                    new Text(row.Source switch
                    {
                        TargetSource.Override => "role override",
                        TargetSource.GradeCap => "grade cap",
                        TargetSource.GradeOverride => "grade override",
                        _ => $"relevance {row.Relevance}",
                    }),
                    new Text(LevelText(row.SelfLevel, row.EvidencedLevel)),
                    new Text(row.Met ? "met" : $"gap of {(int)row.Target - (int)row.Level}"));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(CliApp app, bool remove)
    {
        var ids = new Argument<string[]>("ROLE") { Description = "One or more role ids.", Arity = ArgumentArity.OneOrMore };
        var grade = new Option<string?>("--grade") { Description = "The seniority you aim for in the role (the framework's grades, e.g. junior, mid, senior, staff); default: the role's own targets.", HelpName = "GRADE" };
        var at = GrowthSupport.CreateAtOption("When the change is made");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command(
            remove ? "unset" : "set",
            remove ? "Stop aiming for a role (the history keeps it)." : "Aim for a role; add it to the ones you have (several allowed).")
        {
            ids,
            at,
            person,
            framework,
        };
        if (!remove)
        {
            command.Add(grade);
        }

        app.Examples(command, remove ? "skillprint role unset api-developer" : "skillprint role set backend-developer --grade senior");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var roles = parsed.GetValue(ids)!.Select(r => GrowthSupport.Role(fw, r)).ToList();
            var who = app.Person(parsed, person);
            var time = GrowthSupport.Time(app, parsed.GetValue(at));
            var gradeId = remove ? null : Grade(fw, parsed.GetValue(grade));
            using var store = app.OpenStore(parsed);
            var service = new GrowthService(store, app.Context.Time);
            var me = remove ? await CliApp.ReaderAsync(store, who, cancel) : await CliApp.WriterAsync(store, who, cancel);
            var output = app.Context.Out.Profile.Out.Writer;
            var atGrade = gradeId is null ? "" : $" at grade {gradeId}";
            foreach (var role in roles)
            {
                var changed = remove
                    ? await service.RemoveRoleAsync(fw, me.Id, role, time, cancel)
                    : await service.SetRoleAsync(fw, me.Id, role, gradeId, time, cancel);
                output.WriteLine((remove, changed) switch
                {
                    (false, true) => $"Role {role.Name} ({role.Id}) set{atGrade} for {who}.",
                    (false, false) => $"Role {role.Name} ({role.Id}) was already set{atGrade} for {who}.",
                    (true, true) => $"Role {role.Name} ({role.Id}) unset for {who}.",
                    _ => $"Role {role.Name} ({role.Id}) was not set for {who}.",
                });
            }

            var now = await store.ListRolesAsync(me.Id, fw.Id, cancel);
            output.WriteLine(now.Count == 0 ? "No roles now." : $"Your roles: {string.Join(", ", now.Select(r => r.Grade is null ? r.Role : $"{r.Role} ({r.Grade})"))}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A grade id of the framework (any case), or a usage error listing them; null stays null.</summary>
    private static string? Grade(Core.Frameworks.Framework framework, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return framework.FindGrade(text.Trim())?.Id ?? throw new UsageException(
            $"unknown grade '{text}' in framework '{framework.Id}'",
            framework.Grades.Count == 0 ? "this framework has no grades" : $"grades: {string.Join(", ", framework.Grades.Select(g => g.Id))}");
    }

    /// <summary>"Intermediate (evidenced Beginner)", or one level when they agree or one is missing.</summary>
    internal static string LevelText(Level self, Level evidenced) => (self, evidenced) switch
    {
        (_, Level.None) => self.ToString(),
        (Level.None, _) => $"{evidenced} (evidenced)",
        _ when self == evidenced => $"{self} (evidenced)",
        _ => $"{evidenced} evidenced, {self} self-assessed",
    };
}
