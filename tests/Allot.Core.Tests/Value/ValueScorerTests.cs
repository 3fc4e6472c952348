using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class ValueScorerTests
{
    [Fact]
    public void Score_Cdnow_EveryFigureMatchesTheModelsOneByOne()
    {
        var s = CdnowData.WeeklySummaries;
        var count = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var options = new ScoringOptions { HorizonDays = 91, ClvMonths = 12, MonthlyDiscountRate = 0.02, Margin = 0.3 };
        var scores = ValueScorer.Score(count, spend, s, options);
        double month = 365.25 / 12 / 7;
        for (int i = 0; i < s.Count; i += 37)
        {
            Assert.Equal(count.ProbabilityAlive(s.X[i], s.Tx[i], s.T[i]), scores.ProbabilityAlive[i], 15);
            Assert.Equal(count.ExpectedPurchases(13, s.X[i], s.Tx[i], s.T[i]), scores.ExpectedPurchases[i], 12);
            double meanSpend = spend.ConditionalMeanSpend(s.X[i], s.MeanRepeatSpend[i]);
            Assert.Equal(meanSpend, scores.ExpectedSpend[i], 12);
            // CLV by its definition, month by month.
            double clv = 0;
            for (int k = 1; k <= 12; k++)
            {
                double inMonth = count.ExpectedPurchases(k * month, s.X[i], s.Tx[i], s.T[i]) - count.ExpectedPurchases((k - 1) * month, s.X[i], s.Tx[i], s.T[i]);
                clv += inMonth * meanSpend * 0.3 / Math.Pow(1.02, k);
            }
            Assert.Equal(clv, scores.Clv[i], 1e-9 * Math.Max(1, clv));
        }
    }

    [Fact]
    public void Score_WithoutSpendModel_UsesOwnMeanSpend()
    {
        var s = CdnowData.WeeklySummaries;
        var scores = ValueScorer.Score(new BgNbdModel(0.243, 4.414, 0.793, 2.426), null, s);
        for (int i = 0; i < 20; i++) Assert.Equal(s.CalibrationSpend[i] / (s.X[i] + 1), scores.ExpectedSpend[i], 12);
    }

    [Fact]
    public void Score_ExtremeCustomers_FiniteNumbers()
    {
        var s = CustomerSummaries.Create(TimeUnit.Week, new DateOnly(2024, 12, 31), ["A", "B", "C"], [1000, 133, 0], [10, 200, 0], [100, 200, 0.5], [50, 20, 0]);
        foreach (ICountModel model in new ICountModel[] { new BgNbdModel(0.243, 4.414, 0.793, 2.426), new ParetoNbdModel(0.553, 10.578, 0.606, 11.669) })
        {
            var scores = ValueScorer.Score(model, new GammaGammaModel(6.25, 3.74, 15.44), s);
            foreach (var column in new[] { scores.ProbabilityAlive, scores.ExpectedPurchases, scores.ExpectedSpend, scores.Clv, scores.ClvIfAlive })
                Assert.All(column, v => Assert.True(double.IsFinite(v) && v >= 0, $"{model.Name}: {v}"));
            Assert.True(scores.Clv[1] > scores.Clv[0]); // active heavy buyer is worth more than the silent one
        }
    }
}
