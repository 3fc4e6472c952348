namespace Allot.Core.Classification.Schemes;

/// <summary>What running a scheme produced.</summary>
/// <param name="SchemeName">The scheme's name.</param>
/// <param name="Results">One result per classifier in the scheme's order, each named as in the scheme.</param>
/// <param name="Customers">One per customer, in the indicator table's row order.</param>
public sealed record SchemeOutcome(string SchemeName, IReadOnlyList<ClassifierResult> Results, IReadOnlyList<CustomerClassification> Customers);
