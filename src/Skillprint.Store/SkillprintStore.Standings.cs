using Dapper;
using Skillprint.Core.Evidence;
using Skillprint.Core.People;
using Skillprint.Core.Status;

namespace Skillprint.Store;

/// <summary>The reads of many people at once that a team matrix and the organisation's bus-factor
/// report make, and the stamp that says when code evidence changed.</summary>
public sealed partial class SkillprintStore
{
    /// <summary>
    /// A text that changes whenever the code evidence of anyone may have changed: a scan or push
    /// begun or finished (they write hits and files), a repository removed, a hit dismissed or
    /// restored. Four index reads, however large the store.
    /// </summary>
    public Task<string> GetEvidenceStampAsync(CancellationToken cancel = default) => ReadAsync(
        async db =>
        {
            var row = await db.Connection.QuerySingleAsync<StampRow>(
                """
                SELECT (SELECT MAX(id) FROM scans) AS LastScan,
                       (SELECT CAST(finished_at AS TEXT) FROM scans ORDER BY id DESC LIMIT 1) AS LastFinished,
                       (SELECT COUNT(*) FROM repositories) AS Repositories,
                       (SELECT MAX(id) FROM hit_dismissals) AS LastDismissal,
                       (SELECT COUNT(*) FROM hit_dismissals) AS Dismissals
                """);
            return $"{row.LastScan}/{row.LastFinished}/{row.Repositories}/{row.LastDismissal}/{row.Dismissals}";
        },
        cancel);

    /// <summary>The persons of these ids that the store has, each with every email.</summary>
    public Task<IReadOnlyList<Person>> GetPersonsAsync(IReadOnlyCollection<PersonId> persons, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var ids = persons.Select(p => p.Value).Distinct().ToArray();
        return ids.Length == 0
            ? Task.FromResult<IReadOnlyList<Person>>([])
            : ReadAsync(db => LoadPersonsAsync(db, InList("p.id", "ids"), new { ids }), cancel);
    }

    /// <summary>The self-assessments of each of these persons in <paramref name="framework"/>, oldest
    /// first (as <see cref="GetSelfAssessmentsAsync"/> gives one person's); persons without any are
    /// left out.</summary>
    public Task<IReadOnlyDictionary<PersonId, IReadOnlyList<SelfAssessment>>> ListSelfAssessmentsAsync(
        IReadOnlyCollection<PersonId> persons, string framework, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var ids = persons.Select(p => p.Value).Distinct().ToArray();
        return ids.Length == 0
            ? Task.FromResult<IReadOnlyDictionary<PersonId, IReadOnlyList<SelfAssessment>>>(new Dictionary<PersonId, IReadOnlyList<SelfAssessment>>())
            : ReadAsync<IReadOnlyDictionary<PersonId, IReadOnlyList<SelfAssessment>>>(
                async db =>
                {
                    var rows = await db.Connection.QueryAsync<PersonAssessmentRow>(
                        $"""
                        SELECT a.person_id AS PersonId, p.primary_email AS Email, a.framework AS Framework, a.topic AS Topic,
                               a.level AS Level, a.note AS Note, a.at AS At
                        FROM self_assessments AS a JOIN persons AS p ON p.id = a.person_id
                        WHERE {InList("a.person_id", "ids")} AND a.framework = @framework
                        ORDER BY a.person_id, a.at, a.id
                        """,
                        new { ids, framework });
                    return rows
                        .GroupBy(row => row.PersonId)
                        .ToDictionary(
                            group => new PersonId(group.Key),
                            group => (IReadOnlyList<SelfAssessment>)[
                                .. group.Select(row => new SelfAssessment(
                                    row.Email,
                                    row.Framework,
                                    row.Topic,
                                    ReadLevel(row.Level),
                                    row.Note,
                                    StoredTime.Read(row.At, "self_assessments.at"))),
                            ]);
                },
                cancel);
    }

    private sealed class StampRow
    {
        public long? LastScan { get; set; }

        public string? LastFinished { get; set; }

        public long Repositories { get; set; }

        public long? LastDismissal { get; set; }

        public long Dismissals { get; set; }
    }

    private sealed class PersonAssessmentRow
    {
        public long PersonId { get; set; }

        public string Email { get; set; } = "";

        public string Framework { get; set; } = "";

        public string Topic { get; set; } = "";

        public string Level { get; set; } = "";

        public string? Note { get; set; }

        public object At { get; set; } = "";
    }
}
