namespace Allot.Core.Classification;

/// <summary>What one classifier produced: a class per customer (in the indicator table's row order) and the
/// classes in their display order.</summary>
/// <param name="Name">The classifier's name in the scheme (e.g. "abc_amount", "rfm").</param>
/// <param name="Classes">The classes, best first (e.g. A, B, C).</param>
/// <param name="Assignments">One per customer, in the indicator table's row order.</param>
public sealed record ClassifierResult(string Name, IReadOnlyList<string> Classes, IReadOnlyList<ClassAssignment> Assignments)
{
    /// <summary>The class of the customer in <paramref name="row"/>: <c>Assignments[row].Class</c>, without building
    /// the assignment when the classifier keeps them as columns.</summary>
    public string ClassOf(int row) => Assignments is AssignmentColumns columns ? columns.ClassAt(row) : Assignments[row].Class;
}
