using System.CommandLine;
using System.Globalization;
using Skillprint.Cli.Client;
using Skillprint.Core.Audit;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint audit`: the audit log, newest first. On the local store: every event, or one
/// person's with --person. With --server (the login of `skillprint login`): your own log on the
/// server, or with --person that person's (an admin's token).</summary>
internal static class AuditCommand
{
    public static Command Create(CliApp app)
    {
        var person = new Option<string?>("--person")
        {
            Description = "Only the events about this person's data (an email). With --server, an admin's token is needed.",
            HelpName = "EMAIL",
        };
        var limit = new Option<string?>("--limit") { Description = $"How many events, newest first: 1 to {AuditPage.MaxLimit} (default {AuditPage.DefaultLimit}).", HelpName = "N" };
        var before = new Option<long?>("--before") { Description = "Only events older than this event id (the 'next' of the page before).", HelpName = "ID" };
        var server = new Option<bool>("--server") { Description = "Read the log on the server of `skillprint login` instead of the local store." };
        var format = CliApp.CreateFormatOption("text", "json");
        var command = new Command("audit", "The audit log: who changed whose data and who read it, newest first. Never source text, token secrets or passwords.")
        {
            person, limit, before, server, format,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var n = AuditService.Limit(parsed.GetValue(limit))
                ?? throw new UsageException($"--limit: '{parsed.GetValue(limit)}' is not a whole number from 1 to {AuditPage.MaxLimit}");
            var email = parsed.GetValue(person)?.Trim();
            var log = parsed.GetValue(server)
                ? await FromServerAsync(app, email, n, parsed.GetValue(before), cancel)
                : await FromStoreAsync(app, parsed, email, n, parsed.GetValue(before), cancel);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(log);
                return ExitCodes.Ok;
            }

            Write(app.Context.Out.Profile.Out.Writer, log);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint audit", "skillprint audit --person ada@example.org --limit 20", "skillprint audit --server --format json");
        return command;
    }

    private static async Task<AuditLog> FromStoreAsync(CliApp app, ParseResult parsed, string? email, int limit, long? before, CancellationToken cancel)
    {
        using var store = app.OpenStore(parsed);
        var subject = email is null ? null
            : await store.FindPersonAsync(email, cancel) ?? throw new CommandFailedException($"--person: no one has the email {email} in this store");
        return await new AuditService(store).ReadAsync(subject, limit, before, cancel);
    }

    private static async Task<AuditLog> FromServerAsync(CliApp app, string? email, int limit, long? before, CancellationToken cancel)
    {
        var login = LoginFile.Read(app.Context)
            ?? throw new CommandFailedException("--server: not logged in to a server: skillprint login URL --token-stdin");
        using var client = new ServerClient(login, TimeSpan.FromSeconds(30));
        return await client.AuditAsync(email, limit, before, cancel);
    }

    /// <summary>Two lines an event, each within 80 columns: id, time (UTC), actor, action and
    /// whose data; then what it named and the detail.</summary>
    private static void Write(TextWriter output, AuditLog log)
    {
        if (log.Events.Count == 0)
        {
            output.WriteLine(log.Person is null ? "No audit events." : $"No audit events about {log.Person}.");
            return;
        }

        foreach (var e in log.Events)
        {
            var actor = e.ActorKind switch
            {
                AuditActorKind.Local => "local CLI",
                AuditActorKind.TeamToken => $"team token {e.ActorTokenId}",
                _ => e.Actor ?? "?",
            };
            var head = string.Create(CultureInfo.InvariantCulture, $"#{e.Id} {e.At.UtcDateTime:yyyy-MM-dd HH:mm} {actor} {e.Action}{(e.Subject is null ? "" : $" -> {e.Subject}")}");
            output.WriteLine(Fit(head));
            var rest = string.Join(": ", new[] { e.Target, e.Detail }.Where(p => !string.IsNullOrEmpty(p)));
            if (rest.Length > 0)
            {
                output.WriteLine(Fit("    " + rest));
            }
        }

        if (log.Next is { } next)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"More: --before {next}"));
        }
    }

    private static string Fit(string line) => line.Length <= 80 ? line : line[..79] + "…";
}
