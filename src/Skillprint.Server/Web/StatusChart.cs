using System.Globalization;
using Skillprint.Core;
using Skillprint.Core.Status;

namespace Skillprint.Server.Web;

/// <summary>One topic of the chart on my page: the three levels and how strong the code evidence is.</summary>
public sealed record ChartRow(string Topic, string Name, Level Self, Level Evidenced, Level Target, string? Strength);

/// <summary>
/// The geometry of my page's chart, an SVG drawn by the server: per topic a label line and three
/// bars (self-assessed, evidenced, target) on a scale from None to Expert. The page's markup draws
/// it (so every text is escaped by Razor); this class only says where things go.
/// </summary>
public sealed class StatusChart(IReadOnlyList<ChartRow> rows)
{
    public const int Width = 400;
    public const int Top = 22;
    public const int RowHeight = 50;
    public const int BarHeight = 7;
    private const int Scale = Width - 8;

    public IReadOnlyList<ChartRow> Rows => rows;

    public int Height => Top + (rows.Count * RowHeight) + 4;

    public static IReadOnlyList<Level> Levels { get; } = Enum.GetValues<Level>();

    /// <summary>The x of a level on the scale (None at the left edge).</summary>
    public static double X(Level level) => 4 + (Scale * (int)level / 4.0);

    /// <summary>The top of row <paramref name="index"/> (its label line).</summary>
    public static int RowY(int index) => Top + (index * RowHeight);

    /// <summary>The top of bar <paramref name="bar"/> (0 self, 1 evidenced, 2 target) of a row.</summary>
    public static int BarY(int index, int bar) => RowY(index) + 18 + (bar * (BarHeight + 2));

    /// <summary>A bar's length; a level of None still shows a sliver so the row reads as empty, not missing.</summary>
    public static double BarWidth(Level level) => Math.Max(2, X(level) - X(Level.None));

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>How much the code evidence of a topic weighs, in words; null without any.</summary>
    public static string? StrengthOf(EvidenceStrength strength)
    {
        ArgumentNullException.ThrowIfNull(strength);
        return strength.IsEmpty
            ? null
            : $"{Count(strength.Places, "place")} in {Count(strength.Files, "file")}, {Count(strength.Repositories, "repository", "repositories")}";
    }

    private static string Count(int count, string one, string? many = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
