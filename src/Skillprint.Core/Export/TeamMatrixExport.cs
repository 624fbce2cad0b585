using System.Globalization;
using System.Text;
using CsvHelper;
using Skillprint.Core.Teams;

namespace Skillprint.Core.Export;

/// <summary>
/// A team matrix as CSV (one record per member and topic, for a spreadsheet) and as Markdown (topics
/// × members, then islands, bus factors and a role's targets). JSON is the <see cref="TeamMatrix"/>
/// record itself.
/// </summary>
public static class TeamMatrixExport
{
    /// <summary>The CSV columns; the strength columns are empty in the levels-only view.</summary>
    public static readonly string[] CsvHeader =
        ["email", "topic", "topic_name", "evidenced_level", "self_level", "places", "files", "repositories", "last_evidence"];

    /// <summary>Writes the matrix as CSV (RFC 4180 quoting) to <paramref name="output"/>.</summary>
    public static void WriteCsv(TeamMatrix matrix, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        var names = matrix.Topics.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        csv.WriteHeader(CsvHeader);
        foreach (var row in matrix.Members)
        {
            foreach (var cell in row.Cells)
            {
                var strength = cell.Strength;
                csv.WriteRecord(
                [
                    row.Email,
                    cell.Topic,
                    names.GetValueOrDefault(cell.Topic, cell.Topic),
                    cell.EvidencedLevel.ToString(),
                    cell.SelfLevel.ToString(),
                    Number(strength?.Places),
                    Number(strength?.Files),
                    Number(strength?.Repositories),
                    strength?.Last?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ]);
            }
        }

        csv.Flush();
    }

    /// <summary>The matrix as a Markdown page: a table of topics (rows) × members (columns) with
    /// "evidenced (self)" levels, only topics where someone has a level; then the knowledge islands,
    /// every skill someone holds with its bus factor, and the role's targets when one was given.</summary>
    public static string Markdown(TeamMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"# Team {matrix.Team}: {matrix.Framework}\n\n");
        page.Append(CultureInfo.InvariantCulture, $"{Count(matrix.Members.Count, "member")}; levels as evidenced (self). A member holds a skill when their code of the last {TeamMatrix.RecentMonths} months gives its topic {TeamMatrix.HoldingLevel} or above and shows the skill.\n\n");
        var topics = matrix.Topics
            .Where(t => matrix.Members.Any(m => m.Cells.Any(c => c.Topic == t.Id && (c.EvidencedLevel != Level.None || c.SelfLevel != Level.None))))
            .ToList();
        if (matrix.Members.Count == 0 || topics.Count == 0)
        {
            page.Append(matrix.Members.Count == 0 ? "The team has no members yet.\n" : "No member has a level in any topic yet.\n");
        }
        else
        {
            MarkdownExport.AppendTable(
                page,
                ["Topic", .. matrix.Members.Select(m => m.Email)],
                topics.Select(t => (string[])[t.Name, .. matrix.Members.Select(m => LevelText(m.Cells.First(c => c.Topic == t.Id)))]));
        }

        page.Append("\n## Knowledge islands\n\n");
        page.Append(matrix.Islands.Count == 0
            ? "No skill is held by exactly one member.\n"
            : string.Concat(matrix.Islands.Select(s => $"- {s.Name} ({s.Skill}, {s.Level}){HoldersText(s)}\n")));

        var held = matrix.BusFactor.Where(s => s.BusFactor > 0).OrderBy(s => s.BusFactor).ThenBy(s => s.Skill, StringComparer.Ordinal).ToList();
        page.Append("\n## Bus factor\n\n");
        page.Append(CultureInfo.InvariantCulture, $"{held.Count} of {matrix.BusFactor.Count} detectable skills are held by at least one member.\n");
        if (held.Count > 0)
        {
            page.Append('\n');
            MarkdownExport.AppendTable(
                page,
                ["Skill", "Topic", "Level", "Bus factor", "Held by"],
                held.Select(s => (string[])[s.Name, s.Topic, s.Level.ToString(), s.BusFactor.ToString(CultureInfo.InvariantCulture), s.Holders is null ? "" : string.Join(", ", s.Holders)]));
        }

        if (matrix.Role is { } role)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n## Against {role.Name} ({role.Role})\n\n");
            MarkdownExport.AppendTable(
                page,
                ["Topic", "Target", "Members meeting it", "Below"],
                role.Targets.Select(t => (string[])[t.Name, t.Target.ToString(), $"{t.Meeting} of {t.Members}", string.Join(", ", t.Below)]));
        }

        return page.ToString();
    }

    private static string LevelText(MatrixCell cell) =>
        cell.EvidencedLevel == Level.None && cell.SelfLevel == Level.None ? "" : $"{Short(cell.EvidencedLevel)} ({Short(cell.SelfLevel)})";

    private static string Short(Level level) => level == Level.None ? "-" : level.ToString();

    private static string HoldersText(SkillCover skill) => skill.Holders is { Count: > 0 } holders ? ": " + string.Join(", ", holders) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
