using System.Collections.Immutable;
using IvpSim.Data;
using IvpSim.Model.Budget;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

public sealed class BudgetTests
{
    private static Population People => SeedModel.People;

    private static Intervention Measure(string id, Distribution yearly, bool existing = false, Distribution? oneOff = null) =>
        new(id, id, ["t"], Regions.Municipalities, existing, 1, 0, [],
            new InterventionCost(yearly, oneOff ?? Distribution.Fixed(0), "", 2020), new Evidence("none", ""));

    private static InterventionUse Use(string id, string municipality, int start = 2021, double intensity = 1, bool shared = false) =>
        new(id, municipality, start, intensity, null, null, ImmutableDictionary<string, Distribution>.Empty, null, shared);

    private static (CostComposer Composer, SimulationPlan Plan) Composer(BudgetSettings budget, params (Intervention Measure, InterventionUse[] Uses)[] items)
    {
        var costs = items.Select(i => PlannedCost.Create(i.Measure, i.Uses, budget, People)).ToImmutableArray();
        var plan = SimulationPlan.Create("t", 9, SeedModel.Settings, SeedModel.Calibrated, People, [], costs, budget);
        return (new CostComposer(plan), plan);
    }

    private static double Euros(CostComposer composer, long trajectory, string region, string item, int year)
    {
        var output = new int[composer.Layout.Size];
        composer.Simulate(trajectory, output);
        var r = Regions.All.IndexOf(Regions.Get(region));
        var k = composer.Layout.Items.ToList().IndexOf(item);
        return output[composer.Layout.Slot(r, k, year)] * (double)CostLayout.EurosPerUnit;
    }

    private static readonly BudgetSettings NoIndex = BudgetSettings.Default with { Indexation = 0 };

    [Fact]
    public void Should_cost_nothing_extra_When_existing_policy_continues_unchanged()
    {
        var existing = Measure("e", Distribution.Fixed(40_000), existing: true);
        var (same, _) = Composer(NoIndex, (existing, [Use("e", Regions.Ermelo, intensity: 1)]));
        Assert.Equal(0, Euros(same, 0, Regions.Ermelo, CostLayout.TotalId, 2023));
        var (more, _) = Composer(NoIndex, (existing, [Use("e", Regions.Ermelo, intensity: 1.5)]));
        Assert.Equal(20_000, Euros(more, 0, Regions.Ermelo, "e", 2023));
    }

    [Theory]
    [InlineData(SplitKey.Equal, 30_000, 30_000, 30_000)]
    [InlineData(SplitKey.Explicit, 18_000, 45_000, 27_000)]
    public void Should_split_a_shared_measure_by_the_chosen_key(SplitKey key, double ermelo, double harderwijk, double putten)
    {
        var budget = NoIndex with
        {
            Key = key,
            ExplicitShares = ImmutableDictionary<string, double>.Empty.Add(Regions.Ermelo, 0.2).Add(Regions.Harderwijk, 0.5).Add(Regions.Putten, 0.3),
        };
        var joint = Measure("j", Distribution.Fixed(90_000));
        var (composer, _) = Composer(budget, (joint, [.. Regions.Municipalities.Select(m => Use("j", m, shared: true))]));
        Assert.Equal(ermelo, Euros(composer, 0, Regions.Ermelo, "j", 2022));
        Assert.Equal(harderwijk, Euros(composer, 0, Regions.Harderwijk, "j", 2022));
        Assert.Equal(putten, Euros(composer, 0, Regions.Putten, "j", 2022));
        Assert.Equal(90_000, Euros(composer, 0, Regions.VeluweWest, "j", 2022));
    }

    [Fact]
    public void Should_split_by_inhabitants_of_the_start_year_When_the_key_is_the_default()
    {
        var joint = Measure("j", Distribution.Fixed(100_000));
        var (composer, _) = Composer(NoIndex, (joint, [.. Regions.Municipalities.Select(m => Use("j", m, start: 2024, shared: true))]));
        var shares = People.Shares(2024);
        for (var i = 0; i < 3; i++)
            Assert.Equal(100_000 * shares[i], Euros(composer, 0, Regions.Municipalities[i], "j", 2024), 50.0);
        // Not shared: each municipality pays the whole unit.
        var (own, _) = Composer(NoIndex, (joint, [.. Regions.Municipalities.Select(m => Use("j", m, start: 2024))]));
        Assert.Equal(300_000, Euros(own, 0, Regions.VeluweWest, "j", 2024));
    }

    [Fact]
    public void Should_give_each_municipality_the_effect_of_its_share_When_a_measure_is_shared()
    {
        var measure = new Intervention("j", "j", ["t"], Regions.Municipalities, false, 1, 0,
            [new InterventionEffect(Indicators.ResidentialBurglary, Distribution.Fixed(-0.3), 1, false)],
            new InterventionCost(Distribution.Fixed(90_000), Distribution.Fixed(0), "", 2020), new Evidence("none", ""));
        InterventionUse[] uses = [.. Regions.Municipalities.Select(m => Use("j", m, shared: true, intensity: 1.5))];
        var shares = PlannedCost.UseShares(uses, NoIndex with { Key = SplitKey.Equal }, People);
        var planned = PlannedIntervention.Create(measure, uses, shares);
        Assert.All(planned.Uses, u => Assert.Equal(0.5, u.Effects[0].Scale, 12));
        var own = PlannedIntervention.Create(measure, [.. Regions.Municipalities.Select(m => Use("j", m, intensity: 1.5))]);
        Assert.All(own.Uses, u => Assert.Equal(1.5, u.Effects[0].Scale, 12));
    }

    [Fact]
    public void Should_index_prices_yearly_and_charge_one_off_costs_in_the_start_year()
    {
        var measure = Measure("m", Distribution.Fixed(10_000), oneOff: Distribution.Fixed(50_000));
        var (composer, _) = Composer(NoIndex with { Indexation = 0.03 }, (measure, [Use("m", Regions.Putten, start: 2022)]));
        Assert.Equal(0, Euros(composer, 0, Regions.Putten, "m", 2021));
        Assert.Equal(60_000 * 1.03 * 1.03, Euros(composer, 0, Regions.Putten, "m", 2022), 50.0);
        Assert.Equal(10_000 * Math.Pow(1.03, 4), Euros(composer, 0, Regions.Putten, "m", 2024), 50.0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Should_correlate_cost_overruns_across_measures_as_requested(double rho)
    {
        const int n = 3000;
        var pert = new Distribution(DistributionKind.Pert, 10_000, 20_000, 60_000);
        var (composer, _) = Composer(NoIndex with { CostCorrelation = rho },
            (Measure("a", pert), [Use("a", Regions.Ermelo, start: 2020)]),
            (Measure("b", pert), [Use("b", Regions.Harderwijk, start: 2020)]));
        var output = new int[composer.Layout.Size];
        var (a, b) = (new double[n], new double[n]);
        for (var t = 0; t < n; t++)
        {
            composer.Simulate(t, output);
            a[t] = output[composer.Layout.Slot(0, 0, 2021)];
            b[t] = output[composer.Layout.Slot(1, 1, 2021)];
        }
        // A Gaussian copula with correlation rho has Spearman correlation (6/π)·asin(rho/2); its sampling sd is below 1/√(n−3).
        var expected = 6 / Math.PI * Math.Asin(rho / 2);
        var measured = MathNet.Numerics.Statistics.Correlation.Spearman(a, b);
        Assert.InRange(measured, expected - 4 / Math.Sqrt(n - 3), expected + 4 / Math.Sqrt(n - 3));
        // Each measure keeps its own distribution: the mean of a PERT(10k, 20k, 60k) is 25k.
        Assert.InRange(a.Average() * CostLayout.EurosPerUnit, 25_000 * 0.97, 25_000 * 1.03);
    }

    [Fact]
    public void Should_sum_to_the_region_in_every_trajectory_and_repeat_with_the_seed()
    {
        var pert = new Distribution(DistributionKind.Pert, 5_000, 15_000, 40_000);
        var items = new (Intervention, InterventionUse[])[]
        {
            (Measure("a", pert), [.. Regions.Municipalities.Select(m => Use("a", m))]),
            (Measure("b", pert, oneOff: pert), [.. Regions.Municipalities.Select(m => Use("b", m, shared: true, intensity: 2))]),
        };
        var (composer, _) = Composer(BudgetSettings.Default, items);
        var (again, _) = Composer(BudgetSettings.Default, items);
        var layout = composer.Layout;
        var output = new int[layout.Size];
        var repeat = new int[layout.Size];
        for (var t = 0; t < 200; t++)
        {
            composer.Simulate(t, output);
            again.Simulate(t, repeat);
            Assert.Equal(output, repeat);
            for (var k = 0; k < layout.Items.Count; k++)
                for (var year = 2020; year <= 2024; year++)
                    Assert.Equal(output[layout.Slot(0, k, year)] + output[layout.Slot(1, k, year)] + output[layout.Slot(2, k, year)],
                        output[layout.Slot(3, k, year)]);
        }
    }
}
