using System.Collections.Concurrent;
using Skillprint.Core.People;

namespace Skillprint.Core.Audit;

/// <summary>
/// The views the log holds already: a reader who opens the same data again within
/// <see cref="Window"/> is not recorded again, so the log says who looked at whose data without an
/// event per refresh (a manager's matrix of 50 people wrote 51 events a read). Kept in the
/// server's memory: after a restart, or on another server, the first read is recorded again.
/// </summary>
public sealed class ViewThrottle(TimeProvider time, int capacity = 100_000)
{
    /// <summary>How long a recorded view stands for the same reader's next reads.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(AuditActor Actor, string Action, string? Target, PersonId Subject), DateTimeOffset> seen = new();

    /// <summary>The subjects (<see cref="PersonId.None"/> for the view of the whole, say a team) whose
    /// view by <paramref name="actor"/> is not recorded within the window; they count as recorded now.</summary>
    public IReadOnlyList<PersonId> Unrecorded(AuditActor actor, string action, string? target, IEnumerable<PersonId> subjects)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subjects);
        var now = time.GetUtcNow();
        if (seen.Count >= capacity)
        {
            seen.Clear();
        }

        var fresh = new List<PersonId>();
        foreach (var subject in subjects.Distinct())
        {
            var key = (actor, action, target, subject);
            if (seen.TryGetValue(key, out var at) && now - at < Window)
            {
                continue;
            }

            seen[key] = now;
            fresh.Add(subject);
        }

        return fresh;
    }
}
