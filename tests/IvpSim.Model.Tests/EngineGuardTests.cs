using System.Collections.Immutable;
using IvpSim.Data;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Interventions;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

/// <summary>
/// Speed must never change results unnoticed: the fast engine is held against straightforward reference
/// implementations for fixed seeds, and must give the very same numbers.
/// </summary>
public sealed class EngineGuardTests
{
    private static readonly Lazy<SimulationPlan> PlanWithInterventions = new(() =>
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario("ivp-plan.yaml"));
        var (planned, costs) = InterventionPlanning.Plan(inputs.Catalogue, inputs.Scenario.Interventions, inputs.Scenario.Budget, inputs.Population);
        return SimulationPlan.Create("guard", 77, SeedModel.Settings, SeedModel.Calibrated, SeedModel.People, planned, costs,
            inputs.Scenario.Budget, inputs.Targets);
    });

    [Fact]
    public void Should_match_a_plain_reference_projection_When_the_kernel_projects_every_series()
    {
        var plan = SimulationPlan.Create("guard", 5, SeedModel.Settings, SeedModel.Calibrated, SeedModel.People);
        var model = plan.Forecast();
        var kernel = new ForecastKernel(model, plan.Seed, plan.StartYear, plan.EndYear);
        var counts = new int[plan.YearCount];
        for (var t = 0; t < 300; t++)
        {
            kernel.Begin(t);
            for (var c = 0; c < model.Components.Length; c++)
            {
                kernel.Component(c, counts, []);
                Assert.Equal(ReferenceProjection.Counts(model, plan.Seed, t, c, plan.StartYear, plan.EndYear), counts);
            }
        }
    }

    [Fact]
    public void Should_equal_a_full_resimulation_per_intervention_When_contributions_recount_only_what_an_intervention_reaches()
    {
        var plan = PlanWithInterventions.Value;
        const int first = 1000, count = 300;

        var fast = new BatchRunner(plan).RunBatch(first, count);
        var reference = ReferenceRun(plan, first, count);

        Assert.Equal(reference.Trajectories, fast.Trajectories);
        Assert.Equal(Flatten(reference.Slots.Select(s => s.Histogram)), Flatten(fast.Slots.Select(s => s.Histogram)));
        Assert.Equal(Flatten(reference.Costs.Select(s => s.Histogram)), Flatten(fast.Costs.Select(s => s.Histogram)));
        Assert.Equal(reference.TargetsMet.ToArray(), fast.TargetsMet.ToArray());
        Assert.Equal(reference.Contributions.Length, fast.Contributions.Length);
        for (var v = 0; v < fast.Contributions.Length; v++)
        {
            Assert.Equal(reference.Contributions[v].InterventionId, fast.Contributions[v].InterventionId);
            Assert.Equal(reference.Contributions[v].Sums.ToArray(), fast.Contributions[v].Sums.ToArray());
            Assert.Equal(Flatten([reference.Contributions[v].Avoided]), Flatten([fast.Contributions[v].Avoided]));
            Assert.Equal(reference.Contributions[v].TargetsMetWithout.ToArray(), fast.Contributions[v].TargetsMetWithout.ToArray());
        }
        Assert.Contains(fast.Contributions, c => c.Sums.Any(s => s != 0));
    }

    [Fact]
    public void Should_allocate_nothing_per_trajectory_When_the_kernel_runs_in_steady_state()
    {
        var plan = SimulationPlan.Create("guard", 5, SeedModel.Settings, SeedModel.Calibrated, SeedModel.People);
        var simulator = new TrajectorySimulator(plan);
        var output = new int[simulator.Layout.Size];
        for (var t = 0; t < 3000; t++) simulator.Simulate(t, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 3000; t < 6000; t++) simulator.Simulate(t, output);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The straightforward way: every trajectory simulated in full with all interventions, then in full again without
    /// each one; differences summed over every slot; histograms counted in dictionaries.
    /// </summary>
    private static RunAggregate ReferenceRun(SimulationPlan plan, long first, int count)
    {
        var layout = new PlanLayout(plan);
        var simulator = new TrajectorySimulator(plan, layout);
        var effects = new EffectComposer(plan, layout);
        var costs = new CostComposer(plan);
        var slots = Enumerable.Range(0, layout.Output.Size).Select(_ => new List<int>()).ToArray();
        var costValues = Enumerable.Range(0, costs.Layout.Size).Select(_ => new List<int>()).ToArray();
        var variants = Enumerable.Range(0, plan.Interventions.Length).Append(EffectComposer.All).ToArray();
        var sums = variants.Select(_ => new long[layout.Output.Size]).ToArray();
        var avoided = variants.Select(_ => new List<int>()).ToArray();
        var metWithout = variants.Select(_ => new long[plan.Targets.Length]).ToArray();
        var met = new long[plan.Targets.Length];
        var targetSlots = plan.Targets.Select(t => layout.Output.Slot(t.Region, t.Indicator, t.DecisiveYear)).ToArray();
        var avoidedSlots = Enumerable.Range(plan.StartYear, plan.YearCount)
            .Select(y => layout.Output.Slot(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, y)).ToArray();
        var multipliers = new double[layout.Components * layout.Years];
        var with = new int[layout.Output.Size];
        var without = new int[layout.Output.Size];
        var cost = new int[costs.Layout.Size];
        for (var t = first; t < first + count; t++)
        {
            effects.Draw(t);
            effects.Compose(multipliers);
            simulator.Simulate(t, with, multipliers);
            for (var i = 0; i < with.Length; i++) slots[i].Add(with[i]);
            for (var j = 0; j < targetSlots.Length; j++) if (plan.Targets[j].IsMetBy(with[targetSlots[j]])) met[j]++;
            costs.Simulate(t, cost);
            for (var i = 0; i < cost.Length; i++) costValues[i].Add(cost[i]);
            for (var v = 0; v < variants.Length; v++)
            {
                effects.Compose(multipliers, variants[v]);
                simulator.Simulate(t, without, multipliers);
                for (var i = 0; i < with.Length; i++) sums[v][i] += with[i] - without[i];
                avoided[v].Add(avoidedSlots.Sum(s => without[s] - with[s]));
                for (var j = 0; j < targetSlots.Length; j++) if (plan.Targets[j].IsMetBy(without[targetSlots[j]])) metWithout[v][j]++;
            }
            effects.Compose(multipliers);
        }
        var ids = plan.Interventions.Select(i => i.Id).Append(ContributionSums.AllId).ToArray();
        return new RunAggregate(count,
            [.. layout.Output.Keys().Select(k => new SlotHistogram(k.Region, k.Indicator, k.Year, CountHistogram.Of(slots[k.Slot])))],
            [.. variants.Select((_, v) => new ContributionSums(ids[v], [.. sums[v]], CountHistogram.Of(avoided[v]), [.. metWithout[v]]))],
            [.. costs.Layout.Keys().Select(k => new CostHistogram(k.Region, k.Item, k.Year, CountHistogram.Of(costValues[k.Slot])))],
            [.. met], [], []);
    }

    private static (int, long)[] Flatten(IEnumerable<CountHistogram> histograms) =>
        [.. histograms.SelectMany((h, i) => h.Values.Select((v, k) => (v + i * 1_000_000, h.Counts[k])))];

    /// <summary>One series projected the plain way: the model's steps written out, with an exact Poisson search.</summary>
    private static class ReferenceProjection
    {
        public static int[] Counts(ForecastModel model, ulong seed, long trajectory, int component, int startYear, int endYear)
        {
            var settings = model.Settings;
            var fit = model.Components[component];
            var first = Math.Min(startYear, model.Components.Concat(model.Anchors).Min(c => c.LastYear + 1));
            var key = RandomStreams.TrajectoryKey(seed, trajectory);
            var common = RandomStream.For(key, RandomStreams.Purpose("common-shock"));
            var shocks = new Dictionary<int, (double Common, double Drift, bool Jump)>();
            for (var year = first; year <= endYear; year++)
                shocks[year] = (common.NextStandardNormal(), common.NextStandardNormal(),
                    settings.JumpProbability > 0 && common.NextDouble() < settings.JumpProbability);
            var national = Structures.All[StructureChoice.AnchorStructure(settings.AnchorWeights.AsSpan(), seed, trajectory)];
            var structure = fit.Local ? national : Structures.All[StructureChoice.Structure(settings.Weights.AsSpan(), seed, trajectory)];
            Dictionary<int, double>? anchorPath = null;
            if ((fit.Local || structure.Kind == StructureKind.Anchored) && fit.HasAnchor)
            {
                // The national series this one follows: observed up to its last year, projected after it (no jumps, no wandering slope).
                var anchor = model.Anchors[fit.Anchor];
                var anchorRng = RandomStream.For(key, RandomStreams.Purpose($"national/{anchor.Indicator}"));
                anchorPath = Latent(model, anchor, national, ref anchorRng, shocks, null, endYear, nationalPath: true);
                for (var i = 0; i < anchor.ObservedYears.Length; i++) anchorPath[anchor.ObservedYears[i]] = Math.Log(anchor.ObservedValues[i] + 0.5);
            }
            else if (structure.Kind == StructureKind.Anchored)
            {
                structure = Structures.All[Structures.IndexOf(Structures.LocalLevelId)];
            }
            var rng = RandomStream.For(key, model.Purposes[component]);
            var region = fit.Local ? Region.Draw(key, fit.Region, first, endYear, settings.LocalVolatilityShape) : null;
            var latent = fit.Local
                ? LocalLatent(model, fit, region!, ref rng, anchorPath, endYear)
                : Latent(model, fit, structure, ref rng, shocks, anchorPath, endYear, nationalPath: false);
            // A municipal series shares the size-free part of its noise with its municipality's other series.
            var municipalSd = fit.Local ? Math.Sqrt(Math.Min(settings.LocalNoise, fit.Noise)) : 0;
            var rho = model.CommonCorrelation;
            var counts = new int[endYear - startYear + 1];
            for (var year = fit.LastYear + 1; year <= endYear; year++)
            {
                var shock = fit.Local
                    ? Math.Sqrt(Math.Max(0, fit.Noise - municipalSd * municipalSd)) * rng.NextStandardNormal() + municipalSd * region!.Shock[year]
                    : Math.Sqrt(rho * fit.Noise) * shocks[year].Common + Math.Sqrt((1 - rho) * fit.Noise) * rng.NextStandardNormal();
                var mean = Math.Max(0, Math.Exp(latent[year] + shock) - 0.5);
                var count = ReferencePoisson.Quantile(Math.Min(mean, ForecastKernel.MaxYearlyCount), rng.NextStandardNormal());
                if (year >= startYear) counts[year - startYear] = count;
            }
            return counts;
        }

        /// <summary>
        /// What a municipality's series share in a trajectory: its drift and yearly shock per year, and its offsets' error;
        /// drift and shock scaled by √w, w ~ Gamma(shape, 1/shape), when municipalities move unequally.
        /// </summary>
        private sealed record Region(Dictionary<int, double> Drift, Dictionary<int, double> Shock, double Offset)
        {
            public static Region Draw(ulong key, string region, int first, int endYear, double shape)
            {
                var rng = RandomStream.For(key, RandomStreams.Purpose($"local/{region}"));
                var drift = new Dictionary<int, double>();
                var shock = new Dictionary<int, double>();
                for (var year = first; year <= endYear; year++) drift[year] = rng.NextStandardNormal();
                for (var year = first; year <= endYear; year++) shock[year] = rng.NextStandardNormal();
                var offset = rng.NextStandardNormal();
                var scale = shape > 0 ? Math.Sqrt(GammaSampler.Sample(ref rng, shape) / shape) : 1;
                return new(drift.ToDictionary(d => d.Key, d => d.Value * scale), shock.ToDictionary(d => d.Key, d => d.Value * scale), offset);
            }
        }

        /// <summary>A municipal series: the national path plus the offset, which walks with the municipality's own drift.</summary>
        private static Dictionary<int, double> LocalLatent(ForecastModel model, SeriesFit fit, Region region, ref RandomStream rng,
            Dictionary<int, double>? anchorPath, int endYear)
        {
            var settings = model.Settings;
            var own = rng.NextStandardNormal();
            var level = anchorPath is null ? fit.Level.Level + fit.Level.Sd * own : fit.Offset.Level + fit.Offset.Sd * region.Offset;
            var path = new Dictionary<int, double>();
            for (var year = fit.LastYear + 1; year <= endYear; year++)
            {
                level += settings.LocalDriftSd * region.Drift[year];
                if (anchorPath is null) level += settings.LevelDriftSd * rng.NextStandardNormal();
                path[year] = anchorPath is null ? level : anchorPath[year] + level;
            }
            return path;
        }

        private static Dictionary<int, double> Latent(ForecastModel model, SeriesFit fit, Structure structure, ref RandomStream rng,
            Dictionary<int, (double Common, double Drift, bool Jump)> shocks, Dictionary<int, double>? anchorPath, int endYear, bool nationalPath)
        {
            var settings = model.Settings;
            var rho = model.CommonCorrelation;
            // The series' own drift scale multiplies both drift variances.
            var levelDrift = settings.LevelDriftSd * Math.Sqrt(fit.DriftScale);
            var slopeDrift = settings.SlopeDriftSd * Math.Sqrt(fit.DriftScale);
            double level, slope = 0;
            if (structure.Kind == StructureKind.Trend)
            {
                double e1 = rng.NextStandardNormal(), e2 = rng.NextStandardNormal();
                level = fit.Trend.Level + fit.Trend.L11 * e1;
                slope = fit.Trend.Slope + fit.Trend.L21 * e1 + fit.Trend.L22 * e2;
            }
            else if (structure.Kind == StructureKind.Anchored) level = fit.Offset.Level + fit.Offset.Sd * rng.NextStandardNormal();
            else if (structure.Kind == StructureKind.RandomWalk) level = Math.Log(fit.ObservedValues[^1] + 0.5);
            else level = fit.Level.Level + fit.Level.Sd * rng.NextStandardNormal();
            var anchored = structure.Kind == StructureKind.Anchored;
            var path = new Dictionary<int, double>();
            for (var year = fit.LastYear + 1; year <= endYear; year++)
            {
                if (structure.Kind == StructureKind.Trend)
                {
                    slope *= structure.Damping;
                    if (slopeDrift > 0 && !nationalPath) slope += slopeDrift * rng.NextStandardNormal();
                    level += slope;
                }
                // An offset to a national path takes only its own shifts; a national path takes no jumps.
                if (!anchored) level += levelDrift * Math.Sqrt(rho) * shocks[year].Drift;
                level += levelDrift * Math.Sqrt(1 - rho) * rng.NextStandardNormal();
                if (shocks[year].Jump && !anchored && !nationalPath) level += settings.JumpSd * rng.NextStandardNormal();
                path[year] = anchorPath is null ? level : anchorPath[year] + level;
            }
            return path;
        }

    }
}
