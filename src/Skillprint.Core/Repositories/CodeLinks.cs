using System.Text;
using System.Text.RegularExpressions;

namespace Skillprint.Core.Repositories;

/// <summary>The kinds of code host whose file pages Skillprint can link to.</summary>
public enum CodeHost
{
    GitHub,
    GitLab,
    Bitbucket,

    /// <summary>Gitea, Forgejo and Codeberg: the same URL shape.</summary>
    Gitea,
}

/// <summary>
/// A link to a line of code on its host, built from the repository's remote, the commit and the
/// path: nothing is fetched, so a link is only as good as the remote. The remote may be an HTTPS
/// URL (any user name or password in it is dropped), an <c>ssh://</c> URL or scp-like
/// (<c>git@host:owner/name.git</c>). The host is known by its name: github.com, gitlab.com,
/// bitbucket.org, codeberg.org and gitea.com, and a self-hosted one whose first label says what it
/// runs (github.*, gitlab.*, bitbucket.*, gitea.*, forgejo.*). Anything else has no link.
/// </summary>
public static partial class CodeLinks
{
    /// <summary>The URL of <paramref name="path"/> at <paramref name="commit"/>, on line
    /// <paramref name="line"/> (to <paramref name="endLine"/> when it is further down), or null
    /// when the remote is not on a known host or the commit is not a commit id.</summary>
    public static string? BlobUrl(string? remote, string? commit, string path, int line, int? endLine = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (commit is null || !CommitId().IsMatch(commit) || ParseRemote(remote) is not { } repository || line < 1)
        {
            return null;
        }

        var (host, kind, project) = repository;
        var file = string.Join('/', path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var last = endLine is { } end && end > line ? end : (int?)null;
        var url = new StringBuilder("https://").Append(host).Append('/').Append(project);
        _ = kind switch
        {
            CodeHost.GitHub => url.Append("/blob/").Append(commit).Append('/').Append(file).Append("#L").Append(line).Append(last is null ? "" : $"-L{last}"),
            CodeHost.GitLab => url.Append("/-/blob/").Append(commit).Append('/').Append(file).Append("#L").Append(line).Append(last is null ? "" : $"-{last}"),
            CodeHost.Bitbucket => url.Append("/src/").Append(commit).Append('/').Append(file).Append("#lines-").Append(line).Append(last is null ? "" : $":{last}"),
            _ => url.Append("/src/commit/").Append(commit).Append('/').Append(file).Append("#L").Append(line).Append(last is null ? "" : $"-L{last}"),
        };
        return url.ToString();
    }

    /// <summary>The host name, its kind and the project path (owner/name, or group/subgroup/name on
    /// GitLab) of a remote; null when it is not on a host this class knows.</summary>
    public static (string Host, CodeHost Kind, string Project)? ParseRemote(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        var text = remote.Trim();
        string host;
        string path;
        if (ScpLike().Match(text) is { Success: true } scp)
        {
            host = scp.Groups["host"].Value;
            path = scp.Groups["path"].Value;
        }
        else if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            host = uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else
        {
            return null;
        }

        host = host.ToLowerInvariant();
        if (KindOf(host) is not { } kind)
        {
            return null;
        }

        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = segments[^1][..^4];
        }

        var longest = kind == CodeHost.GitLab ? int.MaxValue : 2;
        if (segments.Count < 2 || segments.Count > longest || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            return null;
        }

        return (host, kind, string.Join('/', segments.Select(Uri.EscapeDataString)));
    }

    private static CodeHost? KindOf(string host)
    {
        var first = host.Split('.')[0];
        return host switch
        {
            "github.com" => CodeHost.GitHub,
            "gitlab.com" => CodeHost.GitLab,
            "bitbucket.org" => CodeHost.Bitbucket,
            "codeberg.org" or "gitea.com" => CodeHost.Gitea,
            _ when !host.Contains('.', StringComparison.Ordinal) => null,
            _ => first switch
            {
                "github" => CodeHost.GitHub,
                "gitlab" => CodeHost.GitLab,
                "bitbucket" => CodeHost.Bitbucket,
                "gitea" or "forgejo" => CodeHost.Gitea,
                _ => null,
            },
        };
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitId();

    // user@host:path, as git's scp-like syntax (no scheme, a colon before the first slash).
    [GeneratedRegex(@"^(?:[^@/:\s]+@)?(?<host>[A-Za-z0-9.-]+):(?!//)(?<path>[^\s]+)$")]
    private static partial Regex ScpLike();
}
