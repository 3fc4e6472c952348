namespace Allot.Storage;

/// <summary>What one classifier said about a customer in a stored run.</summary>
/// <param name="Classifier">The classifier's name in the scheme.</param>
/// <param name="Class">The class.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Numbers">The numbers that decided it.</param>
public sealed record StoredClass(string Classifier, string Class, string Reason, IReadOnlyDictionary<string, double> Numbers);
