namespace Allot.Import.Generation;

/// <summary>File names and header rows of the canonical layout.</summary>
internal static class CsvLayout
{
    /// <summary>customers.csv.</summary>
    public const string CustomersFile = "customers.csv";

    /// <summary>reps.csv.</summary>
    public const string RepsFile = "reps.csv";

    /// <summary>orders.csv.</summary>
    public const string OrdersFile = "orders.csv";

    /// <summary>invoices.csv.</summary>
    public const string InvoicesFile = "invoices.csv";

    /// <summary>payments.csv.</summary>
    public const string PaymentsFile = "payments.csv";

    /// <summary>interactions.csv.</summary>
    public const string InteractionsFile = "interactions.csv";

    /// <summary>feedback.csv.</summary>
    public const string FeedbackFile = "feedback.csv";

    /// <summary>Header of customers.csv.</summary>
    public const string CustomersHeader =
        "customer_id,name,type,industry,region,city,created_date,birthday,phone,email,channel,key_account,owner_rep_id";

    /// <summary>Header of reps.csv.</summary>
    public const string RepsHeader =
        "rep_id,name,team,regions,industries,level,capacity,product_skill,selling_skill,relationship_skill,start_date";

    /// <summary>Header of orders.csv.</summary>
    public const string OrdersHeader = "order_id,customer_id,order_date,amount,profit,category,channel";

    /// <summary>Header of invoices.csv.</summary>
    public const string InvoicesHeader = "invoice_id,customer_id,issue_date,due_date,amount";

    /// <summary>Header of payments.csv.</summary>
    public const string PaymentsHeader = "payment_id,invoice_id,payment_date,amount";

    /// <summary>Header of interactions.csv.</summary>
    public const string InteractionsHeader = "interaction_id,customer_id,rep_id,date,kind,outcome,note";

    /// <summary>Header of feedback.csv.</summary>
    public const string FeedbackHeader = "feedback_id,customer_id,date,satisfaction,nps,comment";

    /// <summary>Id prefix of customers.</summary>
    public static ReadOnlySpan<byte> CustomerPrefix => "C"u8;

    /// <summary>Id prefix of reps.</summary>
    public static ReadOnlySpan<byte> RepPrefix => "R"u8;

    /// <summary>Id prefix of orders.</summary>
    public static ReadOnlySpan<byte> OrderPrefix => "O"u8;

    /// <summary>Id prefix of invoices.</summary>
    public static ReadOnlySpan<byte> InvoicePrefix => "INV"u8;

    /// <summary>Id prefix of payments.</summary>
    public static ReadOnlySpan<byte> PaymentPrefix => "PAY"u8;

    /// <summary>Id prefix of interactions.</summary>
    public static ReadOnlySpan<byte> InteractionPrefix => "I"u8;

    /// <summary>Id prefix of feedback.</summary>
    public static ReadOnlySpan<byte> FeedbackPrefix => "F"u8;

    /// <summary>Digits of ids whose count is not known in advance (wider ids simply get longer).</summary>
    public const int OpenIdWidth = 8;

    /// <summary>Pre-encodes a word list.</summary>
    public static byte[][] EncodeAll(IEnumerable<string> values) => [.. values.Select(CsvWriter.Encode)];
}
