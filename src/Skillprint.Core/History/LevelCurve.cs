using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.History;

/// <summary>A topic's two levels as they stood at the end of <see cref="At"/>.</summary>
public sealed record LevelPoint(DateOnly At, Level Self, Level Evidenced);

/// <summary>One topic's levels over time, oldest point first.</summary>
public sealed record TopicCurve(string Topic, string Name, IReadOnlyList<LevelPoint> Points);

/// <summary>
/// Each topic's self-assessed and evidenced level over the last months: the status computed again at
/// the end of each month from what was dated by then, by the same rule as <see cref="StatusChanges"/>
/// (the clock set to that moment, so evidence ages as it did then).
/// </summary>
public static class LevelCurve
{
    /// <summary>
    /// One point per month end from <paramref name="months"/> months ago, and a last one at
    /// <paramref name="now"/>; only topics that stood above None at some point are kept.
    /// </summary>
    public static IReadOnlyList<TopicCurve> Build(Framework framework, HistoryInputs inputs, IReadOnlyList<EvidenceItem> currentEvidence, DateTimeOffset now, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var moments = MonthEnds(now, months);
        var statuses = moments.Select(at => StatusChanges.StatusAt(framework, inputs, currentEvidence, at)).ToList();
        var curves = new List<TopicCurve>();
        for (var t = 0; t < framework.Topics.Count; t++)
        {
            var points = statuses
                .Select((status, i) => new LevelPoint(DateOnly.FromDateTime(moments[i].UtcDateTime), status.Topics[t].SelfLevel, status.Topics[t].EvidencedLevel))
                .ToList();
            if (points.Any(p => p.Self > Level.None || p.Evidenced > Level.None))
            {
                curves.Add(new TopicCurve(statuses[^1].Topics[t].Id, statuses[^1].Topics[t].Name, points));
            }
        }

        return curves;
    }

    /// <summary>The last instant of each of the <paramref name="months"/> months before the one
    /// holding <paramref name="now"/>, then <paramref name="now"/> itself.</summary>
    public static IReadOnlyList<DateTimeOffset> MonthEnds(DateTimeOffset now, int months)
    {
        var utc = now.ToUniversalTime();
        var thisMonth = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var ends = new List<DateTimeOffset>(months + 1);
        for (var back = months; back >= 1; back--)
        {
            ends.Add(thisMonth.AddMonths(1 - back).AddTicks(-1));
        }

        ends.Add(utc);
        return ends;
    }
}
