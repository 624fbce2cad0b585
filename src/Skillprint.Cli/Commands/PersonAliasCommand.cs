using System.CommandLine;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint person alias EMAIL... [--person EMAIL]`: joins git identities into one person.</summary>
internal static class PersonAliasCommand
{
    public static Command Create(CliApp app)
    {
        var emails = new Argument<string[]>("EMAIL")
        {
            Description = "Other emails of the same person (a work address, an old one, a noreply address).",
            Arity = ArgumentArity.OneOrMore,
        };
        var person = CliApp.CreatePersonOption();
        var command = new Command("alias", "Join emails into one person: code written under any of them counts as theirs, and their self-assessments and evidence come together.")
        {
            emails,
            person,
        };
        command.SetAction(parsed => Run(app, parsed, parsed.GetValue(emails) ?? [], app.Person(parsed, person)));
        app.Examples(command, "skillprint person alias me@work.example.org 12345+me@users.noreply.github.com");
        return command;
    }

    private static int Run(CliApp app, ParseResult parsed, string[] emails, string person)
    {
        foreach (var email in emails)
        {
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw new UsageException($"'{email}' is not an email address");
            }
        }

        using var store = app.OpenStore(parsed);
        var joined = store.EnsurePerson(person);
        foreach (var email in emails)
        {
            joined = store.AddAlias(joined.PrimaryEmail, email);
        }

        app.Context.Out.Profile.Out.Writer.WriteLine($"{joined.PrimaryEmail} is now: {string.Join(", ", joined.Emails)}");
        return ExitCodes.Ok;
    }
}
