using System.CommandLine;
using Skillprint.Core.People;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint person alias EMAIL... [--merge] [--person EMAIL]`: the other emails a person
/// writes code under.</summary>
internal static class PersonAliasCommand
{
    public static Command Create(CliApp app)
    {
        var emails = new Argument<string[]>("EMAIL")
        {
            Description = "Other emails of yours (a work address, an old one, a noreply address).",
            Arity = ArgumentArity.OneOrMore,
        };
        var merge = new Option<bool>("--merge")
        {
            Description = "When an email belongs to another person who has data (assessments, evidence, roles...), move all of it to you and join the two. Without it such an email is refused.",
        };
        var person = CliApp.CreatePersonOption();
        var command = new Command("alias", "Claim other emails as yours: code written under them counts as yours. An email another person has data under is refused (see --merge); undo with `skillprint person unalias`.")
        {
            emails,
            merge,
            person,
        };
        command.SetAction((parsed, cancel) => RunAsync(app, parsed, parsed.GetValue(emails) ?? [], parsed.GetValue(merge), app.Person(parsed, person), cancel));
        app.Examples(command, "skillprint person alias me@work.example.org 12345+me@users.noreply.github.com", "skillprint person list", "skillprint person unalias me@work.example.org");
        return command;
    }

    /// <summary>Every value must look like an email before anything is written.</summary>
    internal static void CheckEmails(IEnumerable<string> emails)
    {
        foreach (var email in emails)
        {
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw new UsageException($"'{email}' is not an email address");
            }
        }
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string[] emails, bool merge, string person, CancellationToken cancel)
    {
        CheckEmails(emails);
        using var store = app.OpenStore(parsed);
        var output = app.Context.Out.Profile.Out.Writer;
        var refused = new List<string>();
        Person? now = null;
        var me = await CliApp.WriterAsync(store, person, cancel);
        foreach (var claim in await new PeopleService(store).AliasAsync(me.Id, emails, merge, cancel))
        {
            now = claim.Person;
            var email = claim.Owner?.Emails.FirstOrDefault(e => emails.Contains(e, StringComparer.OrdinalIgnoreCase));
            switch (claim.Outcome)
            {
                case ClaimOutcome.Merged:
                    output.WriteLine($"Merged {claim.Owner!.PrimaryEmail} into {claim.Person.PrimaryEmail}, moving {Held(claim.Held)}.");
                    break;
                case ClaimOutcome.Refused:
                    refused.Add($"{email ?? claim.Owner!.PrimaryEmail} belongs to {claim.Owner!.PrimaryEmail}, who has {Held(claim.Held)}; to join them with you and move all of it: skillprint person alias {email ?? claim.Owner.PrimaryEmail} --merge");
                    break;
                case ClaimOutcome.BothHaveAccounts:
                    refused.Add($"{email ?? claim.Owner!.PrimaryEmail} belongs to {claim.Owner!.PrimaryEmail}; you ({claim.Person.PrimaryEmail}) and they both have server accounts, and a person has one: nothing was merged (to join them, one of the two must have no account)");
                    break;
                default:
                    break;
            }
        }

        if (now is not null)
        {
            output.WriteLine($"{now.PrimaryEmail} is now: {string.Join(", ", now.Emails)}");
        }

        if (refused.Count > 0)
        {
            throw new CommandFailedException(string.Join("; ", refused));
        }

        return ExitCodes.Ok;
    }

    /// <summary>"2 self-assessments, 1 manual evidence" from row counts by table.</summary>
    internal static string Held(IReadOnlyDictionary<string, int> held) =>
        held.Count == 0 ? "nothing" : string.Join(", ", held.Select(pair => $"{pair.Value} {pair.Key.Replace('_', ' ')}"));
}
