using System.Text;

namespace Allot.Import.Generation;

/// <summary>Name, phone and email of a customer, derived from its own random stream.</summary>
/// <remarks>Derived on demand rather than stored, so a duplicate-looking customer can copy its source's phone,
/// email or name without the generator keeping a million strings around.</remarks>
internal readonly record struct CustomerIdentity(string Name, string? Phone, string? Email)
{
    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "155", "158", "159", "177", "186", "187", "188", "189", "199"];

    /// <summary>The identity of customer <paramref name="index"/>, duplicates resolved against their source.</summary>
    public static CustomerIdentity Of(Population population, int index)
    {
        ref readonly var c = ref population.Customers[index];
        var own = Fresh(population.Seed, index, in c);
        if (c.DuplicateOf < 0)
            return own;

        var source = Of(population, c.DuplicateOf);
        return c.DuplicateKind switch
        {
            0 => own with { Phone = source.Phone ?? own.Phone },
            1 => own with { Email = source.Email ?? own.Email },
            2 => own with { Name = source.Name + " " },
            _ => own with { Name = LegalFormVariant(source.Name) },
        };
    }

    private static CustomerIdentity Fresh(ulong seed, int index, in CustomerProfile c)
    {
        var rng = Rng.For(seed, RngStream.Identity, index);
        var city = Vocabulary.Cities[c.Region][c.City];
        string name;
        if (c.Type == 0 && rng.Chance(0.55))
        {
            name = Population.PersonName(ref rng);
        }
        else if (c.Type == 0)
        {
            name = city + Brand(ref rng) + Vocabulary.ShopKinds[rng.NextInt(Vocabulary.ShopKinds.Length)];
        }
        else
        {
            var words = Vocabulary.IndustryWords[c.Industry];
            name = city + Brand(ref rng) + words[rng.NextInt(words.Length)]
                + Vocabulary.CompanySuffixes[rng.NextInt(Vocabulary.CompanySuffixes.Length)];
        }

        string? phone = null;
        if (rng.Chance(0.92))
        {
            var builder = new StringBuilder(11);
            builder.Append(MobilePrefixes[rng.NextInt(MobilePrefixes.Length)]);
            for (var k = 0; k < 8; k++)
                builder.Append((char)('0' + rng.NextInt(10)));
            phone = builder.ToString();
        }

        string? email = null;
        if (rng.Chance(c.Type == 0 ? 0.55 : 0.8))
        {
            var builder = new StringBuilder(24);
            var letters = rng.NextInt(3, 8);
            for (var k = 0; k < letters; k++)
                builder.Append(Vocabulary.Letters[rng.NextInt(Vocabulary.Letters.Length)]);
            var digits = rng.NextInt(0, 4);
            for (var k = 0; k < digits; k++)
                builder.Append((char)('0' + rng.NextInt(10)));
            builder.Append('@').Append(Vocabulary.MailDomains[rng.NextInt(Vocabulary.MailDomains.Length)]);
            email = builder.ToString();
        }

        return new CustomerIdentity(name, phone, email);
    }

    private static string Brand(ref Rng rng)
    {
        var chars = Vocabulary.BrandChars;
        var brand = chars[rng.NextInt(chars.Length)] + chars[rng.NextInt(chars.Length)];
        return rng.Chance(0.3) ? brand + chars[rng.NextInt(chars.Length)] : brand;
    }

    /// <summary>The same company written with another legal form, as people re-entering it often do.</summary>
    private static string LegalFormVariant(string name)
    {
        if (name.EndsWith("股份有限公司", StringComparison.Ordinal))
            return name[..^6] + "有限公司";
        if (name.EndsWith("有限公司", StringComparison.Ordinal))
            return name[..^4] + "有限责任公司";
        return name + "（个体）";
    }
}
