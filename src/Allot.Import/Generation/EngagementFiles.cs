namespace Allot.Import.Generation;

/// <summary>Writes interactions.csv and feedback.csv.</summary>
/// <remarks>The owning rep contacts a customer at a cadence set by its value — about monthly for key accounts,
/// every two months for tier A, quarterly for B, less than yearly for C — from acquisition until a few months
/// after the customer stops buying; pool customers are contacted rarely and by nobody in particular. About
/// 30 % of buying customers leave 1–3 pieces of feedback, whose scores follow the customer's latent happiness
/// and the owner's relationship skill.</remarks>
internal static class EngagementFiles
{
    private static readonly double[][] KindWeights =
    [
        [0.30, 0.25, 0.20, 0.10, 0.15], // key accounts: visits and meetings
        [0.10, 0.35, 0.35, 0.15, 0.05], // everyone else: calls and messages
    ];

    /// <summary>Writes both files; returns (interactions, feedback).</summary>
    public static (FileResult Interactions, FileResult Feedback) Write(
        Population population, string interactionsPath, string feedbackPath, ProgressTracker progress, int part, CancellationToken ct)
    {
        var kinds = CsvLayout.EncodeAll(Vocabulary.InteractionKinds);
        var outcomes = CsvLayout.EncodeAll(Vocabulary.Outcomes);
        var notes = CsvLayout.EncodeAll(Vocabulary.Notes);
        var comments = Vocabulary.Comments.Select(CsvLayout.EncodeAll).ToArray();
        var kindCumulative = KindWeights.Select(Cumulate).ToArray();
        var customers = population.Customers;
        long interactionCount = 0;
        long feedbackCount = 0;

        using var interactions = new CsvWriter(interactionsPath, CsvLayout.InteractionsHeader);
        using var feedback = new CsvWriter(feedbackPath, CsvLayout.FeedbackHeader);
        for (var i = 0; i < customers.Length; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress.Advance(part, (customers.Length + i) / 2);
            }

            ref readonly var c = ref customers[i];
            var rng = Rng.For(population.Seed, RngStream.Interactions, i);
            var perYear = c.OrderCount == 0 ? 0.5 : c.KeyAccount ? 12 : c.Tier switch { 0 => 6.0, 1 => 3.0, _ => 0.8 };
            if (c.Owner < 0)
                perYear *= 0.3;
            var first = Math.Max(c.CreatedDay, population.WindowStartDay);
            var last = Math.Min(population.EndDay, c.ActiveEnd + 120);
            var count = rng.Poisson(perYear * (last - first + 1) / 365.25);
            var days = new SortedDays(first, last, count);
            var kindTable = kindCumulative[c.KeyAccount ? 0 : 1];
            while (days.Next(ref rng, out var day))
            {
                interactions.Id(CsvLayout.InteractionPrefix, ++interactionCount, CsvLayout.OpenIdWidth);
                interactions.Id(CsvLayout.CustomerPrefix, i + 1, population.CustomerIdWidth);
                if (c.Owner >= 0)
                    interactions.Id(CsvLayout.RepPrefix, c.Owner + 1, population.RepIdWidth);
                else
                    interactions.Empty();
                interactions.Date(day);
                interactions.Field(kinds[rng.Pick(kindTable)]);
                interactions.Field(outcomes[rng.NextInt(outcomes.Length)]);
                interactions.Field(notes[rng.NextInt(notes.Length)]);
                interactions.EndRow();
            }

            if (c.OrderCount == 0)
                continue;

            var feedbackRng = Rng.For(population.Seed, RngStream.Feedback, i);
            if (!feedbackRng.Chance(0.3))
                continue;

            var skill = c.Owner >= 0 ? population.Reps[c.Owner].RelationshipSkill : 40;
            var mood = c.Happiness + (skill - 60) / 40.0;
            var answers = new SortedDays(c.ActiveStart, c.ActiveEnd, 1 + Math.Min(2, feedbackRng.Poisson(0.4)));
            while (answers.Next(ref feedbackRng, out var day))
            {
                var satisfaction = Math.Clamp((int)Math.Round(3.5 + 0.8 * mood + 0.6 * feedbackRng.Normal()), 1, 5);
                var nps = Math.Clamp((int)Math.Round(7 + 1.6 * mood + 1.0 * feedbackRng.Normal()), 0, 10);
                var missing = feedbackRng.NextDouble();
                feedback.Id(CsvLayout.FeedbackPrefix, ++feedbackCount, CsvLayout.OpenIdWidth);
                feedback.Id(CsvLayout.CustomerPrefix, i + 1, population.CustomerIdWidth);
                feedback.Date(day);
                if (missing < 0.15)
                    feedback.Empty();
                else
                    feedback.Field(satisfaction);
                if (missing is >= 0.15 and < 0.3)
                    feedback.Empty();
                else
                    feedback.Field(nps);
                if (feedbackRng.Chance(0.45))
                {
                    var pool = comments[satisfaction - 1];
                    feedback.Field(pool[feedbackRng.NextInt(pool.Length)]);
                }
                else
                {
                    feedback.Empty();
                }

                feedback.EndRow();
            }
        }

        return (new FileResult(interactionCount, interactions.BytesWritten), new FileResult(feedbackCount, feedback.BytesWritten));
    }

    private static double[] Cumulate(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++)
            cumulative[k] = sum += weights[k];
        return cumulative;
    }
}
