namespace Allot.Core.Customers;

/// <summary>A person at a customer.</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Role such as decision maker, purchaser or finance; free text.</param>
/// <param name="Phone">Phone number as given.</param>
/// <param name="Email">Email address as given.</param>
public sealed record Contact(string Name, string? Role = null, string? Phone = null, string? Email = null);
