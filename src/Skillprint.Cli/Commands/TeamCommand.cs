using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Teams;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint team add|list|show|remove|member|manager|matrix`: teams, who is in them, and
/// their competency matrix (levels, bus factor per skill, knowledge islands, a role's targets).</summary>
internal static class TeamCommand
{
    public static Command Create(CliApp app)
    {
        var team = new Command("team", "Teams: who is in them (members, whose levels make the matrix; managers, who read it with evidence places) and the team's competency matrix.")
        {
            Add(app),
            List(app),
            Show(app),
            Remove(app),
            People(app, TeamRole.Member),
            People(app, TeamRole.Manager),
            TeamMatrixCommand.Create(app),
        };
        app.Examples(team, "skillprint team add platform", "skillprint team member add platform ada@example.org", "skillprint team matrix platform --role backend-developer");
        return team;
    }

    /// <summary>The team named by a TEAM argument (its name, any case, or its id).</summary>
    public static Argument<string> TeamArgument() => new("TEAM") { Description = "The team: its name (any case) or its id (see 'skillprint team list')." };

    private static Command Add(CliApp app)
    {
        var name = new Argument<string>("NAME") { Description = $"The team's name: unique without regard to case, at most {TeamService.MaxNameLength} characters, not a number." };
        var command = new Command("add", "Make a team (empty; add people with 'team member add' and 'team manager add').") { name };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var added = await Service(app, store).AddAsync(parsed.GetValue(name)!, cancel);
            Write(app, string.Create(CultureInfo.InvariantCulture, $"Added team {added.Name} (id {added.Id}). Add people: skillprint team member add {Quoted(added.Name)} EMAIL"));
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint team add platform");
        return command;
    }

    private static Command List(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List the teams: id, name, how many members and managers.") { format };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var teams = await Service(app, store).ListAsync(cancel);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(teams);
                return ExitCodes.Ok;
            }

            if (teams.Count == 0)
            {
                Write(app, "No teams yet: skillprint team add NAME");
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var header in (string[])["Id", "Team", "Members", "Managers"])
            {
                table.AddColumn(header);
            }

            foreach (var team in teams)
            {
                table.AddRow(Number(team.Id), new Text(team.Name), Number(team.Members), Number(team.Managers));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint team list", "skillprint team list --format json");
        return command;
    }

    private static Command Show(CliApp app)
    {
        var which = TeamArgument();
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("show", "Show a team: its managers and members.") { which, format };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var team = await Service(app, store).FindAsync(parsed.GetValue(which)!, cancel);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(team);
                return ExitCodes.Ok;
            }

            Write(app, string.Create(CultureInfo.InvariantCulture, $"Team {team.Name} (id {team.Id})"));
            Write(app, "Managers: " + Emails(team.Managers));
            Write(app, "Members: " + Emails(team.Members));
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint team show platform", "skillprint team show 3 --format json");
        return command;
    }

    private static Command Remove(CliApp app)
    {
        var which = TeamArgument();
        var yes = new Option<bool>("--yes") { Description = "Remove without asking (needed when no one can be asked: a script, a pipe)." };
        var command = new Command("remove", "Remove a team and who is in it; the people and their data stay.") { which, yes };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var service = Service(app, store);
            var team = await service.FindAsync(parsed.GetValue(which)!, cancel);
            var what = $"team {team.Name} with {Count(team.Members.Count, "member")} and {Count(team.Managers.Count, "manager")}";
            if (!parsed.GetValue(yes) && !RepoRemoveCommand.Confirm(app, $"Remove {what}? The people and their data stay. [y/N] "))
            {
                app.Context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Nothing removed. To remove without asking: skillprint team remove {team.Id} --yes"));
                return ExitCodes.Failure;
            }

            await service.RemoveAsync(team, cancel);
            Write(app, $"Removed {what}. The people and their data stay.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint team remove platform", "skillprint team remove 3 --yes");
        return command;
    }

    /// <summary>`team member add|remove` or `team manager add|remove`.</summary>
    private static Command People(CliApp app, TeamRole role)
    {
        var noun = role == TeamRole.Member ? "member" : "manager";
        var what = role == TeamRole.Member
            ? "Members: their levels are the rows of the team's matrix, and they read the matrix's levels (not others' evidence)."
            : "Managers: they read the team's matrix with its members' evidence places (never source text).";
        var command = new Command(noun, what) { Change(app, role, add: true), Change(app, role, add: false) };
        app.Examples(command, $"skillprint team {noun} add platform ada@example.org", $"skillprint team {noun} remove platform ada@example.org");
        return command;
    }

    private static Command Change(CliApp app, TeamRole role, bool add)
    {
        var noun = role == TeamRole.Member ? "member" : "manager";
        var which = TeamArgument();
        var email = new Argument<string>("EMAIL") { Description = "One of the person's emails (the person must be known: scanned, a user, or an alias)." };
        var command = new Command(add ? "add" : "remove", add ? $"Make a person a {noun} of the team." : $"Take a person's place as {noun} of the team away (their data stays).") { which, email };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var service = Service(app, store);
            var team = await service.FindAsync(parsed.GetValue(which)!, cancel);
            var (_, person, changed) = add
                ? await service.AddPersonAsync(team, parsed.GetValue(email)!, role, cancel)
                : await service.RemovePersonAsync(team, parsed.GetValue(email)!, role, cancel);
            Write(app, (add, changed) switch
            {
                (true, true) => $"{person.PrimaryEmail} is now a {noun} of {team.Name}.",
                (true, false) => $"{person.PrimaryEmail} was a {noun} of {team.Name} already; nothing changed.",
                (false, true) => $"{person.PrimaryEmail} is no longer a {noun} of {team.Name}.",
                _ => $"{person.PrimaryEmail} was not a {noun} of {team.Name}; nothing changed.",
            });
            return ExitCodes.Ok;
        });
        app.Examples(command, $"skillprint team {noun} {command.Name} platform ada@example.org");
        return command;
    }

    internal static TeamService Service(CliApp app, Store.SkillprintStore store) => new(store, store, app.Context.Time);

    private static void Write(CliApp app, string line) => app.Context.Out.Profile.Out.Writer.WriteLine(line);

    private static Text Number(long n) => new(n.ToString(CultureInfo.InvariantCulture));

    private static string Emails(IReadOnlyList<TeamPerson> people) => people.Count == 0 ? "none" : string.Join(", ", people.Select(p => p.Email));

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Quoted(string name) => name.Any(char.IsWhiteSpace) ? $"\"{name}\"" : name;
}
