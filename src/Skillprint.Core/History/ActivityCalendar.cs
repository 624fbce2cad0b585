namespace Skillprint.Core.History;

/// <summary>What a person did on one day: practice reviews, self-assessments, and evidence (manual
/// entries and the first code evidence of a skill).</summary>
public sealed record ActivityDay(DateOnly Day, int Reviews, int Assessments, int Evidence)
{
    public int Total => Reviews + Assessments + Evidence;
}

/// <summary>
/// A year of activity day by day, in whole weeks starting on Monday: the first day is the Monday
/// 52 weeks before the week holding the last day, so the grid has 53 columns of 7 (the last one cut
/// at the last day). Days are in UTC.
/// </summary>
public sealed record ActivityCalendar(DateOnly First, DateOnly Last, IReadOnlyList<ActivityDay> Days)
{
    public const int Weeks = 53;

    public int Busiest => Days.Count == 0 ? 0 : Days.Max(d => d.Total);

    public static ActivityCalendar Build(IEnumerable<HistoryEvent> events, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(events);
        var mondayOffset = ((int)last.DayOfWeek + 6) % 7;
        var first = last.AddDays(-mondayOffset - (7 * (Weeks - 1)));
        var counts = new Dictionary<DateOnly, (int Reviews, int Assessments, int Evidence)>();
        foreach (var e in events)
        {
            var day = DateOnly.FromDateTime(e.At.UtcDateTime);
            if (day < first || day > last)
            {
                continue;
            }

            var c = counts.GetValueOrDefault(day);
            counts[day] = e.Kind switch
            {
                HistoryKind.Review => c with { Reviews = c.Reviews + 1 },
                HistoryKind.Assessment => c with { Assessments = c.Assessments + 1 },
                HistoryKind.Evidence or HistoryKind.CodeEvidence => c with { Evidence = c.Evidence + 1 },
                _ => c,
            };
        }

        var days = new List<ActivityDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var c = counts.GetValueOrDefault(day);
            days.Add(new ActivityDay(day, c.Reviews, c.Assessments, c.Evidence));
        }

        return new ActivityCalendar(first, last, days);
    }
}
