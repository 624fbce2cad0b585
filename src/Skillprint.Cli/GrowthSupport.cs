using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;

namespace Skillprint.Cli;

/// <summary>Options and lookups the growth commands share.</summary>
internal static class GrowthSupport
{
    /// <summary>`--at TIME`: act as at this time (for scripts and tests).</summary>
    public static Option<string?> CreateAtOption(string what = "Act as at this time") => new("--at")
    {
        Description = $"{what} (ISO 8601: 2025-03-01, 2025-03-01T09:30, 2025-03-01T09:30:00+02:00; UTC when no offset is given). Default: now.",
        HelpName = "TIME",
    };

    /// <summary>Reads --at: a date (midnight UTC) or a date and time, UTC unless it names an offset;
    /// the context's clock when not given.</summary>
    public static DateTimeOffset Time(CliApp app, string? text, string option = "--at")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return app.Context.Time.GetUtcNow();
        }

        if (DateTimeOffset.TryParse(
            text.Trim(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time))
        {
            return time;
        }

        throw new UsageException(
            $"{option}: '{text}' is not a time",
            "use ISO 8601, for example 2025-03-01, 2025-03-01T09:30 or 2025-03-01T09:30:00Z");
    }

    /// <summary>Reads everything the growth commands work from (see <see cref="GrowthService.LoadAsync"/>).</summary>
    public static async Task<GrowthData> LoadAsync(CliApp app, ParseResult parsed, Framework framework, string person, CancellationToken cancel)
    {
        using var store = app.OpenStore(parsed);
        return await new GrowthService(store, app.Context.Time).LoadAsync(framework, await CliApp.ReaderAsync(store, person, cancel), cancel);
    }

    /// <summary>A role by id (any case), or a usage error listing the roles.</summary>
    public static Role Role(Framework framework, string id)
    {
        var role = framework.FindRole(id.Trim())
            ?? framework.Roles.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return role ?? throw new UsageException(
            $"unknown role '{id}' in {FrameworkChoice.Describe(framework)}",
            $"roles: {string.Join(", ", framework.Roles.Select(r => r.Id))}");
    }

    /// <summary>A roadmap by id (any case), or a usage error listing the roadmaps.</summary>
    public static Roadmap Roadmap(Framework framework, string id)
    {
        var roadmap = framework.FindRoadmap(id.Trim())
            ?? framework.Roadmaps.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return roadmap ?? throw new UsageException(
            $"unknown roadmap '{id}' in {FrameworkChoice.Describe(framework)}",
            $"roadmaps: {string.Join(", ", framework.Roadmaps.Select(r => r.Id))}");
    }

    /// <summary>A topic or skill id for a mark: a topic id, a skill id (async.queue) or TOPIC/SKILL.</summary>
    public static MarkItem Item(Framework framework, string text)
    {
        if (MarkItem.Find(framework, text) is { } item)
        {
            return item;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            // Names what is wrong: the topic, or the skill within it.
            FrameworkChoice.TopicAndSkill(framework, framework.Resolve(text.Trim()));
        }

        throw new UsageException(
            $"unknown item '{text}': not a topic or skill of {FrameworkChoice.Describe(framework)}",
            "give a topic id (async) or a skill id (async.queue); see 'skillprint framework show'");
    }

    /// <summary>A card by id (any case), or a usage error.</summary>
    public static Card Card(Framework framework, string id)
    {
        var card = framework.FindCard(id.Trim())
            ?? framework.Cards.FirstOrDefault(c => string.Equals(c.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (card is null)
        {
            throw new UsageException(
                $"unknown card '{id}' in {FrameworkChoice.Describe(framework)}",
                "see 'skillprint practice due --format json' for card ids");
        }

        return card.IsDrillable
            ? card
            : throw new UsageException($"card '{card.Id}' has no answer yet and cannot be drilled");
    }

    /// <summary>The scheduler: FSRS-6 defaults; fuzz on unless --no-fuzz; fuzz drawn from --seed, else
    /// SKILLPRINT_SEED, else a random seed.</summary>
    public static FsrsScheduler Scheduler(CliApp app, int? seed, bool noFuzz)
    {
        var fromEnvironment = app.Context.GetVariable("SKILLPRINT_SEED");
        if (seed is null && fromEnvironment is not null)
        {
            seed = int.TryParse(fromEnvironment, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new UsageException($"SKILLPRINT_SEED: '{fromEnvironment}' is not a whole number");
        }

        var random = seed is { } value ? new Random(value) : new Random();
        return new FsrsScheduler(FsrsOptions.Default with { EnableFuzz = !noFuzz }, random);
    }

    /// <summary>A time as printed in tables: UTC, to the minute.</summary>
    public static string Show(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Percent(double share) => share.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}
