namespace Allot.Core.Classification.Schemes;

/// <summary>One rule: when every condition holds (AND), the customer gets <see cref="Outcome"/>.</summary>
/// <param name="Outcome">The class or tag the rule gives, e.g. "credit_risk"; also names the rule in reasons.</param>
/// <param name="Conditions">The conditions, all of which must hold; at least one.</param>
public sealed record Rule(string Outcome, IReadOnlyList<RuleCondition> Conditions);
