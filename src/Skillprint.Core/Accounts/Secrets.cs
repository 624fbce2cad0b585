using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Skillprint.Core.Accounts;

/// <summary>
/// Passwords and token secrets. A password is kept as PBKDF2 with HMAC-SHA-512, a random 16-byte
/// salt and 210,000 iterations (OWASP's figure for this hash), written as
/// <c>pbkdf2-sha512$ITERATIONS$SALT$KEY</c> (base64), so a later change of the count still reads
/// old hashes. A token's secret is 32 random bytes, <c>sp_</c> and base64url; the store keeps only
/// its SHA-256.
/// </summary>
public static class Secrets
{
    public const int DefaultIterations = 210_000;

    public const string TokenPrefix = "sp_";

    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    public static string HashPassword(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, KeyBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");
    }

    /// <summary>Whether <paramref name="password"/> is the one hashed; false for a hash in another format.</summary>
    public static bool VerifyPassword(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(hash);
        var parts = hash.Split('$');
        if (parts.Length != 4 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A password for a new user who gave none: 20 characters from an alphabet without
    /// look-alikes (about 115 bits).</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    public static string NewTokenSecret() =>
        TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hex SHA-256 of a token's secret: what the store keeps and looks up.</summary>
    public static string HashToken(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>The first characters of a secret, shown in lists to tell tokens apart.</summary>
    public static string PrefixOf(string secret) => secret.Length <= 10 ? secret : secret[..10];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
