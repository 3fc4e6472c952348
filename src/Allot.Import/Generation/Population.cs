namespace Allot.Import.Generation;

/// <summary>The simulated reps and customers: everything the file writers share, built once up front.</summary>
/// <remarks>Built sequentially (earlier customers influence later ones: duplicates, distributors, rep load),
/// which is cheap next to writing orders; the writers then run in parallel over this read-only state.</remarks>
internal sealed class Population
{
    private const double DaysPerYear = 365.25;

    private Population(GenerationOptions options, RepProfile[] reps, CustomerProfile[] customers)
    {
        Options = options;
        Reps = reps;
        Customers = customers;
        EndDay = options.End.DayNumber;
        WindowStartDay = options.End.AddYears(-options.Years).DayNumber + 1;
        CustomerIdWidth = Math.Max(7, Digits(options.Customers));
        RepIdWidth = Math.Max(4, Digits(options.Reps));
        OrderIdWidth = Math.Max(8, Digits(options.Orders));
    }

    /// <summary>The options generated from.</summary>
    public GenerationOptions Options { get; }

    /// <summary>The seed.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>The reps, by index (rep id = index + 1).</summary>
    public RepProfile[] Reps { get; }

    /// <summary>The customers, by index (customer id = index + 1).</summary>
    public CustomerProfile[] Customers { get; }

    /// <summary>Last day of the data (day number).</summary>
    public int EndDay { get; }

    /// <summary>First day of the order window (day number).</summary>
    public int WindowStartDay { get; }

    /// <summary>Digits of the number in a customer id.</summary>
    public int CustomerIdWidth { get; }

    /// <summary>Digits of the number in a rep id.</summary>
    public int RepIdWidth { get; }

    /// <summary>Digits of the number in an order id.</summary>
    public int OrderIdWidth { get; }

    /// <summary>Simulates reps and customers, allots the orders and assigns owners.</summary>
    public static Population Build(GenerationOptions options, CancellationToken ct)
    {
        var population = new Population(options, new RepProfile[options.Reps], new CustomerProfile[options.Customers]);
        population.BuildReps();
        ct.ThrowIfCancellationRequested();
        population.BuildCustomers(ct);
        population.AllotOrders();
        population.RankByValue();
        ct.ThrowIfCancellationRequested();
        population.AssignOwners(ct);
        return population;
    }

    private static int Digits(long value) => value < 10 ? 1 : 1 + Digits(value / 10);

    private static double[] Cumulative(ReadOnlySpan<double> weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }

    private void BuildReps()
    {
        var regionCumulative = Cumulative(Vocabulary.RegionWeights);
        var industryCumulative = Cumulative(Vocabulary.IndustryWeights);

        // The first 30 reps take the regions biggest first, so with ≥ 30 reps every region is served.
        var bySize = Enumerable.Range(0, Vocabulary.Regions.Length)
            .OrderByDescending(r => Vocabulary.RegionWeights[r]).ThenBy(r => r).ToArray();
        var perArea = new int[Vocabulary.Areas.Length];
        var averageLoad = Math.Max(5.0, Options.Customers * 0.93 / Options.Reps);

        for (var r = 0; r < Reps.Length; r++)
        {
            var rng = Rng.For(Seed, RngStream.Rep, r);
            var primary = r < bySize.Length ? bySize[r] : rng.Pick(regionCumulative);
            var regions = new List<int> { primary };
            var extra = rng.NextInt(0, 2);
            for (var k = 0; k < extra; k++)
            {
                // Mostly a neighbour in the same area: that is how territories are drawn.
                var area = Vocabulary.RegionArea[primary];
                var candidate = rng.Chance(0.7) ? NeighbourIn(area, ref rng) : rng.Pick(regionCumulative);
                if (!regions.Contains(candidate))
                    regions.Add(candidate);
            }

            var industries = new List<int>();
            var industryCount = rng.NextInt(1, 3);
            for (var k = 0; k < industryCount; k++)
            {
                var candidate = rng.Pick(industryCumulative);
                if (!industries.Contains(candidate))
                    industries.Add(candidate);
            }

            var levelDraw = rng.NextDouble();
            var level = levelDraw < 0.3 ? 0 : levelDraw < 0.75 ? 1 : 2;
            var skillBase = 45 + 15 * level;
            var tenureYears = level switch
            {
                0 => rng.Uniform(0.1, 2),
                1 => rng.Uniform(1, 5),
                _ => rng.Uniform(4, 12),
            };
            var areaIndex = Vocabulary.RegionArea[primary];
            var team = $"{Vocabulary.Areas[areaIndex]}销售{perArea[areaIndex]++ / 8 + 1}部";

            Reps[r] = new RepProfile
            {
                Name = PersonName(ref rng),
                Team = team,
                Regions = [.. regions],
                Industries = [.. industries],
                Level = level,
                Capacity = Math.Max(5, (int)Math.Round(averageLoad * (0.8 + 0.2 * level) * rng.Uniform(0.9, 1.3))),
                ProductSkill = Skill(skillBase, ref rng),
                SellingSkill = Skill(skillBase, ref rng),
                RelationshipSkill = Skill(skillBase, ref rng),
                StartDay = EndDay - (int)(tenureYears * DaysPerYear),
            };
        }
    }

    private static int NeighbourIn(int area, ref Rng rng)
    {
        var count = 0;
        foreach (var a in Vocabulary.RegionArea)
            count += a == area ? 1 : 0;

        var pick = rng.NextInt(count);
        for (var r = 0; r < Vocabulary.RegionArea.Length; r++)
        {
            if (Vocabulary.RegionArea[r] == area && pick-- == 0)
                return r;
        }

        return 0;
    }

    private static int Skill(int skillBase, ref Rng rng) =>
        Math.Clamp((int)Math.Round(skillBase + 12 * rng.Normal()), 0, 100);

    /// <summary>A Chinese personal name: surname plus one or two given characters.</summary>
    public static string PersonName(ref Rng rng)
    {
        var surname = Vocabulary.Surnames[rng.NextInt(Vocabulary.Surnames.Length)];
        var first = Vocabulary.GivenChars[rng.NextInt(Vocabulary.GivenChars.Length)];
        return rng.Chance(0.6)
            ? surname + first + Vocabulary.GivenChars[rng.NextInt(Vocabulary.GivenChars.Length)]
            : surname + first;
    }

    private void BuildCustomers(CancellationToken ct)
    {
        var regionCumulative = Cumulative(Vocabulary.RegionWeights);
        var industryCumulative = Cumulative(Vocabulary.IndustryWeights);
        var typeCumulative = Cumulative(Vocabulary.TypeWeights);
        var distributorsByRegion = new List<int>[Vocabulary.Regions.Length];
        for (var r = 0; r < distributorsByRegion.Length; r++)
            distributorsByRegion[r] = [];

        var windowDays = EndDay - WindowStartDay + 1;
        for (var i = 0; i < Customers.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
                ct.ThrowIfCancellationRequested();

            var rng = Rng.For(Seed, RngStream.Customer, i);
            ref var c = ref Customers[i];
            c.DuplicateOf = -1;
            c.Distributor = -1;
            c.Owner = -1;

            if (i > 0 && rng.Chance(0.012))
            {
                // A duplicate-looking record: same place and kind as an earlier customer, entered again.
                var source = rng.NextInt(i);
                c.DuplicateOf = source;
                c.DuplicateKind = rng.NextInt(4);
                c.Region = Customers[source].Region;
                c.City = Customers[source].City;
                c.Type = Customers[source].Type;
                c.Industry = Customers[source].Industry;
            }
            else
            {
                c.Region = rng.Pick(regionCumulative);
                var cities = Vocabulary.Cities[c.Region].Length;
                c.City = cities == 1 || rng.Chance(0.5) ? 0 : rng.NextInt(cities);
                c.Type = rng.Pick(typeCumulative);
                c.Industry = rng.Pick(industryCumulative);
            }

            // Acquisition: a fifth are older accounts, the rest arrive evenly over the window.
            c.CreatedDay = rng.Chance(0.2)
                ? WindowStartDay - rng.NextInt(30, 8 * 365)
                : WindowStartDay + rng.NextInt(windowDays);
            c.ActiveStart = Math.Max(c.CreatedDay, WindowStartDay);
            c.Happiness = rng.Normal();

            // BG/NBD: purchase rate λ ~ Gamma, drop-out chance after each purchase p ~ Beta; the customer is
            // active until the K-th purchase, K ~ Geometric(p), which takes Gamma(K, 1/λ) years.
            var meanRate = c.Type switch { 0 => 4.0, 1 => 10.0, 2 => 6.0, _ => 12.0 };
            const double rateShape = 1.5;
            var lambda = rng.Gamma(rateShape, meanRate / rateShape);
            var dropOut = Math.Clamp(rng.Beta(1.0, 9.0) * DeterministicMath.Exp(-0.3 * c.Happiness), 0.002, 0.95);
            var purchasesUntilDrop = 1 + Math.Floor(DeterministicMath.Log(rng.NextOpenDouble()) / DeterministicMath.Log(1 - dropOut));
            var yearsUntilDrop = rng.Gamma(Math.Min(purchasesUntilDrop, 1e6), 1 / lambda);
            var dropDay = c.ActiveStart + Math.Min(yearsUntilDrop * DaysPerYear, 1e6);
            c.ActiveEnd = (int)Math.Min(EndDay, Math.Max(c.ActiveStart, Math.Floor(dropDay)));
            c.Activity = lambda * (c.ActiveEnd - c.ActiveStart + 1) / DaysPerYear;

            var typicalOrder = c.Type switch { 0 => 600.0, 1 => 1500.0, 2 => 2500.0, _ => 3000.0 };
            c.SpendCents = 100 * typicalOrder * rng.LogNormal(0, 0.6);
            c.PrimaryCategory = rng.NextInt(Vocabulary.Categories.Length);
            c.OnlineShare = c.Type == 0 ? 0.3 : 0.08;
            c.LatePayer = rng.Chance(0.1);
            c.BirthdayDay = rng.Chance(0.7) ? EndDay - rng.NextInt(22 * 365, 65 * 365) : 0;

            var localDistributors = distributorsByRegion[c.Region];
            var viaDistributor = c.Type switch { 0 => 0.5, 1 => 0.15, _ => 0.0 };
            if (localDistributors.Count > 0 && rng.Chance(viaDistributor))
                c.Distributor = localDistributors[rng.NextInt(localDistributors.Count)];
            if (c.Type == 3)
                localDistributors.Add(i);
        }
    }

    /// <summary>Splits exactly <see cref="GenerationOptions.Orders"/> over the customers in proportion to
    /// their activity, by rounding the running total (so the parts always add up and none is negative).</summary>
    private void AllotOrders()
    {
        var total = 0.0;
        foreach (var c in Customers)
            total += c.Activity;

        var orders = Options.Orders;
        var running = 0.0;
        var allotted = 0L;
        for (var i = 0; i < Customers.Length; i++)
        {
            running += Customers[i].Activity;
            var upTo = i == Customers.Length - 1 || total <= 0
                ? (i == Customers.Length - 1 ? orders : 0)
                : Math.Min(orders, (long)Math.Floor(running / total * orders + 0.5));
            Customers[i].OrderCount = upTo - allotted;
            allotted = upTo;
        }
    }

    /// <summary>Marks key accounts (top 3 % by expected value) and tiers A (top 10 %) and B (next 25 %).</summary>
    private void RankByValue()
    {
        var values = new double[Customers.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = Customers[i].OrderCount * Customers[i].SpendCents;

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double Threshold(double topShare) => sorted[Math.Clamp((int)(sorted.Length * (1 - topShare)), 0, sorted.Length - 1)];
        var keyThreshold = Threshold(0.03);
        var aThreshold = Threshold(0.10);
        var bThreshold = Threshold(0.35);
        for (var i = 0; i < values.Length; i++)
        {
            ref var c = ref Customers[i];
            var v = values[i];
            c.KeyAccount = v > 0 && v >= keyThreshold;
            c.Tier = v > 0 && v >= aThreshold ? 0 : v > 0 && v >= bThreshold ? 1 : 2;
        }
    }

    private void AssignOwners(CancellationToken ct)
    {
        var repsByRegion = new List<int>[Vocabulary.Regions.Length];
        for (var r = 0; r < repsByRegion.Length; r++)
            repsByRegion[r] = [];
        for (var rep = 0; rep < Reps.Length; rep++)
        {
            foreach (var region in Reps[rep].Regions)
                repsByRegion[region].Add(rep);
        }

        for (var i = 0; i < Customers.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
                ct.ThrowIfCancellationRequested();

            ref var c = ref Customers[i];
            var candidates = repsByRegion[c.Region];
            var rng = Rng.For(Seed, RngStream.Ownership, i);
            if (candidates.Count == 0 || (!c.KeyAccount && rng.Chance(0.07)))
                continue; // In the pool (公海): nobody serves the region, or the account was released.

            // Look at a few reps of the region and take the best fit: room left, knows the industry,
            // and seniors for key accounts. Ties go to the first looked at.
            var best = -1;
            var bestScore = int.MinValue;
            for (var look = 0; look < 4; look++)
            {
                var rep = candidates[rng.NextInt(candidates.Count)];
                var profile = Reps[rep];
                var score = (profile.Load < profile.Capacity ? 4 : 0)
                    + (Array.IndexOf(profile.Industries, c.Industry) >= 0 ? 2 : 0)
                    + (c.KeyAccount && profile.Level == 2 ? 2 : 0);
                if (score > bestScore)
                {
                    best = rep;
                    bestScore = score;
                }
            }

            c.Owner = best;
            Reps[best].Load++;
        }
    }
}
