using System.Text.Json;
using Allot.Core.Customers;

namespace Allot.Storage;

/// <summary>Contacts kept as a JSON array in one column.</summary>
internal static class ContactsColumn
{
    public static string Format(IReadOnlyList<Contact> contacts) =>
        contacts.Count == 0 ? "" : JsonSerializer.Serialize(contacts);

    public static IReadOnlyList<Contact> Parse(string text) =>
        text.Length == 0 ? [] : JsonSerializer.Deserialize<List<Contact>>(text) ?? [];
}
