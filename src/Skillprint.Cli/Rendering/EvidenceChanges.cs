using System.CommandLine;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Rendering;

/// <summary>What `evidence dismiss|restore|remove` share: the ID arguments and the report of what
/// each change did, one line an id.</summary>
internal static class EvidenceChanges
{
    public static Argument<string[]> CreateIdsArgument(string what) => new("ID")
    {
        Description = $"{what}, as `skillprint evidence list` shows them: h42 is code hit 42, m4 is manual evidence 4.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>The ids as typed, or a usage error naming the first that is not an evidence id.</summary>
    public static IReadOnlyList<EvidenceRef> Parse(IEnumerable<string> texts)
    {
        var ids = new List<EvidenceRef>();
        foreach (var text in texts)
        {
            if (!EvidenceRef.TryParse(text, out var id, out var error))
            {
                throw new UsageException(error, "see 'skillprint evidence list' for the ids");
            }

            ids.Add(id);
        }

        return ids.Distinct().ToList();
    }

    /// <summary>One line a change ("Dismissed h42: async.queue in api: jobs.py:12"); exit 1 when any
    /// id was not found or not the person's, after the lines of the others.</summary>
    public static int Report(CliApp app, IReadOnlyList<EvidenceChange> changes, string done, string unchanged)
    {
        var output = app.Context.Out.Profile.Out.Writer;
        var failures = new List<string>();
        foreach (var change in changes)
        {
            switch (change.Outcome)
            {
                case EvidenceOutcome.Done:
                    output.WriteLine($"{done} {change.Id}: {change.What}");
                    break;
                case EvidenceOutcome.Unchanged:
                    output.WriteLine($"{change.Id} was {unchanged}: {change.What}");
                    break;
                case EvidenceOutcome.NotFound:
                    failures.Add($"no evidence {change.Id}");
                    break;
                case EvidenceOutcome.NotYours:
                    failures.Add($"{change.Id} ({change.What}) is credited to {change.Owner}, not to you; if that is you: skillprint person alias EMAIL");
                    break;
                default:
                    failures.Add($"{change.Id}: {change.What}");
                    break;
            }
        }

        if (failures.Count > 0)
        {
            throw new CommandFailedException(string.Join("; ", failures) + "; see 'skillprint evidence list'");
        }

        return ExitCodes.Ok;
    }
}
