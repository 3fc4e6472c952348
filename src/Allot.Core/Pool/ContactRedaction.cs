using Allot.Core.Customers;
using Allot.Core.Maintenance;

namespace Allot.Core.Pool;

/// <summary>Hides a customer's contact details (phone, email, contacts) from viewers who may not see them.</summary>
/// <remarks>
/// A rep sees the contact details of the customers it owns, and no others: not those of a customer in the pool
/// (until it claims it) and not those of another rep's customers. A manager sees those of the customers in the
/// pools it manages (all of them when it manages every pool); an administrator sees everything. Hidden details are
/// masked rather than removed, so a rep can still recognise a number it was given: a phone keeps its first three
/// and last two digits (138******78), an email its first character and domain (z***@example.com), a contact its
/// first character (张**) and role. Everything else (name, region, industry, owner) stays visible: that is what
/// a rep claims on.
/// </remarks>
public static class ContactRedaction
{
    /// <summary>True when <paramref name="viewer"/> may see the customer's contact details.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="viewer">Who looks.</param>
    /// <param name="rules">The rules (pools and their managers).</param>
    public static bool MaySee(Customer customer, Viewer viewer, MaintenanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(rules);
        return viewer.Role switch
        {
            ViewerRole.Administrator => true,
            ViewerRole.Manager => rules.IsManager(viewer.Name, rules.PoolOf(customer.Region)),
            _ => customer.Status != CustomerStatus.Pool && customer.OwnerRepKey == viewer.Name,
        };
    }

    /// <summary>The customer as <paramref name="viewer"/> may see it: itself, or with its contact details masked.</summary>
    public static Customer Redact(Customer customer, Viewer viewer, MaintenanceRules rules) =>
        MaySee(customer, viewer, rules) ? customer : Mask(customer);

    /// <summary>The customer with phone, email and contacts masked.</summary>
    public static Customer Mask(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer with
        {
            Phone = MaskPhone(customer.Phone),
            Email = MaskEmail(customer.Email),
            Contacts = [.. customer.Contacts.Select(c => new Contact(MaskName(c.Name), c.Role, MaskPhone(c.Phone), MaskEmail(c.Email)))],
        };
    }

    /// <summary>A phone number with all but its first three and last two digits (after a China country code) replaced by
    /// '*'; numbers shorter than nine digits lose every digit but the last two. Separators are kept.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone;
        string all = string.Concat(phone.Where(char.IsAsciiDigit));
        int digits = all.Length;
        // A China country code (86, 0086) stays visible on top of the number's own first three digits.
        int code = all.StartsWith("0086", StringComparison.Ordinal) ? 4 : all.StartsWith("86", StringComparison.Ordinal) && digits is 12 or 13 ? 2 : 0;
        int keepFirst = digits - code >= 9 ? code + 3 : 0, keepLast = Math.Min(2, digits / 3);
        var chars = phone.ToCharArray();
        int seen = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            if (seen >= keepFirst && seen < digits - keepLast) chars[i] = '*';
            seen++;
        }
        return new string(chars);
    }

    /// <summary>An email address with its local part reduced to its first character (z***@example.com).</summary>
    public static string? MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return email;
        int at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary>A person's name with all but its first character masked.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= 1) return name;
        var first = System.Globalization.StringInfo.GetNextTextElementLength(name);
        return name[..first] + new string('*', Math.Min(3, name.Length - first));
    }
}
