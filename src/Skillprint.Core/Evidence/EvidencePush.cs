using Skillprint.Core.People;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Evidence;

/// <summary>One hit as `scan --push` sends it: what it shows, where, and who wrote the line when.
/// The source line travels only when the pusher asks for it (<c>--with-snippets</c>).</summary>
public sealed record PushedHit(
    string Topic,
    string Skill,
    string Path,
    int Line,
    int EndLine,
    string? Author,
    string? Commit,
    DateTimeOffset? At,
    string? Snippet = null);

/// <summary>What one scan of one repository found, pushed to a server: the repository by its
/// identity (root commit and remote, as the scan computed it), and its hits.</summary>
public sealed record EvidencePush(
    string Framework,
    string RepositoryIdentity,
    string RepositoryName,
    string? Remote,
    IReadOnlyList<PushedHit> Hits)
{
    /// <summary>
    /// What a scan stored for one repository, as `scan --push` sends it: every hit with its skill,
    /// path, lines and who wrote the line when; the source line only <paramref name="withSnippets"/>.
    /// The remote travels normalised (no user or password a clone URL may hold); hits are in path and
    /// line order, so the same scan always makes the same push.
    /// </summary>
    public static EvidencePush FromScan(string framework, RepositoryInfo repository, RepositoryState state, bool withSnippets)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(state);
        var hits = state.Files.Values
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .SelectMany(f => f.Hits
                .OrderBy(h => h.Line)
                .ThenBy(h => h.EndLine)
                .ThenBy(h => h.Skill, StringComparer.Ordinal)
                .Select(h => new PushedHit(h.Topic, h.Skill, f.Path, h.Line, h.EndLine, h.Author?.Email, h.Author?.Commit, h.Author?.At, withSnippets ? h.Snippet : null)))
            .ToList();
        var remote = repository.Remote is { } url ? RepositoryNames.NormalizeRemote(url) : null;
        return new EvidencePush(state.Framework ?? framework, repository.Identity, repository.Name, remote, hits);
    }
}

/// <summary>What a push did: how many hits now stand for the person in the repository, how many
/// were left out because another author wrote their line (a team push: because no author is
/// known), whether anything changed, and (a team push) how many of the authors are no one's email:
/// unclaimed identities, kept for an admin to link. <paramref name="EveryAuthor"/>: a team push.</summary>
public sealed record PushResult(string Repository, int Kept, int Ignored, bool Changed, int Unclaimed = 0, bool EveryAuthor = false);

/// <summary>The store as a push needs it (implemented by Skillprint.Store).</summary>
public interface IPushStore
{
    /// <summary>
    /// Makes the pushed hits written under <paramref name="person"/>'s emails their evidence in the
    /// repository, in one transaction: the same push twice changes nothing (ids stay), a push after
    /// a rescan replaces what the last one brought, and a push that fails leaves the previous
    /// evidence whole. Hits by other authors are not kept: a person pushes only their own evidence.
    /// </summary>
    Task<PushResult> ReplacePushedEvidenceAsync(PersonId person, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default);

    /// <summary>
    /// A team token's push (a repository's CI): every hit with an author is kept under its author's
    /// email, and the repository's pushed evidence of every author is replaced, in one transaction,
    /// the same push twice changing nothing. A hit whose author is no one's email is kept all the
    /// same, as an unclaimed identity (<see cref="PushResult.Unclaimed"/> counts them) that an admin
    /// can link to a person; hits with no author are ignored.
    /// </summary>
    Task<PushResult> ReplaceTeamPushedEvidenceAsync(long team, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default);
}
