using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Teams;

/// <summary>
/// Reads the standings of many people for a matrix or a report: their self-assessments in one
/// query, and their code standings from <see cref="CodeStandingCache"/> when it still holds them,
/// else from their code hits (one query per <see cref="Batch"/> people, dismissed hits left out).
/// </summary>
public sealed class StandingReader(IEvidenceStore evidence, TimeProvider time, CodeStandingCache? cache = null)
{
    /// <summary>How many people's hits one query reads.</summary>
    public const int Batch = 100;

    public async Task<IReadOnlyList<MemberStanding>> ReadAsync(Framework framework, IReadOnlyList<(TeamPerson Member, Person Person)> persons, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(persons);
        var stored = persons.Where(p => p.Person.IsStored).Select(p => p.Person.Id).ToList();
        var assessments = await evidence.ListSelfAssessmentsAsync(stored, framework.Id, cancel);
        var stamp = cache is null ? "" : await evidence.GetEvidenceStampAsync(cancel);

        var code = new Dictionary<PersonId, CodeStanding>();
        var missing = new List<Person>();
        foreach (var (_, person) in persons)
        {
            if (cache?.Find(framework, person, stamp) is { } kept)
            {
                code[person.Id] = kept;
            }
            else
            {
                missing.Add(person);
            }
        }

        foreach (var batch in missing.Chunk(Batch))
        {
            // A hit has one author, and an email one person.
            var owners = batch
                .SelectMany(p => p.Emails.Select(email => (Email: email, p.Id)))
                .GroupBy(o => o.Email, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
            var hits = owners.Count == 0 ? [] : await evidence.ListCodeHitsAsync(new CodeHitQuery(framework.Id, [.. owners.Keys]), cancel);
            var now = time.GetUtcNow();
            var hitsOf = hits.ToLookup(hit => hit.Author is { } author && owners.TryGetValue(author, out var owner) ? owner : PersonId.None);
            foreach (var person in batch)
            {
                var standing = CodeStanding.Of(framework, hitsOf[person.Id].Select(hit => hit.ToEvidence(now)), time);
                code[person.Id] = standing;
                if (person.IsStored)
                {
                    cache?.Keep(framework, person, stamp, standing);
                }
            }
        }

        return
        [
            .. persons.Select(p => new MemberStanding(
                p.Member,
                code[p.Person.Id],
                MemberStanding.SelfLevelsOf(framework, assessments.GetValueOrDefault(p.Person.Id) ?? []))),
        ];
    }
}
