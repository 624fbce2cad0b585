using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Growth;

/// <summary>Why a role expects a level in a topic.</summary>
public enum TargetSource
{
    /// <summary>The topic is in one of the role's tracks: the target of the topic's relevance.</summary>
    Relevance,

    /// <summary>The role file names the topic under <c>targets:</c>.</summary>
    Override,
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
/// or not; a target of None leaves the topic out. With several roles the highest target wins.
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

    /// <summary>The combined targets of several roles (the highest per topic), in topic order.</summary>
    public static IReadOnlyList<TopicTarget> Combine(Framework framework, IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var perRole = roles.Select(role => Of(framework, role)).ToList();
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
