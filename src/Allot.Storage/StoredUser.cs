using Allot.Core.Access;

namespace Allot.Storage;

/// <summary>A user as kept: who, and the password hash to check a login against.</summary>
/// <param name="User">Name, role and links.</param>
/// <param name="PasswordHash">See <see cref="Core.Access.PasswordHash"/>.</param>
/// <param name="CreatedAt">When the user was added (UTC, ISO 8601).</param>
public sealed record StoredUser(User User, string PasswordHash, string CreatedAt);
