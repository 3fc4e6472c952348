using System.Globalization;
using System.Security.Cryptography;

namespace Allot.Core.Access;

/// <summary>Password hashes: PBKDF2 with HMAC-SHA256, a random 16-byte salt and 210,000 iterations (OWASP's 2023
/// figure), stored as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64).</summary>
/// <remarks>Verification compares in constant time and reads the iteration count from the stored value, so the
/// count can be raised later without invalidating older hashes.</remarks>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 8;

    /// <summary>Hashes a password with a fresh salt.</summary>
    /// <exception cref="ArgumentException">The password is shorter than <see cref="MinLength"/>.</exception>
    public static string Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinLength) throw new ArgumentException($"a password needs at least {MinLength} characters");
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when the password matches the stored hash; false for a wrong password or a malformed hash.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1) return false;
        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]);
            byte[] expected = Convert.FromBase64String(parts[3]);
            byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
