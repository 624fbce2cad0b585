using System.CommandLine;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint evidence dismiss HIT-ID...`: code hits a person does not stand behind.</summary>
internal static class EvidenceDismissCommand
{
    public static Command Create(CliApp app)
    {
        var ids = new Argument<long[]>("HIT-ID")
        {
            Description = "Ids of code hits, as `skillprint evidence list` shows them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("dismiss", "Dismiss code hits you do not stand behind (generated code, a copied snippet): they stop counting as evidence and stay dismissed when a rescan finds them again.")
        {
            ids,
        };
        command.SetAction(parsed => Run(app, parsed, parsed.GetValue(ids) ?? []));
        app.Examples(command, "skillprint evidence list --skill async.queue", "skillprint evidence dismiss 42");
        return command;
    }

    private static int Run(CliApp app, ParseResult parsed, long[] ids)
    {
        using var store = app.OpenStore(parsed);
        var output = app.Context.Out.Profile.Out.Writer;
        var missing = new List<long>();
        foreach (var id in ids)
        {
            var hit = store.FindCodeHit(id);
            if (hit is null || !store.DismissHit(id, app.Context.Time.GetUtcNow()))
            {
                missing.Add(id);
                continue;
            }

            output.WriteLine($"Dismissed {id}: {hit.Skill} in {hit.Repository}/{hit.Path}:{hit.Line}");
        }

        if (missing.Count > 0)
        {
            throw new CommandFailedException($"no code hit with id {string.Join(", ", missing)}; see 'skillprint evidence list'");
        }

        return ExitCodes.Ok;
    }
}
