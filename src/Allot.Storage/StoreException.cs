namespace Allot.Storage;

/// <summary>The store failed or refused an operation; the message says why.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
