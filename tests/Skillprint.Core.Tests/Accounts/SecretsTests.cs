using Skillprint.Core.Accounts;

namespace Skillprint.Core.Tests.Accounts;

public sealed class SecretsTests
{
    [Fact]
    public void A_password_verifies_against_its_own_hash_only()
    {
        var hash = Secrets.HashPassword("correct horse battery", iterations: 1000);

        hash.ShouldStartWith("pbkdf2-sha512$1000$");
        hash.ShouldNotContain("correct horse battery");
        Secrets.VerifyPassword("correct horse battery", hash).ShouldBeTrue();
        Secrets.VerifyPassword("correct horse batterY", hash).ShouldBeFalse();
        Secrets.VerifyPassword("", hash).ShouldBeFalse();
        Secrets.HashPassword("correct horse battery", iterations: 1000).ShouldNotBe(hash, "each hash has its own salt");
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha512$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha512$10$not base64$AAAA")]
    [InlineData("md5$10$AAAA$AAAA")]
    public void A_hash_in_another_format_verifies_nothing(string hash) =>
        Secrets.VerifyPassword("anything at all", hash).ShouldBeFalse();

    [Fact]
    public void The_default_cost_is_OWASP_s_figure_for_PBKDF2_SHA512() =>
        Secrets.HashPassword("correct horse battery").ShouldStartWith("pbkdf2-sha512$210000$");

    [Fact]
    public void Token_secrets_are_random_prefixed_and_kept_as_their_SHA256()
    {
        var one = Secrets.NewTokenSecret();
        var two = Secrets.NewTokenSecret();

        one.ShouldStartWith("sp_");
        one.Length.ShouldBe(3 + 43);
        one.ShouldNotBe(two);
        one.ShouldMatch("^sp_[A-Za-z0-9_-]+$");
        Secrets.HashToken("sp_abc").ShouldBe("2aef24eaf2f2a47060daabfdd5435ffdf399a5a20f722af0ff990fea26526841", "sha256sum of the secret");
        Secrets.PrefixOf(one).ShouldBe(one[..10]);
    }

    [Fact]
    public void A_made_password_is_long_enough_and_has_no_look_alikes()
    {
        var password = Secrets.NewPassword();

        password.Length.ShouldBeGreaterThanOrEqualTo(AccountService.MinPasswordLength);
        password.ShouldNotContain('0');
        password.ShouldNotContain('O');
        password.ShouldNotContain('l');
        password.ShouldNotContain('1');
    }
}
