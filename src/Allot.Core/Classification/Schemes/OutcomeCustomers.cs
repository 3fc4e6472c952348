using System.Collections;

namespace Allot.Core.Classification.Schemes;

/// <summary>Each customer's classification, assembled from the classifiers' results when read: the tier, segment
/// and stage from the results named by the scheme, the tags from its all-match rules, and the assignments.</summary>
/// <remarks>Keeps nothing per customer, so a run over a million customers does not hold a million records
/// besides its results. Each read builds an equal record.</remarks>
internal sealed class OutcomeCustomers(IReadOnlyList<string> keys, ClassifierResult[] results, int tier, int segment, int lifecycle,
    int[] tagSources) : IReadOnlyList<CustomerClassification>
{
    public CustomerClassification this[int index] => new(keys[index], results[tier].ClassOf(index),
        segment < 0 ? null : results[segment].ClassOf(index),
        lifecycle < 0 ? null : results[lifecycle].ClassOf(index),
        Tags(index), new RowAssignments(results, index));

    public int Count => keys.Count;

    private IReadOnlyList<string> Tags(int row)
    {
        if (tagSources.Length == 0) return [];
        var tags = new List<string>();
        foreach (int c in tagSources)
        {
            // A customer no rule matched has the default class, which is not a tag.
            if (results[c].Assignments[row].Numbers["matched_rules"] == 0) continue;
            foreach (string tag in results[c].ClassOf(row).Split(RuleSet.Separator))
                if (!tags.Contains(tag)) tags.Add(tag);
        }
        return tags;
    }

    public IEnumerator<CustomerClassification> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One customer's assignment from every classifier, in the scheme's order.</summary>
    private sealed class RowAssignments(ClassifierResult[] results, int row) : IReadOnlyList<ClassAssignment>
    {
        public ClassAssignment this[int index] => results[index].Assignments[row];

        public int Count => results.Length;

        public IEnumerator<ClassAssignment> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
