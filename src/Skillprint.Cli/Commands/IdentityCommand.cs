using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Identities;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint identity list|link|unlink`: the author emails of stored code that are no
/// one's (unclaimed identities, from a team's CI pushes or a scan), and linking one to a person.</summary>
internal static class IdentityCommand
{
    public static Command Create(CliApp app)
    {
        var identity = new Command("identity", "Unclaimed identities: author emails of stored code that are no one's. Their evidence is kept and counts for no one until linked to a person; a link can be undone.")
        {
            List(app),
            Link(app),
            Unlink(app),
        };
        app.Examples(identity, "skillprint identity list", "skillprint identity link ada@laptop.local ada@example.org", "skillprint identity unlink ada@laptop.local");
        return identity;
    }

    private static Command List(CliApp app)
    {
        var linked = new Option<bool>("--linked") { Description = "Also the identities linked to a person, with who and when." };
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List the unclaimed identities: email, hits, first and last commit date, repositories.") { linked, format };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var identities = await store.ListIdentitiesAsync(parsed.GetValue(linked), cancel);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(identities);
                return ExitCodes.Ok;
            }

            if (identities.Count == 0)
            {
                app.Context.Out.Profile.Out.Writer.WriteLine("No unclaimed identities: every author of stored code is someone's email.");
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var header in (string[])["Email", "Hits", "First seen", "Last seen", "Repositories", "Linked to"])
            {
                table.AddColumn(header);
            }

            foreach (var i in identities)
            {
                table.AddRow(
                    new Text(i.Email),
                    new Text(i.Hits.ToString(CultureInfo.InvariantCulture)),
                    new Text(Day(i.FirstSeen)),
                    new Text(Day(i.LastSeen)),
                    new Text(string.Join(", ", i.Repositories)),
                    new Text(i.LinkedTo is null ? "" : $"{i.LinkedTo} ({Day(i.LinkedAt)})"));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint identity list", "skillprint identity list --linked --format json");
        return command;
    }

    private static Command Link(CliApp app)
    {
        var email = new Argument<string>("EMAIL") { Description = "The unclaimed author email (see 'skillprint identity list')." };
        var person = new Argument<string>("PERSON") { Description = "One email of the person whose evidence it is." };
        var command = new Command("link", "Link an unclaimed identity to a person: the email becomes one of theirs, and the code written under it counts for them.") { email, person };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var target = await store.FindPersonAsync(parsed.GetValue(person)!, cancel)
                ?? throw new UsageException($"no one has the email {parsed.GetValue(person)}", "see 'skillprint person list'");
            var linked = await store.LinkIdentityAsync(parsed.GetValue(email)!, target.Id, app.Context.Time.GetUtcNow(), cancel);
            app.Context.Out.Profile.Out.Writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Linked {linked.Email} to {target.PrimaryEmail}: its {linked.Hits} hits now count for them (undo: skillprint identity unlink {linked.Email})."));
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint identity link ada@laptop.local ada@example.org");
        return command;
    }

    private static Command Unlink(CliApp app)
    {
        var email = new Argument<string>("EMAIL") { Description = "An email linked with 'skillprint identity link'." };
        var command = new Command("unlink", "Undo a link: the email is no one's again, and its evidence is unclaimed (nothing is deleted).") { email };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var unlinked = await store.UnlinkIdentityAsync(parsed.GetValue(email)!, cancel);
            app.Context.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unlinked {unlinked.Email}: its {unlinked.Hits} hits are unclaimed again."));
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint identity unlink ada@laptop.local");
        return command;
    }

    private static string Day(DateTimeOffset? at) => at is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
