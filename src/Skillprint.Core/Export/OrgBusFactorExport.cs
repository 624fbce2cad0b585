using System.Globalization;
using System.Text;
using CsvHelper;
using Skillprint.Core.Teams;

namespace Skillprint.Core.Export;

/// <summary>The organisation's bus-factor report as CSV (one record per skill) and Markdown; JSON is
/// the <see cref="OrgBusFactor"/> record itself.</summary>
public static class OrgBusFactorExport
{
    /// <summary>The CSV columns: one record per skill.</summary>
    public static readonly string[] CsvHeader = ["skill", "name", "topic", "level", "bus_factor", "holders", "island_teams"];

    /// <summary>Writes the report as CSV (RFC 4180 quoting), holders and teams separated by spaces.</summary>
    public static void WriteCsv(OrgBusFactor report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        csv.WriteHeader(CsvHeader);
        foreach (var skill in report.Skills)
        {
            csv.WriteRecord(
            [
                skill.Skill,
                skill.Name,
                skill.Topic,
                skill.Level.ToString(),
                skill.BusFactor.ToString(CultureInfo.InvariantCulture),
                skill.Holders is null ? "" : string.Join(' ', skill.Holders),
                string.Join(' ', skill.IslandTeams),
            ]);
        }

        csv.Flush();
    }

    /// <summary>The report as Markdown: the skills one person holds (with who and the teams that
    /// depend on them), the skills held by two or three, then how many skills nobody holds.</summary>
    public static string Markdown(OrgBusFactor report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"# Bus factor: {report.Framework}\n\n");
        page.Append(CultureInfo.InvariantCulture, $"{report.People} people in {report.Teams} teams. A person holds a skill when their code of the last {TeamMatrix.RecentMonths} months gives its topic {TeamMatrix.HoldingLevel} or above and shows the skill.\n\n");
        var islands = report.Islands.ToList();
        page.Append(CultureInfo.InvariantCulture, $"## Held by one person ({islands.Count})\n\n");
        if (islands.Count == 0)
        {
            page.Append("None.\n\n");
        }
        else
        {
            page.Append("| skill | level | holder | teams relying on them |\n|---|---|---|---|\n");
            foreach (var skill in islands)
            {
                page.Append(CultureInfo.InvariantCulture, $"| {Cell(skill.Name)} (`{skill.Skill}`) | {skill.Level} | {Cell(skill.Holders![0])} | {Cell(string.Join(", ", skill.IslandTeams))} |\n");
            }

            page.Append('\n');
        }

        var few = report.Skills.Where(s => s.BusFactor is > 1 and <= OrgBusFactor.NamedUpTo).ToList();
        page.Append(CultureInfo.InvariantCulture, $"## Held by two or three ({few.Count})\n\n");
        if (few.Count == 0)
        {
            page.Append("None.\n\n");
        }
        else
        {
            page.Append("| skill | level | holders | teams with one holder |\n|---|---|---|---|\n");
            foreach (var skill in few)
            {
                page.Append(CultureInfo.InvariantCulture, $"| {Cell(skill.Name)} (`{skill.Skill}`) | {skill.Level} | {Cell(string.Join(", ", skill.Holders!))} | {Cell(string.Join(", ", skill.IslandTeams))} |\n");
            }

            page.Append('\n');
        }

        var unheld = report.Unheld.Count();
        var wide = report.Skills.Count(s => s.BusFactor > OrgBusFactor.NamedUpTo);
        page.Append(CultureInfo.InvariantCulture, $"{wide} skills are held by more than {OrgBusFactor.NamedUpTo} people; {unheld} by nobody (`--format json` lists them all).\n");
        return page.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
