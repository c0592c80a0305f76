using System.Collections.Immutable;
using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

public sealed class InterventionEffectTests
{
    private static Population People => SeedModel.People;

    private static Intervention Measure(string id, Distribution effect, bool existing = false, int ramp = 1,
        double localSd = 0, double coverage = 1, string indicator = Indicators.ResidentialBurglary) =>
        new(id, id, [], Regions.Municipalities, existing, ramp, localSd,
            [new InterventionEffect(indicator, effect, coverage, false)],
            new InterventionCost(Distribution.Fixed(0), Distribution.Fixed(0), "", 2020), new Evidence("none", ""));

    private static InterventionUse Use(string id, string municipality, int start = 2021, double intensity = 1) =>
        new(id, municipality, start, intensity, null, null, ImmutableDictionary<string, Distribution>.Empty);

    private static SimulationPlan Plan(params PlannedIntervention[] interventions) =>
        SimulationPlan.Create("t", 5, SeedModel.Settings, SeedModel.Calibrated, People, [.. interventions]);

    /// <summary>Every component's multiplier per year (component-major), leaving out intervention <paramref name="excluded"/>.</summary>
    private static double[] Multipliers(SimulationPlan plan, long trajectory, int excluded = -1)
    {
        var layout = new PlanLayout(plan);
        var composer = new EffectComposer(plan, layout);
        composer.Draw(trajectory);
        var m = new double[layout.Components * layout.Years];
        composer.Compose(m, excluded);
        return m;
    }

    private static readonly PlanLayout Components = new(Plan());

    private static int Slot(string region, int year, string indicator = Indicators.ResidentialBurglary) =>
        Components.Component(region, indicator) * Components.Years + (year - 2020);

    [Fact]
    public void Should_share_one_effect_draw_across_municipalities_When_there_is_no_local_deviation()
    {
        var pert = new Distribution(DistributionKind.Pert, -0.4, -0.16, 0);
        var measure = Measure("m", pert);
        var plan = Plan(PlannedIntervention.Create(measure, [Use("m", Regions.Ermelo), Use("m", Regions.Putten)]));
        var draws = new HashSet<double>();
        for (var t = 0; t < 50; t++)
        {
            var m = Multipliers(plan, t);
            Assert.Equal(m[Slot(Regions.Ermelo, 2024)], m[Slot(Regions.Putten, 2024)]);
            Assert.Equal(1.0, m[Slot(Regions.Harderwijk, 2024)]);
            Assert.InRange(m[Slot(Regions.Ermelo, 2024)], 0.6, 1.0);
            draws.Add(m[Slot(Regions.Ermelo, 2024)]);
        }
        Assert.True(draws.Count > 45, "the effect must be drawn anew in every trajectory");
    }

    [Fact]
    public void Should_deviate_locally_but_stay_correlated_When_a_local_deviation_is_set()
    {
        var measure = Measure("m", new Distribution(DistributionKind.Pert, -0.4, -0.16, 0), localSd: 0.05);
        var plan = Plan(PlannedIntervention.Create(measure, [Use("m", Regions.Ermelo), Use("m", Regions.Putten)]));
        var pairs = Enumerable.Range(0, 400).Select(t => Multipliers(plan, t))
            .Select(m => (m[Slot(Regions.Ermelo, 2024)], m[Slot(Regions.Putten, 2024)])).ToArray();
        Assert.Contains(pairs, p => p.Item1 != p.Item2);
        var correlation = MathNet.Numerics.Statistics.Correlation.Pearson(pairs.Select(p => p.Item1), pairs.Select(p => p.Item2));
        Assert.InRange(correlation, 0.6, 1.0);
    }

    [Fact]
    public void Should_ramp_up_from_the_start_year_When_full_strength_takes_years()
    {
        var plan = Plan(PlannedIntervention.Create(Measure("m", Distribution.Fixed(-0.2), ramp: 2), [Use("m", Regions.Ermelo, start: 2022)]));
        var m = Multipliers(plan, 0);
        Assert.Equal(1.0, m[Slot(Regions.Ermelo, 2020)]);
        Assert.Equal(1.0, m[Slot(Regions.Ermelo, 2021)]);
        Assert.Equal(0.9, m[Slot(Regions.Ermelo, 2022)], 12);
        Assert.Equal(0.8, m[Slot(Regions.Ermelo, 2023)], 12);
        Assert.Equal(0.8, m[Slot(Regions.Ermelo, 2024)], 12);
    }

    [Fact]
    public void Should_multiply_effects_When_two_measures_act_on_one_indicator()
    {
        var plan = Plan(
            PlannedIntervention.Create(Measure("a", Distribution.Fixed(-0.2)), [Use("a", Regions.Ermelo)]),
            PlannedIntervention.Create(Measure("b", Distribution.Fixed(-0.1), coverage: 0.5), [Use("b", Regions.Ermelo, intensity: 2)]));
        var both = Multipliers(plan, 0)[Slot(Regions.Ermelo, 2024)];
        Assert.Equal(0.8 * 0.9, both, 12);
        Assert.Equal(0.9, Multipliers(plan, 0, excluded: 0)[Slot(Regions.Ermelo, 2024)], 12);
        Assert.Equal(0.8, Multipliers(plan, 0, excluded: 1)[Slot(Regions.Ermelo, 2024)], 12);
        Assert.Equal(1.0, Multipliers(plan, 0, excluded: EffectComposer.All)[Slot(Regions.Ermelo, 2024)]);
    }

    [Fact]
    public void Should_never_drive_a_count_below_zero_When_intensity_overshoots()
    {
        var plan = Plan(PlannedIntervention.Create(Measure("m", Distribution.Fixed(-0.9)), [Use("m", Regions.Putten, start: 2020, intensity: 5)]));
        Assert.Equal(0.0, Multipliers(plan, 0)[Slot(Regions.Putten, 2022)]);
        var result = MonteCarlo.RunBatch(plan, 0, 200);
        var burglary = result.Find(Regions.Putten, Indicators.ResidentialBurglary, 2022)!;
        Assert.Equal([0], burglary.Values.ToArray());
        Assert.All(result.Slots, s => Assert.True(s.Histogram.Values[0] >= 0));
    }

    [Fact]
    public void Should_add_no_effect_When_existing_policy_continues_unchanged()
    {
        var existing = Measure("m", Distribution.Fixed(-0.3), existing: true);
        Assert.Equal(1.0, Multipliers(Plan(PlannedIntervention.Create(existing, [Use("m", Regions.Ermelo)])), 0)[Slot(Regions.Ermelo, 2024)]);
        Assert.Equal(0.85, Multipliers(Plan(PlannedIntervention.Create(existing, [Use("m", Regions.Ermelo, intensity: 1.5)])), 0)[Slot(Regions.Ermelo, 2024)], 12);
        // Stopping existing policy (intensity 0) takes its effect away: more burglary.
        Assert.Equal(1.3, Multipliers(Plan(PlannedIntervention.Create(existing, [Use("m", Regions.Ermelo, intensity: 0)])), 0)[Slot(Regions.Ermelo, 2024)], 12);
    }

    [Fact]
    public void Should_equal_the_baseline_exactly_When_the_contribution_of_all_interventions_is_taken_off()
    {
        var plan = Plan(
            PlannedIntervention.Create(Measure("a", new Distribution(DistributionKind.Pert, -0.4, -0.16, 0)), [Use("a", Regions.Ermelo), Use("a", Regions.Putten)]),
            PlannedIntervention.Create(Measure("b", new Distribution(DistributionKind.Triangular, -0.2, -0.1, 0.05), indicator: Indicators.OtherCrimes), [Use("b", Regions.Harderwijk, start: 2022)]));
        var with = MonteCarlo.RunBatch(plan, 0, 300);
        var without = MonteCarlo.RunBatch(Plan(), 0, 300);
        var all = with.Contributions.Single(c => c.InterventionId == "*");
        for (var slot = 0; slot < with.Slots.Length; slot++)
        {
            long Sum(Aggregation.CountHistogram h) => h.Values.Select((v, i) => v * h.Counts[i]).Sum();
            Assert.Equal(Sum(without.Slots[slot].Histogram), Sum(with.Slots[slot].Histogram) - all.Sums[slot]);
        }
        // The burglary measure lowers Ermelo's total; the other one never touches Ermelo.
        var layout = new OutputLayout(2020, 2024);
        Assert.True(all.Sums[layout.Slot(Regions.Ermelo, Indicators.TotalCrimesExclCyber, 2024)] < 0);
        Assert.Equal(0, with.Contributions[1].Sums[layout.Slot(Regions.Ermelo, Indicators.TotalCrimesExclCyber, 2024)]);
    }
}
