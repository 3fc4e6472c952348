using System.Security.Cryptography;
using System.Text;

namespace Allot.Core.Access;

/// <summary>Personal API tokens: 32 random bytes shown once as <c>allot_</c> + base64url; only their SHA-256 is
/// stored, so a copy of the store does not give working tokens.</summary>
public static class ApiToken
{
    /// <summary>The prefix every token starts with (so a leaked one is recognisable).</summary>
    public const string Prefix = "allot_";

    /// <summary>A new random token.</summary>
    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a token: SHA-256, hex.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
