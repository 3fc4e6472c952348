using System.Globalization;
using System.Text;

namespace Allot.Core.Customers;

/// <summary>Finds possible duplicate customers: the same normalised phone or email, or a near-identical name in
/// the same city.</summary>
/// <remarks>
/// Phones keep their digits only, without a leading China country code (86, 0086). Emails are compared
/// case-insensitively. Names are folded (full-width to ASCII, lower case, no spaces or punctuation) and
/// stripped of company-form suffixes (有限公司, 股份有限公司, Co. Ltd, Inc…); two names are near-identical when
/// the folded forms are equal or one character was left out of one of them (a typo, a dropped word
/// character). Substitutions are not matched: 汇恒数码店 and 东恒数码店 are different shops. Pairs are found
/// through a deletion index, so the cost stays linear in the number of customers. Pairs are reported once,
/// ordered by first key, second key and reason.
/// </remarks>
public static class DuplicateFinder
{
    private static readonly string[] CompanySuffixes =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团", "公司",
    ];

    /// <summary>English legal forms, stripped only as separate trailing words ("Acme Inc." but not "Zinc").</summary>
    private static readonly string[] EnglishForms =
    [
        "co., ltd.", "co., ltd", "co. ltd", "co ltd", "ltd.", "ltd", "limited", "inc.", "inc", "llc", "l.l.c.",
        "corp.", "corp", "corporation", "gmbh", "company", "co.", "co",
    ];

    /// <summary>Above this many customers sharing one value (a placeholder phone, say), each is paired with the
    /// first only, so the report stays linear instead of quadratic.</summary>
    public const int MaxGroup = 50;

    /// <summary>Finds candidate pairs.</summary>
    public static IReadOnlyList<DuplicateCandidate> Find(IEnumerable<Customer> customers)
    {
        var byPhone = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byNameVariant = new Dictionary<string, List<(string Key, string Folded, string Name)>>(StringComparer.Ordinal);
        foreach (var c in customers)
        {
            if (NormalizePhone(c.Phone) is { } phone) Add(byPhone, phone, c.Key);
            foreach (var contact in c.Contacts)
                if (NormalizePhone(contact.Phone) is { } p && p != NormalizePhone(c.Phone)) Add(byPhone, p, c.Key);
            if (NormalizeEmail(c.Email) is { } email) Add(byEmail, email, c.Key);
            string folded = FoldName(c.Name);
            if (folded.Length < 2) continue;
            string city = FoldName(c.City ?? "");
            var entry = (c.Key, folded, c.Name);
            Add(byNameVariant, city + "\u0001" + folded, entry);
            if (folded.Length >= 4)
            {
                // The whole name joins its deletion variants, so a name meets those one character longer.
                Add(byNameVariant, city + "\u0002" + folded, entry);
                for (int i = 0; i < folded.Length; i++)
                    Add(byNameVariant, city + "\u0002" + folded.Remove(i, 1), entry);
            }
        }

        var pairs = new SortedSet<DuplicateCandidate>(Comparer<DuplicateCandidate>.Create(Compare));
        foreach (var (phone, keys) in byPhone) AddPairs(keys, "phone", phone);
        foreach (var (email, keys) in byEmail) AddPairs(keys, "email", email);
        foreach (var (variant, bucket) in byNameVariant)
        {
            var entries = bucket.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            bool exact = variant.Contains('\u0001', StringComparison.Ordinal);
            for (int i = 0; i < entries.Count; i++)
                for (int j = i + 1; j < entries.Count; j++)
                {
                    if (i > 0 && entries.Count > MaxGroup) break;
                    var (a, b) = (entries[i], entries[j]);
                    if (a.Key == b.Key) continue;
                    // Deletion variants also meet for two edits at different positions; keep only one edit apart.
                    if (!exact && !OneCharacterLeftOut(a.Folded, b.Folded)) continue;
                    var (first, second) = string.CompareOrdinal(a.Key, b.Key) < 0 ? (a, b) : (b, a);
                    pairs.Add(new DuplicateCandidate(first.Key, second.Key, "name", $"{first.Name} ~ {second.Name}"));
                }
        }
        return [.. pairs];

        void AddPairs(List<string> keys, string reason, string detail)
        {
            var distinct = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (int i = 0; i < distinct.Count && (i == 0 || distinct.Count <= MaxGroup); i++)
                for (int j = i + 1; j < distinct.Count; j++)
                    pairs.Add(new DuplicateCandidate(distinct[i], distinct[j], reason, detail));
        }
    }

    /// <summary>Digits of a phone number without a leading China country code; null when fewer than 5 digits.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var sb = new StringBuilder(phone.Length);
        foreach (char c in phone.Normalize(NormalizationForm.FormKC))
            if (c is >= '0' and <= '9') sb.Append(c);
        string digits = sb.ToString();
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        // 86 then an 11-digit mobile (13 digits) or a 10-digit landline without its trunk 0 (12 digits);
        // Chinese numbers written locally start with 1 (mobile) or 0 (landline), never with 86.
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length is 12 or 13)
            digits = digits.Length == 12 ? "0" + digits[2..] : digits[2..];
        return digits.Length >= 5 ? digits : null;
    }

    /// <summary>Trimmed, lower-cased email; null when not an address.</summary>
    public static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        string e = email.Trim().ToLowerInvariant();
        return e.Contains('@', StringComparison.Ordinal) ? e : null;
    }

    /// <summary>Folded name: full-width to ASCII, lower case, letters and digits only, company suffix removed.</summary>
    public static string FoldName(string name)
    {
        string lower = name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Trim().TrimEnd(',');
        bool strippedWord = true;
        while (strippedWord)
        {
            strippedWord = false;
            foreach (string form in EnglishForms)
            {
                if (lower.Length > form.Length + 1 && lower.EndsWith(form, StringComparison.Ordinal)
                    && lower[^(form.Length + 1)] is ' ' or ',')
                {
                    lower = lower[..^form.Length].TrimEnd(' ', ',');
                    strippedWord = true;
                }
            }
        }
        var sb = new StringBuilder(lower.Length);
        foreach (char c in lower)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        string folded = sb.ToString();
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (string suffix in CompanySuffixes)
            {
                if (folded.Length > suffix.Length + 1 && folded.EndsWith(suffix, StringComparison.Ordinal))
                {
                    folded = folded[..^suffix.Length];
                    stripped = true;
                }
            }
        }
        return folded;
    }

    internal static bool OneCharacterLeftOut(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) != 1) return a == b;
        if (a.Length > b.Length) (a, b) = (b, a);
        int x = 0, y = 0, skips = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { x++; y++; }
            else if (++skips > 1) return false;
            else y++;
        }
        return true;
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }

    private static int Compare(DuplicateCandidate x, DuplicateCandidate y)
    {
        int c = string.CompareOrdinal(x.FirstKey, y.FirstKey);
        if (c == 0) c = string.CompareOrdinal(x.SecondKey, y.SecondKey);
        if (c == 0) c = string.CompareOrdinal(x.Reason, y.Reason);
        return c;
    }
}
