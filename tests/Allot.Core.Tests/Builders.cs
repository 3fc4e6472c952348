using Allot.Core.Customers;

namespace Allot.Core.Tests;

internal static class Builders
{
    public static Customer Customer(string key, string name = "", string? city = null, string? phone = null, string? email = null) =>
        new() { Key = key, Name = name, City = city, Phone = phone, Email = email };
}
