using IvpSim.Data;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

public sealed class SimulationTests
{
    private static ObservationSet Data => SeedModel.Data;
    private static Population People => SeedModel.People;

    private static SimulationPlan Plan(ObservationSet? data = null, ModelSettings? settings = null)
    {
        settings ??= SeedModel.Settings;
        return SimulationPlan.Create("test", 42, settings, BaselineCalibrator.Calibrate(data ?? Data, settings, SeedModel.Inputs.National), People);
    }

    [Fact]
    public void Should_keep_totals_equal_to_their_parts_and_the_region_to_its_municipalities_When_simulating()
    {
        var simulator = new TrajectorySimulator(Plan());
        var layout = simulator.Layout;
        var buffer = new int[layout.Size];
        for (var t = 0; t < 200; t++)
        {
            simulator.Simulate(t, buffer);
            for (var year = 2020; year <= 2024; year++)
            {
                foreach (var region in Regions.All.Select(r => r.Id))
                {
                    int V(string indicator) => buffer[layout.Slot(region, indicator, year)];
                    Assert.Equal(Indicators.ExclCyberParts.Sum(V), V(Indicators.TotalCrimesExclCyber));
                    Assert.Equal(V(Indicators.TotalCrimesExclCyber) + V(Indicators.OnlineTradeFraud), V(Indicators.TotalCrimes));
                }
                foreach (var indicator in Indicators.All.Where(i => i.Kind == IndicatorKind.Count).Select(i => i.Id))
                {
                    Assert.Equal(Regions.Municipalities.Sum(m => buffer[layout.Slot(m, indicator, year)]),
                        buffer[layout.Slot(Regions.VeluweWest, indicator, year)]);
                }
            }
        }
    }

    [Fact]
    public void Should_give_identical_results_When_the_same_trajectories_are_batched_differently()
    {
        var plan = Plan();
        var whole = MonteCarlo.RunBatch(plan, 0, 300);
        var pieces = MonteCarlo.Batches(300, 70).Reverse()
            .Aggregate(RunAggregate.Empty, (acc, b) => acc.Merge(MonteCarlo.RunBatch(plan, b.First, b.Count)));
        Assert.Equal(whole.Trajectories, pieces.Trajectories);
        for (var i = 0; i < whole.Slots.Length; i++)
        {
            Assert.Equal(whole.Slots[i].Histogram.Values.ToArray(), pieces.Slots[i].Histogram.Values.ToArray());
            Assert.Equal(whole.Slots[i].Histogram.Counts.ToArray(), pieces.Slots[i].Histogram.Counts.ToArray());
        }
    }

    [Fact]
    public void Should_not_extrapolate_a_steep_fall_with_confidence_When_only_four_years_show_it()
    {
        // Every count series drops sharply once (as in 2016-2017) and then stays level: 400, 250, 245, 250.
        double[] shape = [400, 250, 245, 250];
        var dropped = Data.Items.Where(o => Indicators.Get(o.Indicator).Kind == IndicatorKind.Count && o.Region != Regions.VeluweWest)
            .Select(o => o with { Value = shape[o.Year - 2016] })
            .Concat(Data.Items.Where(o => o.Indicator == Indicators.SafetyScore)).ToArray();
        var plan = Plan(new ObservationSet([.. dropped]));
        var result = MonteCarlo.RunBatch(plan, 0, 2000);
        var h = result.Find(Regions.Ermelo, Indicators.Violence, 2024)!;

        // A straight line through the four log counts, carried on to 2024.
        var logs = shape.Select(v => Math.Log(v)).ToArray();
        var slope = MathNet.Numerics.Fit.Line([0.0, 1, 2, 3], logs).Item2;
        var straightLine = 250 * Math.Exp(slope * 5);
        Assert.True(h.Quantile(0.5) > 1.5 * straightLine, $"median {h.Quantile(0.5)} follows the straight line {straightLine:F0}");
        Assert.InRange(250, h.Quantile(0.05), h.Quantile(0.95));
    }

    [Fact]
    public void Should_fill_a_year_the_data_skip_around_its_neighbours_When_newer_years_are_observed()
    {
        // Newer data for 2021-2022 but not 2020: 2020 is a gap inside the observed range of every count series.
        var newer = Data.Items.Where(o => o.Year == 2019 && Indicators.Get(o.Indicator).Kind == IndicatorKind.Count && o.Region != Regions.VeluweWest)
            .SelectMany(o => new[] { o with { Year = 2021 }, o with { Year = 2022 } });
        var plan = Plan(new ObservationSet([.. Data.Items, .. newer]));
        var result = MonteCarlo.RunBatch(plan, 0, 500);
        var gap = result.Find(Regions.Ermelo, Indicators.TotalCrimes, 2020)!;
        Assert.InRange(gap.Quantile(0.5), 900, 1150);
        Assert.True(gap.Quantile(0.01) > 500, $"a gap year must not fall to near zero: P1 = {gap.Quantile(0.01)}");
        Assert.Equal([1010], result.Find(Regions.Ermelo, Indicators.TotalCrimes, 2021)!.Values.ToArray());
    }

    [Fact]
    public void Should_show_more_than_poisson_spread_When_projecting_a_count()
    {
        var result = MonteCarlo.RunBatch(Plan(), 0, 4000);
        var h = result.Find(Regions.Harderwijk, Indicators.Violence, 2020)!;
        var mean = h.Mean();
        double variance = 0;
        for (var i = 0; i < h.Values.Length; i++) variance += h.Counts[i] * Math.Pow(h.Values[i] - mean, 2);
        variance /= h.Total - 1;
        Assert.True(variance > 2 * mean, $"variance {variance:F0} is close to Poisson (mean {mean:F0})");
    }

    [Fact]
    public void Should_publish_scores_with_one_decimal_on_the_1_to_10_scale()
    {
        var result = MonteCarlo.RunBatch(Plan(), 0, 500);
        foreach (var region in Regions.All)
        {
            var h = result.Find(region.Id, Indicators.SafetyScore, 2023)!;
            Assert.All(h.Values, v => Assert.True(v % 10 == 0 && v is >= 100 and <= 1000));
        }
    }
}
