using IvpSim.Data;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Tests;

public sealed class SeedDataTests
{
    private static readonly ObservationSet Data = new(ObservationCsv.Read(RepoRoot.Data("observations.csv")));

    // The seed's own Table 2.1 has two region cells that differ by one from the sum of its municipalities.
    private static readonly HashSet<(string, int)> KnownSeedDiscrepancies =
        [(Indicators.ConfusedBehaviour, 2016), (Indicators.ConfusedBehaviour, 2018)];

    [Fact]
    public void Should_match_the_sum_of_municipalities_When_reading_every_region_row()
    {
        var checkedRows = 0;
        foreach (var row in Data.Items.Where(o => o.Region == Regions.VeluweWest && Indicators.Get(o.Indicator).Kind == IndicatorKind.Count))
        {
            var parts = Regions.Municipalities.Select(m => Data.Get(m, row.Indicator, row.Year)).ToArray();
            if (parts.Any(p => p is null)) continue;
            var sum = parts.Sum(p => p!.Value);
            if (KnownSeedDiscrepancies.Contains((row.Indicator, row.Year)))
            {
                Assert.Equal(1, Math.Abs(row.Value - sum));
            }
            else
            {
                Assert.True(row.Value == sum, $"{row.Indicator} {row.Year}: region {row.Value} vs sum {sum}");
            }
            checkedRows++;
        }
        Assert.Equal(7 * 4 + 2 + 2, checkedRows);
    }

    [Fact]
    public void Should_hold_every_cell_of_table_2_1_When_counting_rows()
    {
        foreach (var indicator in new[] { Indicators.TotalCrimes, Indicators.Violence, Indicators.ResidentialBurglary,
                     Indicators.VehicleTheftFrom, Indicators.BicycleMopedTheft, Indicators.YouthNuisance, Indicators.ConfusedBehaviour })
        {
            foreach (var region in Regions.All)
                Assert.Equal([2016, 2017, 2018, 2019], Data.Series(region.Id, indicator).Select(p => p.Year));
        }
        // Online-trade fraud: empty cells stay missing for the municipalities in 2016-2017.
        Assert.Null(Data.Get(Regions.Ermelo, Indicators.OnlineTradeFraud, 2017));
        Assert.Equal(132, Data.Get(Regions.VeluweWest, Indicators.OnlineTradeFraud, 2016));
    }

    [Theory]
    [InlineData(Regions.Ermelo, 930)]
    [InlineData(Regions.Harderwijk, 1696)]
    [InlineData(Regions.Putten, 561)]
    public void Should_equal_total_minus_online_fraud_When_reading_the_2019_target_baseline(string region, int baseline)
    {
        Assert.Equal(baseline, Data.Get(region, Indicators.TotalCrimesExclCyber, 2019));
        Assert.Equal(baseline, Data.Get(region, Indicators.TotalCrimes, 2019) - Data.Get(region, Indicators.OnlineTradeFraud, 2019));
    }

    [Fact]
    public void Should_list_the_six_targets_of_chapter_3()
    {
        var targets = TargetCsv.Read(RepoRoot.Data("targets.csv"));
        Assert.Equal(6, targets.Length);
        Assert.Contains(targets, t => t.Region == Regions.Harderwijk && t.Indicator == Indicators.TotalCrimesExclCyber && t.Value == 1500);
        Assert.All(targets.Where(t => t.Indicator == Indicators.SafetyScore), t => Assert.Equal(2023, t.DecisiveYear));
    }
}
