namespace Allot.Core.Maintenance;

/// <summary>Alerts and the daily digest.</summary>
/// <param name="ReceivableGraceDays">An unpaid invoice alerts this many days after its due date (0: the day after).</param>
/// <param name="DigestDirectory">Folder the daily digest is written to (relative to the rules file); null: beside the store.</param>
/// <param name="WebhookUrl">Where the digest is POSTed as JSON; null: not posted.</param>
/// <param name="WebhookTimeoutSeconds">How long the POST may take.</param>
public sealed record AlertSettings(int ReceivableGraceDays, string? DigestDirectory, Uri? WebhookUrl, int WebhookTimeoutSeconds);
