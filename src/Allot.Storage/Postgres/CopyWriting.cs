using Npgsql;
using NpgsqlTypes;

namespace Allot.Storage.Postgres;

/// <summary>Nullable values into a binary COPY, each with its exact PostgreSQL type (a mismatch would be read
/// as garbage by the server, so the type is never left to inference).</summary>
internal static class CopyWriting
{
    public static void WriteText(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    public static void WriteBigint(this NpgsqlBinaryImporter copy, long? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value.Value, NpgsqlDbType.Bigint);
    }

    public static void WriteDouble(this NpgsqlBinaryImporter copy, double? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value.Value, NpgsqlDbType.Double);
    }

    public static void WriteDate(this NpgsqlBinaryImporter copy, DateOnly? value) =>
        copy.WriteText(value is null ? null : StoredRows.FormatDate(value.Value));

    public static void WriteMoney(this NpgsqlBinaryImporter copy, decimal? value) =>
        copy.WriteBigint(value is null ? null : StoredMoney.ToStored(value.Value));
}
