using Skillprint.Core.Repositories;

namespace Skillprint.Core.Tests.Repositories;

public sealed class CodeLinksTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Theory]
    [InlineData("https://github.com/pallets/click.git", "https://github.com/pallets/click/blob/" + Commit + "/src/click/core.py#L12")]
    [InlineData("git@github.com:pallets/click.git", "https://github.com/pallets/click/blob/" + Commit + "/src/click/core.py#L12")]
    [InlineData("ssh://git@github.com/pallets/click", "https://github.com/pallets/click/blob/" + Commit + "/src/click/core.py#L12")]
    [InlineData("https://gitlab.com/group/sub/tool.git", "https://gitlab.com/group/sub/tool/-/blob/" + Commit + "/src/click/core.py#L12")]
    [InlineData("git@bitbucket.org:team/app.git", "https://bitbucket.org/team/app/src/" + Commit + "/src/click/core.py#lines-12")]
    [InlineData("https://codeberg.org/forgejo/forgejo.git", "https://codeberg.org/forgejo/forgejo/src/commit/" + Commit + "/src/click/core.py#L12")]
    [InlineData("https://gitea.example.org/ops/deploy", "https://gitea.example.org/ops/deploy/src/commit/" + Commit + "/src/click/core.py#L12")]
    [InlineData("https://gitlab.example.org/a/b/c", "https://gitlab.example.org/a/b/c/-/blob/" + Commit + "/src/click/core.py#L12")]
    public void Each_host_gets_its_own_blob_url_shape(string remote, string expected) =>
        CodeLinks.BlobUrl(remote, Commit, "src/click/core.py", 12).ShouldBe(expected);

    [Theory]
    [InlineData("https://github.com/o/r", "https://github.com/o/r/blob/" + Commit + "/a.py#L3-L5")]
    [InlineData("https://gitlab.com/o/r", "https://gitlab.com/o/r/-/blob/" + Commit + "/a.py#L3-5")]
    [InlineData("https://bitbucket.org/o/r", "https://bitbucket.org/o/r/src/" + Commit + "/a.py#lines-3:5")]
    [InlineData("https://codeberg.org/o/r", "https://codeberg.org/o/r/src/commit/" + Commit + "/a.py#L3-L5")]
    public void A_range_of_lines_is_linked_as_a_range(string remote, string expected) =>
        CodeLinks.BlobUrl(remote, Commit, "a.py", 3, 5).ShouldBe(expected);

    [Fact]
    public void A_password_or_token_in_the_remote_never_reaches_the_link()
    {
        var url = CodeLinks.BlobUrl("https://ada:ghp_secret@github.com/o/r.git", Commit, "a.py", 1);
        url.ShouldBe("https://github.com/o/r/blob/" + Commit + "/a.py#L1");
    }

    [Fact]
    public void Path_segments_are_escaped_and_the_slashes_kept()
    {
        CodeLinks.BlobUrl("https://github.com/o/r", Commit, "docs/my notes/a#b?.py", 7)
            .ShouldBe("https://github.com/o/r/blob/" + Commit + "/docs/my%20notes/a%23b%3F.py#L7");
    }

    [Theory]
    [InlineData(null, Commit)]
    [InlineData("", Commit)]
    [InlineData("/home/ada/src/app", Commit)]
    [InlineData("https://example.org/o/r.git", Commit)]
    [InlineData("https://github.com/only-owner", Commit)]
    [InlineData("https://github.com/o/r/extra", Commit)]
    [InlineData("https://github.com/o/r", null)]
    [InlineData("https://github.com/o/r", "main")]
    [InlineData("https://github.com/o/r", "javascript:alert(1)")]
    [InlineData("javascript:alert(1)//github.com/o/r", Commit)]
    public void Without_a_known_host_or_a_commit_id_there_is_no_link(string? remote, string? commit) =>
        CodeLinks.BlobUrl(remote, commit, "a.py", 1).ShouldBeNull();
}
