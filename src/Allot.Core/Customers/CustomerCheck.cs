namespace Allot.Core.Customers;

/// <summary>Tells, before customers are created, whether each already exists, is in the pool or belongs to another rep
/// (客户查重 against the book), with the same matching as <see cref="DuplicateFinder"/>.</summary>
/// <remarks>
/// A customer matches an existing one with the same key, else with the same normalised phone (main or a contact's),
/// else the same email, else a near-identical name in the same city (equal folded names, or one character left out).
/// The strongest match wins (key, phone, email, name), then the smaller existing key. The book is read once and only
/// the new customers are indexed, so checking a few rows against a book of millions costs one pass over the book.
/// </remarks>
public static class CustomerCheck
{
    private static readonly string[] Strength = ["key", "phone", "email", "name"];

    /// <summary>Checks <paramref name="incoming"/> against <paramref name="book"/>.</summary>
    /// <param name="book">Every existing customer (streamed once).</param>
    /// <param name="incoming">The customers about to be created, in their order.</param>
    /// <param name="asRep">The rep asking, if a rep: its own customers are told apart from other reps'.</param>
    /// <returns>One result per incoming customer, in the same order.</returns>
    public static IReadOnlyList<CheckResult> Check(IEnumerable<Customer> book, IReadOnlyList<Customer> incoming, string? asRep = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(incoming);
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPhone = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var folded = new string[incoming.Count];
        for (int i = 0; i < incoming.Count; i++)
        {
            var c = incoming[i];
            Add(byKey, c.Key, i);
            foreach (string phone in Phones(c)) Add(byPhone, phone, i);
            if (DuplicateFinder.NormalizeEmail(c.Email) is { } email) Add(byEmail, email, i);
            folded[i] = DuplicateFinder.FoldName(c.Name);
            if (folded[i].Length < 2) continue;
            string city = DuplicateFinder.FoldName(c.City ?? "") + "\u0001";
            foreach (string variant in Variants(folded[i])) Add(byName, city + variant, i);
        }

        var best = new (int Strength, Customer? Match)[incoming.Count];
        for (int i = 0; i < best.Length; i++) best[i] = (int.MaxValue, null);
        void Offer(List<int>? hits, int strength, Customer existing, Func<int, bool>? confirm = null)
        {
            if (hits is null) return;
            foreach (int i in hits)
            {
                if (confirm is not null && !confirm(i)) continue;
                var (s, m) = best[i];
                if (strength < s || (strength == s && string.CompareOrdinal(existing.Key, m!.Key) < 0)) best[i] = (strength, existing);
            }
        }

        foreach (var existing in book)
        {
            Offer(byKey.GetValueOrDefault(existing.Key), 0, existing);
            foreach (string phone in Phones(existing)) Offer(byPhone.GetValueOrDefault(phone), 1, existing);
            if (DuplicateFinder.NormalizeEmail(existing.Email) is { } email) Offer(byEmail.GetValueOrDefault(email), 2, existing);
            if (byName.Count == 0) continue;
            string name = DuplicateFinder.FoldName(existing.Name);
            if (name.Length < 2) continue;
            string city = DuplicateFinder.FoldName(existing.City ?? "") + "\u0001";
            foreach (string variant in Variants(name))
                Offer(byName.GetValueOrDefault(city + variant), 3, existing, i => DuplicateFinder.OneCharacterLeftOut(folded[i], name));
        }

        var results = new CheckResult[incoming.Count];
        for (int i = 0; i < incoming.Count; i++)
        {
            var c = incoming[i];
            var (strength, match) = best[i];
            if (match is null)
            {
                results[i] = new CheckResult(c.Key, c.Name, CheckVerdict.New, null, null, null, "new: nothing like it in the book");
                continue;
            }
            string how = Strength[strength];
            string what = how == "key" ? $"exists as {match.Key}" : $"probably {match.Key} \"{match.Name}\" (same {how})";
            var (verdict, standing) = match.Status switch
            {
                CustomerStatus.Pool => (CheckVerdict.InPool, "in the pool: claim it instead of creating it"),
                CustomerStatus.Lost when match.OwnerRepKey is null => (CheckVerdict.Lost, "marked lost"),
                _ when match.OwnerRepKey is null => (CheckVerdict.Unowned, "without owner"),
                _ when asRep is not null && match.OwnerRepKey == asRep => (CheckVerdict.OwnedByYou, "yours already"),
                _ => (CheckVerdict.OwnedByAnother, $"belongs to rep {match.OwnerRepKey}"),
            };
            results[i] = new CheckResult(c.Key, c.Name, verdict, match.Key, how, match.OwnerRepKey, $"{what}, {standing}");
        }
        return results;
    }

    private static IEnumerable<string> Phones(Customer c)
    {
        if (DuplicateFinder.NormalizePhone(c.Phone) is { } main) yield return main;
        foreach (var contact in c.Contacts)
            if (DuplicateFinder.NormalizePhone(contact.Phone) is { } p && p != DuplicateFinder.NormalizePhone(c.Phone)) yield return p;
    }

    /// <summary>The folded name and, from four characters on, every variant with one character left out (the
    /// deletion index <see cref="DuplicateFinder"/> uses); matches through a variant are confirmed afterwards.</summary>
    private static IEnumerable<string> Variants(string folded)
    {
        yield return "=" + folded;
        if (folded.Length < 4) yield break;
        yield return "-" + folded;
        for (int i = 0; i < folded.Length; i++) yield return "-" + folded.Remove(i, 1);
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int i)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || list[^1] != i) list.Add(i);
    }
}
