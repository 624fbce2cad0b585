using System.CommandLine;
using Skillprint.Core.Privacy;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint privacy` (who can see a person's page) and `skillprint settings show|set`
/// (the organisation's settings).</summary>
internal static class PrivacyCommand
{
    public static Command Create(CliApp app)
    {
        var person = CliApp.CreatePersonOption();
        var format = CliApp.CreateFormatOption("text", "json");
        var command = new Command("privacy", "Who can see your page: the admins, and in each team of yours its managers (levels and evidence places) and members (levels only, unless the organisation turned that off).") { person, format };
        command.SetAction(async (parsed, cancel) =>
        {
            var email = app.Person(parsed, person);
            using var store = app.OpenStore(parsed);
            var found = await store.FindPersonAsync(email, cancel) ?? throw new CommandFailedException($"no one has the email {email} in this store");
            var seen = (await store.VisibilityAsync(found.Id, cancel))!;
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(seen);
                return ExitCodes.Ok;
            }

            var output = app.Context.Out.Profile.Out.Writer;
            output.WriteLine($"Who can see {seen.Person}'s page:");
            output.WriteLine($"- admins (status, evidence and places): {List(seen.Admins)}");
            foreach (var team in seen.Teams)
            {
                output.WriteLine($"- team {team.Team}: managers (levels and evidence places): {List(team.Managers)}; members (levels): {(team.MembersSeeLevels ? List(team.Members) : "none, the organisation turned it off")}");
            }

            if (seen.Teams.Count == 0)
            {
                output.WriteLine("- no team: no manager or member sees it.");
            }

            output.WriteLine("Nobody else sees it; notes and source text are never shown to others.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint privacy", "skillprint privacy --person ada@example.org --format json");
        return command;
    }

    public static Command CreateSettings(CliApp app)
    {
        var show = new Command("show", "Show the organisation's settings.");
        show.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            Write(app, await store.GetSettingsAsync(cancel));
            return ExitCodes.Ok;
        });
        app.Examples(show, "skillprint settings show");
        var name = new Argument<string>("SETTING") { Description = "members-see-team-matrix: whether a team's members read its matrix of levels." };
        name.AcceptOnlyFromAmong("members-see-team-matrix");
        var value = new Argument<string>("VALUE") { Description = "on or off." };
        value.AcceptOnlyFromAmong("on", "off");
        var set = new Command("set", "Change a setting of the organisation.") { name, value };
        set.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var now = await store.GetSettingsAsync(cancel);
            Write(app, await store.SetSettingsAsync(now with { MembersSeeTeamMatrix = parsed.GetValue(value) == "on" }, cancel));
            return ExitCodes.Ok;
        });
        app.Examples(set, "skillprint settings set members-see-team-matrix off");
        var settings = new Command("settings", "The organisation's settings (what the server enforces for everyone).") { show, set };
        app.Examples(settings, "skillprint settings show", "skillprint settings set members-see-team-matrix off");
        return settings;
    }

    private static void Write(CliApp app, OrgSettings settings) =>
        app.Context.Out.Profile.Out.Writer.WriteLine($"members-see-team-matrix: {(settings.MembersSeeTeamMatrix ? "on" : "off")}");

    private static string List(IReadOnlyList<string> emails) => emails.Count == 0 ? "none" : string.Join(", ", emails);
}
