namespace Allot.Import.Generation;

/// <summary>Writes reps.csv and customers.csv from the population.</summary>
internal static class PeopleFiles
{
    /// <summary>Writes reps.csv.</summary>
    public static FileResult WriteReps(Population population, string path)
    {
        var levels = CsvLayout.EncodeAll(["junior", "mid", "senior"]);
        using var writer = new CsvWriter(path, CsvLayout.RepsHeader);
        for (var r = 0; r < population.Reps.Length; r++)
        {
            var rep = population.Reps[r];
            writer.Id(CsvLayout.RepPrefix, r + 1, population.RepIdWidth);
            writer.Field(rep.Name);
            writer.Field(rep.Team);
            writer.Field(string.Join(';', rep.Regions.Select(x => Vocabulary.Regions[x])));
            writer.Field(string.Join(';', rep.Industries.Select(x => Vocabulary.Industries[x])));
            writer.Field(levels[rep.Level]);
            writer.Field(rep.Capacity);
            writer.Field(rep.ProductSkill);
            writer.Field(rep.SellingSkill);
            writer.Field(rep.RelationshipSkill);
            writer.Date(rep.StartDay);
            writer.EndRow();
        }

        return new FileResult(population.Reps.Length, writer.BytesWritten);
    }

    /// <summary>Writes customers.csv.</summary>
    public static FileResult WriteCustomers(Population population, string path, ProgressTracker progress, int part, CancellationToken ct)
    {
        var types = CsvLayout.EncodeAll(Vocabulary.Types);
        var industries = CsvLayout.EncodeAll(Vocabulary.Industries);
        var regions = CsvLayout.EncodeAll(Vocabulary.Regions);
        var cities = Vocabulary.Cities.Select(CsvLayout.EncodeAll).ToArray();
        var direct = CsvWriter.Encode("direct");
        var yes = CsvWriter.Encode("true");
        var no = CsvWriter.Encode("false");
        var customers = population.Customers;

        using var writer = new CsvWriter(path, CsvLayout.CustomersHeader);
        for (var i = 0; i < customers.Length; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress.Advance(part, i / 2);
            }

            ref readonly var c = ref customers[i];
            var identity = CustomerIdentity.Of(population, i);
            writer.Id(CsvLayout.CustomerPrefix, i + 1, population.CustomerIdWidth);
            writer.Field(identity.Name);
            writer.Field(types[c.Type]);
            writer.Field(industries[c.Industry]);
            writer.Field(regions[c.Region]);
            writer.Field(cities[c.Region][c.City]);
            writer.Date(c.CreatedDay);
            if (c.BirthdayDay > 0)
                writer.Date(c.BirthdayDay);
            else
                writer.Empty();
            writer.Field(identity.Phone);
            writer.Field(identity.Email);
            if (c.Distributor >= 0)
                writer.Id(CsvLayout.CustomerPrefix, c.Distributor + 1, population.CustomerIdWidth);
            else
                writer.Field(direct);
            writer.Field(c.KeyAccount ? yes : no);
            if (c.Owner >= 0)
                writer.Id(CsvLayout.RepPrefix, c.Owner + 1, population.RepIdWidth);
            else
                writer.Empty();
            writer.EndRow();
        }

        return new FileResult(customers.Length, writer.BytesWritten);
    }
}
