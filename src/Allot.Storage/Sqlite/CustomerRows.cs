using Allot.Core.Customers;
using Microsoft.Data.Sqlite;

namespace Allot.Storage.Sqlite;

/// <summary>Reading customers back from their table.</summary>
internal static class CustomerRows
{
    public const string Columns = "key, name, type, industry, region, city, address, created_date, birthday, phone, email, "
        + "contacts, channel, tags, key_account, owner_rep, owner_since, status";

    public static Customer Read(SqliteDataReader r) => new()
    {
        Key = r.GetString(0),
        Name = r.GetString(1),
        Type = Text(r, 2),
        Industry = Text(r, 3),
        Region = Text(r, 4),
        City = Text(r, 5),
        Address = Text(r, 6),
        CreatedDate = SqliteStore.DateOrNull(r, 7),
        Birthday = SqliteStore.DateOrNull(r, 8),
        Phone = Text(r, 9),
        Email = Text(r, 10),
        Contacts = ContactsColumn.Parse(r.GetString(11)),
        Channel = Text(r, 12),
        Tags = ListColumn.Split(r.GetString(13)),
        KeyAccount = r.GetInt64(14) != 0,
        OwnerRepKey = Text(r, 15),
        OwnerSince = SqliteStore.DateOrNull(r, 16),
        Status = Enum.Parse<CustomerStatus>(r.GetString(17), ignoreCase: true),
    };

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
