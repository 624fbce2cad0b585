using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.Teams;

/// <summary>What one topic's code gives a member: the evidenced level, what it stands on, and the
/// newest places of the evidence (at most <see cref="TeamMatrix.PlacesPerCell"/>).</summary>
public sealed record TopicCode(Level EvidencedLevel, EvidenceStrength Strength, IReadOnlyList<MatrixPlace> Places);

/// <summary>
/// The part of a member's standing that comes from their code: per topic what <c>status</c> shows
/// (the same level model over the same hits), and the skills they hold on <see cref="ComputedAt"/>
/// (see <see cref="TeamMatrix"/>). It is the costly part of a matrix (every hit of the member), and
/// changes only when code evidence does, so the server keeps it between requests
/// (<see cref="CodeStandingCache"/>).
/// </summary>
public sealed record CodeStanding(IReadOnlyDictionary<string, TopicCode> Topics, IReadOnlySet<string> Held, DateTimeOffset ComputedAt)
{
    private static readonly TopicCode Nothing = new(Level.None, EvidenceStrength.None, []);

    /// <summary>The code standing of <paramref name="code"/> (a member's code evidence items) at
    /// <paramref name="time"/>'s now.</summary>
    public static CodeStanding Of(Framework framework, IEnumerable<EvidenceItem> code, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(time);
        var status = PersonalStatus.Compute(framework, [], code.Where(e => e.Kind == EvidenceKind.Code), time);
        var topics = status.Topics.ToDictionary(
            t => t.Id,
            t => new TopicCode(t.EvidencedLevel, t.Strength, PlacesOf(t)),
            StringComparer.Ordinal);
        return new CodeStanding(topics, TeamMatrix.Held(framework, status, status.GeneratedAt.AddMonths(-TeamMatrix.RecentMonths)), status.GeneratedAt);
    }

    /// <summary>The topic's code (nothing for a topic without any).</summary>
    public TopicCode Topic(string id) => Topics.GetValueOrDefault(id) ?? Nothing;

    private static List<MatrixPlace> PlacesOf(TopicStatus topic) =>
        [
            .. topic.Evidence
                .Where(e => e.Kind == EvidenceKind.Code && e.Code is not null && e.Skill is not null)
                .Take(TeamMatrix.PlacesPerCell)
                .Select(e => new MatrixPlace(e.Skill!, e.Code!.Repository, e.Code.Path, e.Code.Line, e.At)),
        ];
}

/// <summary>
/// What the matrix is computed from for one member: who they are, their code standing, and their
/// latest self-assessed level per topic (read fresh on every request: it is one small query).
/// </summary>
public sealed record MemberStanding(TeamPerson Person, CodeStanding Code, IReadOnlyDictionary<string, Level> SelfLevels)
{
    /// <summary>The member's standing from their self-assessments and code evidence, as
    /// <c>status</c> computes it.</summary>
    public static MemberStanding Of(Framework framework, TeamPerson person, IEnumerable<SelfAssessment> assessments, IEnumerable<EvidenceItem> code, TimeProvider time) =>
        new(person, CodeStanding.Of(framework, code, time), SelfLevelsOf(framework, assessments));

    /// <summary>The latest self-assessed level per topic (topics without one left out), picked as
    /// <c>status</c> picks it: records of the framework (or of none), topics through its
    /// <c>moved:</c> map, the latest time, and of two at the same time the one given later.</summary>
    public static IReadOnlyDictionary<string, Level> SelfLevelsOf(Framework framework, IEnumerable<SelfAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(assessments);
        var latest = new Dictionary<string, SelfAssessment>(StringComparer.Ordinal);
        foreach (var assessment in assessments)
        {
            if (!string.IsNullOrEmpty(assessment.Framework) && !string.Equals(assessment.Framework, framework.Id, StringComparison.Ordinal))
            {
                continue;
            }

            var topic = framework.Resolve(assessment.Topic);
            if (framework.FindTopic(topic) is not null && (!latest.TryGetValue(topic, out var kept) || assessment.At >= kept.At))
            {
                latest[topic] = assessment;
            }
        }

        return latest.Where(pair => pair.Value.Level != Level.None).ToDictionary(pair => pair.Key, pair => pair.Value.Level, StringComparer.Ordinal);
    }

    public Level SelfLevel(string topic) => SelfLevels.GetValueOrDefault(topic, Level.None);

    /// <summary>The level a role's target is judged by: evidenced once there is one, else self.</summary>
    public Level CurrentLevel(string topic) => Code.Topic(topic).EvidencedLevel is var evidenced and not Level.None ? evidenced : SelfLevel(topic);
}
