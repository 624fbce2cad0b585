using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Accounts;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint user add EMAIL --role admin|member [--password-stdin]` and `user list`:
/// the people who can sign in to `skillprint serve`.</summary>
internal static class UserCommand
{
    public static Command Create(CliApp app)
    {
        var user = new Command("user", "The accounts of the server (`skillprint serve`): who can sign in, as a member (their own data) or an admin (also people and tokens).")
        {
            CreateAdd(app),
            CreateList(app),
        };
        app.Examples(user, "skillprint user add ada@example.org --role admin", "skillprint user list");
        return user;
    }

    private static Command CreateAdd(CliApp app)
    {
        var email = new Argument<string>("EMAIL") { Description = "The person's email (one of theirs; they sign in with any of them)." };
        var role = new Option<string>("--role") { Description = "member: reads and changes their own data; admin: also manages people and tokens.", Required = true };
        role.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "member", "admin");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (at least 12 characters). Without it, a one-time password is made and printed." };
        var command = new Command("add", "Make a person a user of the server. Without --password-stdin a one-time password is printed, once; it is to be changed at first sign-in.")
        {
            email,
            role,
            passwordStdin,
        };
        command.SetAction(parsed =>
        {
            string? password = null;
            if (parsed.GetValue(passwordStdin))
            {
                password = app.Context.In?.ReadLine()
                    ?? throw new UsageException("--password-stdin: standard input has no line", "pipe the password in: printf '%s\\n' \"$PASSWORD\" | skillprint user add EMAIL --role member --password-stdin");
            }

            var chosen = string.Equals(parsed.GetValue(role), "admin", StringComparison.OrdinalIgnoreCase) ? AccountRole.Admin : AccountRole.Member;
            using var store = app.OpenStore(parsed);
            var added = Accounts.Run(() => new AccountService(store, app.Context.Time).AddUserAsync(parsed.GetValue(email)!, chosen, password, CancellationToken.None));
            var output = app.Context.Out.Profile.Out.Writer;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Added {added.Account.Email} as {Accounts.RoleName(added.Account.Role)} (person {added.Account.PersonId})."));
            if (added.OneTimePassword is { } made)
            {
                output.WriteLine($"One-time password (shown once; change it after signing in): {made}");
            }

            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint user add ada@example.org --role admin", "skillprint user add bob@example.org --role member --password-stdin < password.txt");
        return command;
    }

    private static Command CreateList(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List the users: person id, email, role, and whether they are locked out or still have a one-time password.")
        {
            format,
        };
        command.SetAction(parsed =>
        {
            using var store = app.OpenStore(parsed);
            var users = Accounts.Run(() => new AccountService(store, app.Context.Time).ListUsersAsync(CancellationToken.None));
            if (string.Equals(CliApp.FormatOf(parsed, format), "json", StringComparison.Ordinal))
            {
                app.WriteJson(users);
                return ExitCodes.Ok;
            }

            if (users.Count == 0)
            {
                app.Context.Out.WriteLine("No users yet: skillprint user add EMAIL --role admin");
                return ExitCodes.Ok;
            }

            var now = app.Context.Time.GetUtcNow();
            var table = new Table();
            foreach (var header in (string[])["Person", "Email", "Role", "State"])
            {
                table.AddColumn(header);
            }

            foreach (var user in users)
            {
                var state = user.LockedUntil > now ? $"locked until {user.LockedUntil:yyyy-MM-dd HH:mm} UTC"
                    : user.MustChangePassword ? "one-time password" : "active";
                table.AddRow(new Text(user.PersonId.ToString()), new Text(user.Email), new Text(Accounts.RoleName(user.Role)), new Text(state));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint user list --format json");
        return command;
    }
}

/// <summary>What the account commands share: running the async service from a command, and its
/// refusals as the CLI reports them (a wrong value exit 2, anything else exit 1).</summary>
internal static class Accounts
{
    public static T Run<T>(Func<Task<T>> work)
    {
        try
        {
            return work().GetAwaiter().GetResult();
        }
        catch (AccountException e) when (e.Problem == AccountProblem.Invalid)
        {
            throw new UsageException(e.Message);
        }
        catch (AccountException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    public static string RoleName(AccountRole role) => role == AccountRole.Admin ? "admin" : "member";

    public static string ScopeName(TokenScope scope) => scope switch
    {
        TokenScope.Write => "write",
        TokenScope.Push => "push",
        _ => "read",
    };
}
