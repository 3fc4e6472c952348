using System.Globalization;
using System.Text;

namespace Allot.Tests.Shared;

/// <summary>Orders files for comparing the direct orders import with the table reader and mapper: generated rows of
/// customers C0001–C0050 with, planted among them, rows in every form the direct reader leaves to the mapper and
/// every kind of reject.</summary>
internal static class EdgeOrders
{
    public const string Header = "order_id,customer_id,order_date,amount,profit,cost,category,channel,quantity";

    /// <summary>Customer keys the files name (besides the unknown ones they plant): C0001–C0050 and 客户甲.</summary>
    public static IEnumerable<string> Customers => Enumerable.Range(1, 50).Select(i => $"C{i:0000}").Append("客户甲");

    /// <summary>Rows that are not in the plain forms, or are refused; none holds a quote or a lone CR. Dates are
    /// relative to a today of 2026-06-01 (the file-import contract's).</summary>
    public static readonly string[] Planted =
    [
        "E01,C0001,2024-13-01,10,,,,,",                 // bad date
        "E02,C0001,2099-01-01,10,,,,,",                 // future date
        "E03,C0001,2024/3/31,10.5,,,,,",                // another date form: accepted by the mapper
        "E04,C0001,2024-03-31,abc,,,,,",                // bad amount
        "E05,C0001,2024-03-31,-5,,,,,",                 // negative amount
        "E06,C0001,2024-03-31,12.34567,-1.23456,,,,",   // more than four decimals: rounded by the store
        "E07,C0001,2024-03-31,100,,40.5,A,web,3",       // profit from cost
        "E08,C0001,2024-03-31,100,-20,30,,,2.5",        // profit wins over cost
        " E09 , C0002 , 2024-03-31 , 7 ,,, Office ,  store ,",
        "E10,客户甲,2024-03-31,8,,,办公用品,线上,1",      // Chinese text
        "E11,C0003,2024-03-31,9,,,\u00A0Books,web,",    // no-break space at an edge: trimmed by the mapper
        "E12,C0003,2024-03-31,9,,,Books\u3000,web,",    // ideographic space at an edge
        "E13,C0003,2024-03-31,9,,,Bo\tok,web,",         // a control character inside a field
        "E14,NOSUCH,2024-03-31,9,,,,,",                 // unknown customer
        "E15,,2024-03-31,9,,,,,",                       // no customer
        ",C0001,2024-03-31,9,,,,,",                     // no key
        "E17,C0001,2024-03-31,9",                       // too few fields
        "E18,C0001,2024-03-31,9,,,,,,extra",            // too many fields
        "",
        "   ",
        "\t",
        "E21,C0001,2024-03-31,1e3,,,,,",
        "E22,C0001,2024-03-31,0.00,,,,,",
        "E23,C0001,2024-03-31,99999999999999.99,,,,,",
        "E24,C0001,2024-03-31,100000000000000,,,,,",    // too large
        "E25,C0001,2024-03-31,5,-0,,,,",
        "E26,C0001,2024-03-31,5,,,,,-1",                // negative quantity
        "E27,C0001,20240331,5,,,,,",
        "E28,C0001,2024-03-31,5.,,,,,",
        "E29,C0001,2024-03-31,0012.50,,,,,",
        "E30,C0001,2026-06-01,5,,,Cat\u007F,,",         // today, and a DEL character
        "E31,C0001,2026-06-02,5,,,,,",                  // tomorrow
        "E07,C0002,2024-04-01,1,,,,,",                  // a repeat of a planted key
        "E32,C0004,2024-03-31,5,,,,,0.125",
        "E33,C0004,2024-03-31,-0.5,,,,,",
        "E34,C0004,2024-03-31,1.5,abc,,,,",             // bad profit
        "E35,C0004,2024-03-31,1.5,,-2,,,",              // negative cost
        "E36,C0004,2024-03-31,1.5,1.123456789012345678901,,,,",
        "E37,\u00A0,2024-03-31,1.5,,,,,",               // a customer of white space only
    ];

    /// <summary>An orders file: <paramref name="rows"/> generated rows, the planted rows spread among them, repeats of
    /// generated keys nearby and far away (across batches of 16,384), and <paramref name="extra"/> text at
    /// <paramref name="extraAt"/> (a row number) if given.</summary>
    public static string File(int rows, int seed, bool crlf, string? extra = null, int extraAt = -1)
    {
        var random = new Random(seed);
        string nl = crlf ? "\r\n" : "\n";
        var text = new StringBuilder(Header).Append(nl);
        int every = Math.Max(1, rows / (Planted.Length + 1));
        int planted = 0;
        for (int i = 0; i < rows; i++)
        {
            if (i == extraAt && extra is not null) text.Append(extra);
            if (i % every == every / 2 && planted < Planted.Length) text.Append(Planted[planted++]).Append(nl);
            if (i == 10 || i == rows / 2 || i == rows - 3) text.Append(Generated(5, random)).Append(nl); // a repeat: near, and far
            text.Append(Generated(i, random)).Append(nl);
        }
        while (planted < Planted.Length) text.Append(Planted[planted++]).Append(nl);
        return text.ToString();
    }

    private static string Generated(int i, Random random)
    {
        var day = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2000));
        string amount = (random.Next(1, 5_000_000) / 100m).ToString(CultureInfo.InvariantCulture);
        string profit = random.Next(4) == 0 ? "" : (random.Next(-100_000, 500_000) / 100m).ToString(CultureInfo.InvariantCulture);
        string cost = random.Next(3) == 0 ? (random.Next(0, 100_000) / 100m).ToString(CultureInfo.InvariantCulture) : "";
        string category = random.Next(5) switch { 0 => "", 1 => "Office", 2 => "Tech", 3 => "家具", _ => "Books & Music" };
        string channel = random.Next(3) switch { 0 => "", 1 => "web", _ => "store" };
        string quantity = random.Next(4) == 0 ? "" : random.Next(1, 20).ToString(CultureInfo.InvariantCulture);
        return $"O{i:000000},C{random.Next(1, 51):0000},{day:yyyy-MM-dd},{amount},{profit},{cost},{category},{channel},{quantity}";
    }
}
