using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Growth;

/// <summary>Why a role expects a level in a topic.</summary>
public enum TargetSource
{
    /// <summary>The topic is in one of the role's tracks: the target of the topic's relevance.</summary>
    Relevance,

    /// <summary>The role file names the topic under <c>targets:</c>.</summary>
    Override,

    /// <summary>The grade's cap (framework.yaml <c>grades:</c>) lowered the role's target to it.</summary>
    GradeCap,

    /// <summary>The role file names the topic under <c>grades: &lt;grade&gt;:</c>.</summary>
    GradeOverride,
}

/// <summary>The level one role expects in one topic, and why.</summary>
public sealed record RoleTarget(string Role, string Topic, Level Target, TargetSource Source);

/// <summary>
/// The level a person aims for in a topic when they follow several roles: the highest target any of
/// them sets. <see cref="From"/> lists every role's own target for the topic.
/// </summary>
public sealed record TopicTarget(Topic Topic, Level Target, IReadOnlyList<RoleTarget> From)
{
    /// <summary>The roles that set the highest target, in the order the roles were given.</summary>
    public IEnumerable<string> Roles => From.Where(t => t.Target == Target).Select(t => t.Role);
}

/// <summary>
/// The targets of roles. The rule: a topic of one of the role's tracks gets the target of its
/// relevance (framework.yaml, e.g. Critical → Advanced, High → Intermediate); then an explicit
/// <c>targets:</c> entry of the role file replaces it, whether the topic is in the role's tracks
/// or not; a target of None leaves the topic out. At a seniority grade, each of those targets is
/// then capped at the grade's cap, and the role file's <c>grades: &lt;grade&gt;:</c> entries replace
/// (or add, or with None drop) single topics. With several roles the highest target wins.
/// </summary>
public static class RoleTargets
{
    /// <summary>One role's targets, in the framework's topic order.</summary>
    public static IReadOnlyList<RoleTarget> Of(Framework framework, Role role)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(role);
        var targets = new List<RoleTarget>();
        foreach (var topic in framework.Topics)
        {
            RoleTarget? target = null;
            if (topic.Tracks.Any(track => role.Tracks.Contains(track, StringComparer.Ordinal)))
            {
                target = new RoleTarget(role.Id, topic.Id, framework.RelevanceOf(topic).Target, TargetSource.Relevance);
            }

            if (role.Targets.TryGetValue(topic.Id, out var level))
            {
                target = new RoleTarget(role.Id, topic.Id, level, TargetSource.Override);
            }

            if (target is { Target: not Level.None })
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    /// <summary>
    /// One role's targets at a seniority grade of the framework (any case), in topic order; with
    /// <paramref name="grade"/> null, the role's targets as written (<see cref="Of(Framework, Role)"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The framework has no grade of that id.</exception>
    public static IReadOnlyList<RoleTarget> Of(Framework framework, Role role, string? grade)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(role);
        var written = Of(framework, role);
        if (grade is null)
        {
            return written;
        }

        var known = framework.FindGrade(grade)
            ?? throw new ArgumentException(framework.Grades.Count == 0
                ? $"the framework '{framework.Id}' has no grades"
                : $"unknown grade '{grade}' (the framework '{framework.Id}' has: {string.Join(", ", framework.Grades.Select(g => g.Id))})", nameof(grade));
        var entries = role.GradeTargets.GetValueOrDefault(known.Id);
        var targets = new List<RoleTarget>();
        foreach (var topic in framework.Topics)
        {
            var target = written.FirstOrDefault(t => string.Equals(t.Topic, topic.Id, StringComparison.Ordinal));
            if (target is not null && target.Target > known.Cap)
            {
                target = target with { Target = known.Cap, Source = TargetSource.GradeCap };
            }

            if (entries is not null && entries.TryGetValue(topic.Id, out var level))
            {
                target = new RoleTarget(role.Id, topic.Id, level, TargetSource.GradeOverride);
            }

            if (target is { Target: not Level.None })
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    /// <summary>The combined targets of several roles (the highest per topic), in topic order.</summary>
    public static IReadOnlyList<TopicTarget> Combine(Framework framework, IEnumerable<Role> roles) =>
        Combine(framework, roles.Select(role => (role, (string?)null)));

    /// <summary>
    /// The combined targets of several roles, each at its own grade (null: as written), the highest
    /// per topic, in topic order.
    /// </summary>
    public static IReadOnlyList<TopicTarget> Combine(Framework framework, IEnumerable<(Role Role, string? Grade)> roles)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(roles);
        var perRole = roles.Select(choice => Of(framework, choice.Role, choice.Grade)).ToList();
        var result = new List<TopicTarget>();
        foreach (var topic in framework.Topics)
        {
            var from = perRole
                .Select(targets => targets.FirstOrDefault(t => string.Equals(t.Topic, topic.Id, StringComparison.Ordinal)))
                .OfType<RoleTarget>()
                .ToList();
            if (from.Count > 0)
            {
                result.Add(new TopicTarget(topic, from.Max(t => t.Target), from));
            }
        }

        return result;
    }
}
