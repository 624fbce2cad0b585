using System.Collections.Concurrent;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;

namespace Skillprint.Core.Teams;

/// <summary>
/// Code standings kept between requests, in the server's memory. An entry is used only while the
/// store's evidence stamp (<see cref="Evidence.IEvidenceStore.GetEvidenceStampAsync"/>: any scan,
/// push, removed repository or dismissal changes it), the person's emails, the framework object and
/// the UTC day it was computed on are all the same; otherwise the standing is computed again. So a
/// matrix never shows what the store no longer holds, and holding (code of the last 12 months) is
/// judged as of the day.
/// </summary>
public sealed class CodeStandingCache(TimeProvider time, int capacity = 100_000)
{
    private readonly ConcurrentDictionary<(long Person, string Framework), Entry> entries = new();

    private sealed record Entry(Framework Framework, string Stamp, string Emails, CodeStanding Standing);

    /// <summary>How many standings are kept.</summary>
    public int Count => entries.Count;

    /// <summary>The kept standing of <paramref name="person"/>, when it is still what the store holds.</summary>
    public CodeStanding? Find(Framework framework, Person person, string stamp)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        return entries.TryGetValue((person.Id.Value, framework.Id), out var entry)
            && ReferenceEquals(entry.Framework, framework)
            && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal)
            && string.Equals(entry.Emails, EmailsOf(person), StringComparison.Ordinal)
            && entry.Standing.ComputedAt.UtcDateTime.Date == time.GetUtcNow().UtcDateTime.Date
            ? entry.Standing
            : null;
    }

    /// <summary>Keeps <paramref name="standing"/>, computed under <paramref name="stamp"/>. Past the
    /// capacity every entry is dropped first (they are computed again on demand).</summary>
    public void Keep(Framework framework, Person person, string stamp, CodeStanding standing)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[(person.Id.Value, framework.Id)] = new Entry(framework, stamp, EmailsOf(person), standing);
    }

    private static string EmailsOf(Person person) =>
        string.Join('\n', person.Emails.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal));
}
