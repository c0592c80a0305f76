using IvpSim.Data;
using IvpSim.Model.Analysis;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>
/// The given-data estimators on models with known answers, with tolerances from their own standard errors; and the
/// analysis on the seed's plan: a function of the seed and the trajectories only.
/// </summary>
public sealed class SensitivityTests
{
    private const int N = 200_000;

    /// <summary>
    /// Var(E[X | bin]) / Var(X) for a standard normal in <see cref="InputBins.Count"/> equal-probability bins: what a
    /// binned first-order index can see of a linear effect (the rest is inside the bins).
    /// </summary>
    private static double BinnedShare()
    {
        var b = InputBins.Count;
        double share = 0;
        for (var k = 0; k < b; k++)
        {
            double lo = Normal.InvCDF(0, 1, (double)k / b), hi = Normal.InvCDF(0, 1, (double)(k + 1) / b);
            var mean = (Normal.PDF(0, 1, lo) - Normal.PDF(0, 1, hi)) * b;
            share += mean * mean / b;
        }
        return share;
    }

    /// <summary>Y = 10·X1 + 20·X2 + 0·X3 + 10·ε: first-order indices 1/6, 4/6 and 0 (times what the bins can see).</summary>
    [Fact]
    public void Should_recover_the_known_first_order_indices_When_the_model_is_additive()
    {
        UncertainInput[] inputs = [new("x1", "x1", InputKind.Measure, "strong"), new("x2", "x2", InputKind.Measure, "weak"),
            new("x3", "x3", InputKind.Measure, "none")];
        var random = new System.Random(7);
        var samples = Enumerable.Range(0, N).Select(_ => new[] { Gauss(random), Gauss(random), Gauss(random), Gauss(random) }).ToArray();
        var bins = InputBins.From([.. samples.Take(SensitivityAnalysis.PilotTrajectories).Select(s => s[..3])], 1, inputs);
        var acc = new SensitivityAccumulator(1, 3, 1);
        for (var t = 0; t < N; t++)
        {
            var s = samples[t];
            var y = (long)Math.Round(1000 + 10 * s[0] + 20 * s[1] + 10 * s[3]);
            for (var i = 0; i < 3; i++) acc.Add(0, i, t % SensitivityAccumulator.Groups, bins.Bin(i, s[i]), y, [y <= 1000]);
        }
        var seen = BinnedShare();
        double[] expected = [seen / 6, 4 * seen / 6, 0];
        for (var i = 0; i < 3; i++)
        {
            var (index, se) = Estimate(acc, i);
            Assert.InRange(se, 1e-5, 0.02);
            Assert.True(Math.Abs(index - expected[i]) < 4 * se + 0.003 /* rounding Y to whole counts */,
                $"input {i}: index {index:F4} ± {se:F4}, expected {expected[i]:F4}");
        }
    }

    /// <summary>
    /// Scenario A meets the target exactly when U &lt; ½, scenario B exactly when U ≥ ½: each alone has chance ½, and
    /// knowing U first makes it 1, so the value of information about U is ½; about an unrelated input it is ~0.
    /// </summary>
    [Fact]
    public void Should_give_the_known_value_of_information_When_the_better_choice_depends_on_one_input()
    {
        UncertainInput[] inputs = [new("u", "u", InputKind.Measure, "weak"), new("v", "v", InputKind.Measure, "weak")];
        var random = new System.Random(3);
        var samples = Enumerable.Range(0, N).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var bins = InputBins.From([.. samples.Take(SensitivityAnalysis.PilotTrajectories)], 1, inputs);
        var acc = new SensitivityAccumulator(1, 2, 2);
        for (var t = 0; t < N; t++)
        {
            var u = samples[t][0];
            for (var i = 0; i < 2; i++) acc.Add(0, i, t % SensitivityAccumulator.Groups, bins.Bin(i, samples[t][i]), 0, [u < 0.5, u >= 0.5]);
        }
        var pilotMedian = samples.Take(SensitivityAnalysis.PilotTrajectories).Select(s => s[0]).Order().ElementAt(SensitivityAnalysis.PilotTrajectories / 2);
        var (known, knownSe) = Information(acc, 0);
        // The bin edge nearest ½ is the pilot's median: the bin that straddles ½ loses what lies between them.
        Assert.True(Math.Abs(known - 0.5) < 4 * knownSe + Math.Abs(pilotMedian - 0.5) + 1e-9, $"EVPPI(u) {known:F4} ± {knownSe:F4}");
        var (unrelated, unrelatedSe) = Information(acc, 1);
        // Chance alone lifts the maximum over two noisy bin estimates a little: about sd/√π per bin, sd = √(p(1−p)·2/n_b).
        var inflation = Math.Sqrt(0.25 * 2 / (N / InputBins.Count)) / Math.Sqrt(Math.PI);
        Assert.InRange(unrelated, -1e-9, inflation + 4 * unrelatedSe);
    }

    [Fact]
    public void Should_depend_only_on_the_seed_and_the_trajectories_When_the_plan_is_analysed_twice()
    {
        var plan = Plan("ivp-plan.yaml");
        var names = new Dictionary<string, (string, string)>();
        var first = SensitivityAnalysis.Run([plan], names, 6_000);
        var second = SensitivityAnalysis.Run([plan], names, 6_000);
        Assert.Equal(first.Rows, second.Rows);
        // The plan's own crime targets and their joint: the baseline's development matters more than any single measure.
        var ermelo = first.Rows.Where(r => r.Target == "ermelo/total_crimes_excl_cyber").ToList();
        Assert.NotEmpty(ermelo);
        var development = ermelo.Single(r => r.Input == UncertainInput.DevelopmentId);
        Assert.True(ermelo.Where(r => r.KindNl == "maatregel").All(r => r.Index < development.Index));
        Assert.Contains(first.Rows, r => r.Target == AnalysisTarget.AllCountTargetsId);
    }

    private static SimulationPlan Plan(string scenario)
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario(scenario));
        var (planned, costs) = InterventionPlanning.Plan(inputs.Catalogue, inputs.Scenario.Interventions, inputs.Scenario.Budget, inputs.Population);
        return SimulationPlan.Create(inputs.Scenario.Id, 5, SeedModel.Settings, SeedModel.Calibrated, SeedModel.People, planned, costs,
            inputs.Scenario.Budget, inputs.Targets);
    }

    private static double Gauss(System.Random random) => Normal.InvCDF(0, 1, (random.NextDouble() * (1 - 2e-12)) + 1e-12);

    private static (double Index, double Se) Estimate(SensitivityAccumulator acc, int input)
    {
        const int b = InputBins.Count;
        var start = SensitivityAccumulator.Index(acc.Inputs, 0, input, 0, 0);
        var (n, sum, squares) = (new long[b], new long[b], new long[b]);
        var replicates = new List<double>();
        for (var g = 0; g < SensitivityAccumulator.Groups; g++)
        {
            var at = start + g * b;
            for (var k = 0; k < b; k++) (n[k], sum[k], squares[k]) = (n[k] + acc.Trajectories[at + k], sum[k] + acc.Sum[at + k], squares[k] + acc.SumOfSquares[at + k]);
            replicates.Add(BinnedEstimates.FirstOrderIndex(acc.Trajectories.AsSpan(at, b), acc.Sum.AsSpan(at, b), acc.SumOfSquares.AsSpan(at, b)));
        }
        return (BinnedEstimates.FirstOrderIndex(n, sum, squares), BinnedEstimates.Replicates(replicates).Se);
    }

    private static (double Value, double Se) Information(SensitivityAccumulator acc, int input)
    {
        const int b = InputBins.Count;
        var start = SensitivityAccumulator.Index(acc.Inputs, 0, input, 0, 0);
        var n = new long[b];
        var met = acc.Met.Select(_ => new long[b]).ToArray();
        var replicates = new List<double>();
        for (var g = 0; g < SensitivityAccumulator.Groups; g++)
        {
            var at = start + g * b;
            for (var k = 0; k < b; k++)
            {
                n[k] += acc.Trajectories[at + k];
                for (var d = 0; d < met.Length; d++) met[d][k] += acc.Met[d][at + k];
            }
            replicates.Add(BinnedEstimates.ValueOfInformation(acc.Trajectories.AsSpan(at, b), [.. acc.Met.Select(m => m.AsSpan(at, b).ToArray())]));
        }
        return (BinnedEstimates.ValueOfInformation(n, met), BinnedEstimates.Replicates(replicates).Se);
    }
}
