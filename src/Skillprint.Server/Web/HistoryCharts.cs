using System.Globalization;
using Skillprint.Core;
using Skillprint.Core.History;

namespace Skillprint.Server.Web;

/// <summary>
/// Where things go in the two SVGs of the history page, drawn by the server: the year calendar (a
/// column per week, Monday on top, a square per day shaded by how much happened) and each topic's
/// level over time (two lines, self-assessed and evidenced, on a scale from None to Expert). The
/// page's markup draws them, so every text is escaped by Razor.
/// </summary>
public static class HistoryCharts
{
    public const int Cell = 11;
    public const int Gap = 2;
    public const int CalendarLeft = 26;
    public const int CalendarTop = 14;
    public const int CalendarWidth = CalendarLeft + (ActivityCalendar.Weeks * (Cell + Gap));
    public const int CalendarHeight = CalendarTop + (7 * (Cell + Gap));

    public const int CurveWidth = 260;
    public const int CurveHeight = 96;
    private const int CurveLeft = 78;
    private const int CurveRight = 8;
    private const int CurveTop = 8;
    private const int CurveBottom = 20;

    /// <summary>The column (week) and row (0 Monday .. 6 Sunday) of a day.</summary>
    public static (int Week, int Row) Place(ActivityCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var offset = day.DayNumber - calendar.First.DayNumber;
        return (offset / 7, offset % 7);
    }

    public static int DayX(int week) => CalendarLeft + (week * (Cell + Gap));

    public static int DayY(int row) => CalendarTop + (row * (Cell + Gap));

    /// <summary>The shade of a day, 0 (nothing) to 4 (the busiest quarter), relative to the busiest day.</summary>
    public static int Shade(int total, int busiest) =>
        total <= 0 || busiest <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(4.0 * total / busiest), 1, 4);

    /// <summary>The weeks where a month begins, with the month's short name, for the labels on top.</summary>
    public static IReadOnlyList<(int Week, string Month)> MonthLabels(ActivityCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var labels = new List<(int, string)>();
        foreach (var day in calendar.Days.Where(d => d.Day.Day == 1))
        {
            // A month that begins in the last week would have its name cut at the right edge.
            var week = Place(calendar, day.Day).Week;
            if (week < ActivityCalendar.Weeks - 1)
            {
                labels.Add((week, day.Day.ToString("MMM", CultureInfo.InvariantCulture)));
            }
        }

        return labels;
    }

    /// <summary>A day's counts in words, for its tooltip and the table under the calendar.</summary>
    public static string Describe(ActivityDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var parts = new List<string>();
        Add(parts, day.Reviews, "review");
        Add(parts, day.Assessments, "assessment");
        Add(parts, day.Evidence, "evidence entry", "evidence entries");
        return Date(day.Day) + ": " + (parts.Count == 0 ? "nothing" : string.Join(", ", parts));
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The x of point <paramref name="index"/> of <paramref name="count"/> in a curve.</summary>
    public static double PointX(int index, int count) =>
        CurveLeft + (count <= 1 ? 0 : (CurveWidth - CurveLeft - CurveRight) * index / (double)(count - 1));

    /// <summary>The y of a level in a curve (None at the bottom).</summary>
    public static double LevelY(Level level) =>
        CurveTop + ((CurveHeight - CurveTop - CurveBottom) * (4 - (int)level) / 4.0);

    /// <summary>The SVG points attribute of one line of a curve.</summary>
    public static string Line(IReadOnlyList<LevelPoint> points, Func<LevelPoint, Level> level)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(level);
        return string.Join(' ', points.Select((p, i) => Number(PointX(i, points.Count)) + "," + Number(LevelY(level(p)))));
    }

    public static double AxisX => CurveLeft;

    public static double AxisRight => CurveWidth - CurveRight;

    public static double DateY => CurveHeight - 6;

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, int count, string one, string? many = null)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s"));
        }
    }
}
