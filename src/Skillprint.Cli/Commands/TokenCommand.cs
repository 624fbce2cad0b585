using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Accounts;
using Skillprint.Core.People;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint token create|list|revoke`: personal access tokens for the server's API
/// (`Authorization: Bearer TOKEN`), for the person given by --person (default: you).</summary>
internal static class TokenCommand
{
    public static Command Create(CliApp app)
    {
        var token = new Command("token", "Personal access tokens for the server's API (Authorization: Bearer TOKEN): shown once when created, stored only as a hash, revocable.")
        {
            CreateCreate(app),
            CreateList(app),
            CreateRevoke(app),
        };
        app.Examples(token, "skillprint token create --name laptop --scope read --expires 90", "skillprint token list", "skillprint token revoke 3");
        return token;
    }

    private static Command CreateCreate(CliApp app)
    {
        var name = new Option<string>("--name") { Description = "What the token is for (a machine, a CI job), to tell tokens apart.", Required = true, HelpName = "NAME" };
        var scope = new Option<string>("--scope") { Description = "read: reads only; write: reads and changes.", DefaultValueFactory = _ => "read" };
        scope.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "read", "write");
        var expires = new Option<int?>("--expires") { Description = $"Days until the token stops working (1 to {AccountService.MaxTokenDays}; default: never).", HelpName = "DAYS" };
        var team = new Option<string?>("--team") { Description = "Create the team's push token instead, for a repository's CI: it pushes every author's evidence (scan --push) and can do nothing else. --person is recorded as who created it.", HelpName = "TEAM" };
        var person = CliApp.CreatePersonOption();
        var format = CliApp.CreateFormatOption("text", "json");
        var command = new Command("create", "Create a token for a user (or with --team, a team's push token). The token is printed once on stdout (details on stderr); only its hash is kept.")
        {
            name,
            scope,
            expires,
            team,
            person,
            format,
        };
        command.SetAction(parsed =>
        {
            var email = app.Person(parsed, person);
            var chosen = string.Equals(parsed.GetValue(scope), "write", StringComparison.OrdinalIgnoreCase) ? TokenScope.Write : TokenScope.Read;
            using var store = app.OpenStore(parsed);
            var service = new AccountService(store, app.Context.Time);
            CreatedToken created;
            if (parsed.GetValue(team) is { } teamName)
            {
                var chosenTeam = TeamCommand.Service(app, store).FindAsync(teamName).GetAwaiter().GetResult();
                var creator = store.EnsurePersonAsync(email).GetAwaiter().GetResult();
                created = Accounts.Run(() => service.CreateTeamTokenAsync(chosenTeam.Id, creator.Id, parsed.GetValue(name)!, parsed.GetValue(expires), CancellationToken.None));
            }
            else
            {
                var user = Accounts.Run(() => service.FindUserAsync(email))
                    ?? throw new CommandFailedException($"{email} has no account on this store: skillprint user add {email} --role member");
                created = Accounts.Run(() => service.CreateTokenAsync(user.PersonId, parsed.GetValue(name)!, chosen, parsed.GetValue(expires), CancellationToken.None));
            }

            if (string.Equals(CliApp.FormatOf(parsed, format), "json", StringComparison.Ordinal))
            {
                app.WriteJson(created);
                return ExitCodes.Ok;
            }

            var t = created.Token;
            app.Context.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Created token {t.Id} '{t.Name}' ({Accounts.ScopeName(t.Scope)}, {(t.ExpiresAt is { } at ? $"expires {at:yyyy-MM-dd}" : "does not expire")}) for {(t.TeamId is { } teamId ? $"team {teamId}, created by {t.Email}" : t.Email)}. It is shown this once: keep it now."));
            app.Context.Out.Profile.Out.Writer.WriteLine(created.Secret);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint token create --name laptop", "skillprint token create --name ci --scope write --expires 30 --format json", "skillprint token create --team platform --name github-ci");
        return command;
    }

    private static Command CreateList(CliApp app)
    {
        var all = new Option<bool>("--all") { Description = "Every user's tokens, not only the person's." };
        var person = CliApp.CreatePersonOption();
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List tokens (never their secrets): id, name, scope, first characters, created, expires, last used, state.")
        {
            all,
            person,
            format,
        };
        command.SetAction(parsed =>
        {
            using var store = app.OpenStore(parsed);
            var service = new AccountService(store, app.Context.Time);
            PersonId? owner = null;
            if (!parsed.GetValue(all))
            {
                var email = app.Person(parsed, person);
                owner = (Accounts.Run(() => service.FindUserAsync(email))
                    ?? throw new CommandFailedException($"{email} has no account on this store: skillprint user add {email} --role member")).PersonId;
            }

            var tokens = Accounts.Run(() => service.ListTokensAsync(owner, CancellationToken.None));
            if (string.Equals(CliApp.FormatOf(parsed, format), "json", StringComparison.Ordinal))
            {
                app.WriteJson(tokens);
                return ExitCodes.Ok;
            }

            if (tokens.Count == 0)
            {
                app.Context.Out.WriteLine("No tokens: skillprint token create --name NAME");
                return ExitCodes.Ok;
            }

            var now = app.Context.Time.GetUtcNow();
            var table = new Table();
            foreach (var header in (string[])["Id", "Name", "Person", "Scope", "Token", "Created", "Expires", "Last used", "State"])
            {
                table.AddColumn(header);
            }

            foreach (var t in tokens)
            {
                var state = t.RevokedAt is not null ? "revoked" : t.IsActive(now) ? "active" : "expired";
                table.AddRow(
                    new Text(t.Id.ToString(CultureInfo.InvariantCulture)),
                    new Text(t.Name),
                    new Text(t.Email),
                    new Text(Accounts.ScopeName(t.Scope)),
                    new Text(t.Prefix + "..."),
                    new Text(Day(t.CreatedAt)),
                    new Text(t.ExpiresAt is { } e ? Day(e) : "never"),
                    new Text(t.LastUsedAt is { } u ? Day(u) : "never"),
                    new Text(state));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint token list", "skillprint token list --all --format json");
        return command;
    }

    private static Command CreateRevoke(CliApp app)
    {
        var id = new Argument<long>("ID") { Description = "The token's id (see 'skillprint token list')." };
        var person = CliApp.CreatePersonOption();
        var command = new Command("revoke", "Revoke one of the person's tokens: it stops working at once (it stays listed as revoked).")
        {
            id,
            person,
        };
        command.SetAction(parsed =>
        {
            var email = app.Person(parsed, person);
            using var store = app.OpenStore(parsed);
            var service = new AccountService(store, app.Context.Time);
            var user = Accounts.Run(() => service.FindUserAsync(email))
                ?? throw new CommandFailedException($"{email} has no account on this store: skillprint user add {email} --role member");
            var token = Accounts.Run(() => service.RevokeTokenAsync(parsed.GetValue(id), user.PersonId, CancellationToken.None));
            app.Context.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Revoked token {token.Id} '{token.Name}' of {token.Email}."));
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint token revoke 3");
        return command;
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
