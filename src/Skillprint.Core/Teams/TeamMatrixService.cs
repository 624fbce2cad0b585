using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Teams;

/// <summary>Who reads a team's matrix: a person (by id) or an admin, who reads every team's.</summary>
public sealed record MatrixReader(PersonId Person, bool IsAdmin)
{
    /// <summary>The CLI on its own store: it reads everything, as an admin does.</summary>
    public static MatrixReader Local { get; } = new(PersonId.None, true);
}

/// <summary>
/// The team matrix as a reader may see it: an admin and the team's managers the full view, its
/// members the levels only; anyone else finds no such team (the store's query checks it).
/// </summary>
public sealed class TeamMatrixService(ITeamStore teams, IPeopleStore people, IEvidenceStore evidence, TimeProvider time)
{
    private readonly StatusService status = new(evidence, time);

    public async Task<TeamMatrix> ComputeAsync(Framework framework, long teamId, MatrixReader reader, Role? role, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(reader);
        var team = await new TeamService(teams, people, time).GetAsync(teamId, reader.IsAdmin ? null : reader.Person, cancel);
        var view = reader.IsAdmin || team.Managers.Any(m => m.Person == reader.Person) ? MatrixView.Full : MatrixView.Levels;
        var persons = new List<(TeamPerson Member, Person Person)>(team.Members.Count);
        foreach (var member in team.Members)
        {
            persons.Add((member, await people.GetPersonAsync(member.Person, cancel) ?? Person.Unsaved(member.Email)));
        }

        // The code hits of the whole team in one query (a hit has one author, an email one person),
        // then each member's share, so that a member's status is what `status` shows them.
        var owners = persons
            .SelectMany(p => p.Person.Emails.Select(email => (Email: email, p.Member.Person)))
            .GroupBy(o => o.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Person, StringComparer.OrdinalIgnoreCase);
        var hits = owners.Count == 0 ? [] : await evidence.ListCodeHitsAsync(new CodeHitQuery(framework.Id, [.. owners.Keys]), cancel);
        var hitsOf = hits.ToLookup(hit => hit.Author is { } author && owners.TryGetValue(author, out var owner) ? owner : PersonId.None);
        var standings = new List<MemberStanding>(persons.Count);
        foreach (var (member, person) in persons)
        {
            standings.Add(new MemberStanding(member, await status.ComputeAsync(framework, person, hitsOf[member.Person], person.PrimaryEmail, cancel)));
        }

        return TeamMatrix.Build(framework, team, standings, role, view, time.GetUtcNow());
    }
}
