using System.CommandLine;
using Skillprint.Core.People;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint person unalias EMAIL... [--person EMAIL]`: gives emails up.</summary>
internal static class PersonUnaliasCommand
{
    public static Command Create(CliApp app)
    {
        var emails = new Argument<string[]>("EMAIL")
        {
            Description = "Emails claimed with `skillprint person alias` that are not yours after all.",
            Arity = ArgumentArity.OneOrMore,
        };
        var person = CliApp.CreatePersonOption();
        var command = new Command("unalias", "Give up emails you claimed: code written under them stops counting as yours (claim them again with `skillprint person alias`).")
        {
            emails,
            person,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var given = parsed.GetValue(emails) ?? [];
            PersonAliasCommand.CheckEmails(given);
            using var store = app.OpenStore(parsed);
            var output = app.Context.Out.Profile.Out.Writer;
            var problems = new List<string>();
            Person? now = null;
            var me = await CliApp.ReaderAsync(store, app.Person(parsed, person), cancel);
            var claims = me.IsStored
                ? await new PeopleService(store).UnaliasAsync(me.Id, given, cancel)
                : given.Select(_ => new EmailClaim(ClaimOutcome.NotYours, me, null, new Dictionary<string, int>())).ToList();
            foreach (var (email, claim) in given.Zip(claims))
            {
                now = claim.Person;
                switch (claim.Outcome)
                {
                    case ClaimOutcome.Unclaimed:
                        output.WriteLine($"{email} is no longer {claim.Person.PrimaryEmail}'s.");
                        break;
                    case ClaimOutcome.Refused:
                        problems.Add($"{email} is the only email of {claim.Person.PrimaryEmail} and cannot be given up");
                        break;
                    default:
                        problems.Add(claim.Owner is null ? $"{email} is not an email of {claim.Person.PrimaryEmail}" : $"{email} is {claim.Owner.PrimaryEmail}'s, not {claim.Person.PrimaryEmail}'s");
                        break;
                }
            }

            if (now is { IsStored: true })
            {
                output.WriteLine($"{now.PrimaryEmail} is now: {string.Join(", ", now.Emails)}");
            }

            return problems.Count > 0 ? throw new CommandFailedException(string.Join("; ", problems)) : ExitCodes.Ok;
        });
        app.Examples(command, "skillprint person unalias old@example.org");
        return command;
    }
}
