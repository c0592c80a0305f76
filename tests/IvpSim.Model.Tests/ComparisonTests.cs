using IvpSim.Data;
using IvpSim.Model.Comparison;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

/// <summary>
/// Scenarios compared on common random numbers: each keeps exactly its own results, and the paired counts agree
/// with counting trajectory by trajectory.
/// </summary>
public sealed class ComparisonTests
{
    private const int Runs = 3_000;

    private static SimulationPlan Plan(string scenario, ulong seed = 11)
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario(scenario));
        var (planned, costs) = InterventionPlanning.Plan(inputs.Catalogue, inputs.Scenario.Interventions, inputs.Scenario.Budget, inputs.Population);
        return SimulationPlan.Create(inputs.Scenario.Id, seed, SeedModel.Settings, SeedModel.Calibrated, SeedModel.People, planned, costs,
            inputs.Scenario.Budget, inputs.Targets);
    }

    [Fact]
    public void Should_give_each_scenario_exactly_its_own_results_When_run_together()
    {
        var baseline = Plan("baseline.yaml");
        var plan = Plan("ivp-plan.yaml");
        var together = new ComparisonRunner([baseline, plan]);
        together.Run(0, 1_000);
        together.Run(1_000, Runs - 1_000);

        Assert.Equal(Json(MonteCarlo.RunBatch(baseline, 0, Runs)), Json(together.Accumulator(0).ToAggregate()));
        Assert.Equal(Json(MonteCarlo.RunBatch(plan, 0, Runs)), Json(together.Accumulator(1).ToAggregate()));
    }

    [Fact]
    public void Should_count_the_same_pairs_as_trajectory_by_trajectory_When_a_plan_is_compared_with_the_baseline()
    {
        var baseline = Plan("baseline.yaml");
        var plan = Plan("ivp-plan.yaml");
        var runner = new ComparisonRunner([baseline, plan]);
        runner.Run(0, Runs);
        var paired = runner.Paired();

        // Trajectory by trajectory, each plan on its own.
        var (first, second) = (new BatchRunner(baseline), new BatchRunner(plan));
        var targets = baseline.Targets.Length;
        var better = new long[targets];
        var onlySecond = new long[targets];
        var onlyFirst = new long[targets];
        for (long t = 0; t < Runs; t++)
        {
            first.Trajectory(t);
            second.Trajectory(t);
            for (var j = 0; j < targets; j++)
            {
                var atMost = baseline.Targets[j].Operator == Targets.TargetOperator.AtMost;
                if (atMost ? second.TargetValue(j) < first.TargetValue(j) : second.TargetValue(j) > first.TargetValue(j)) better[j]++;
                if (second.TargetMet(j) && !first.TargetMet(j)) onlySecond[j]++;
                if (first.TargetMet(j) && !second.TargetMet(j)) onlyFirst[j]++;
            }
        }
        Assert.Equal(better, paired.Better);
        Assert.Equal(onlySecond, paired.OnlyThisMeets);
        Assert.Equal(onlyFirst, paired.OnlyFirstMeets);
        // The plan lowers crime: in most trajectories its crime count in 2024 is below the baseline's, on the same draws.
        var crime = baseline.Targets.Select((t, j) => (t, j)).Where(x => x.t.Indicator == Domain.Indicators.TotalCrimesExclCyber).ToArray();
        Assert.All(crime, x => Assert.True(paired.Better[x.j] > Runs / 2, $"{x.t.Region}: better in {paired.Better[x.j]} of {Runs}"));
    }

    [Fact]
    public void Should_give_the_paired_difference_and_its_error_When_the_table_is_built()
    {
        var baseline = Plan("baseline.yaml");
        var plan = Plan("ivp-plan.yaml");
        var runner = new ComparisonRunner([baseline, plan]);
        runner.Run(0, Runs);
        var outcomes = new[] { baseline, plan }.Select((p, k) => (IReadOnlyList<TargetOutcome>)TargetEvaluator.Evaluate(p.ScenarioId, p.Targets,
            SeedModel.Data, runner.Accumulator(k).ToAggregate(), p.Settings.Forecast)).ToArray();
        var rows = ComparisonTable.Build(outcomes, runner.Paired());

        Assert.Equal(2 * baseline.Targets.Length, rows.Length);
        foreach (var row in rows.Where(r => r.Scenario == plan.ScenarioId))
        {
            var reference = rows.Single(r => r.Scenario == baseline.ScenarioId && r.Outcome.Target == row.Outcome.Target);
            // The paired difference is the difference of the two chances, exactly (same trajectories).
            Assert.Equal(row.Outcome.PMeet - reference.Outcome.PMeet, row.DeltaVsFirst!.Value, 12);
            // Pairing removes the shared noise: its error is below that of two independent estimates.
            Assert.True(row.DeltaSe!.Value <= Math.Sqrt(row.Outcome.PMeetSe * row.Outcome.PMeetSe + reference.Outcome.PMeetSe * reference.Outcome.PMeetSe) + 1e-12);
        }
        Assert.All(rows.Where(r => r.Scenario == baseline.ScenarioId), r => Assert.Equal((0.0, 0.0, 0.0), (r.DeltaVsFirst, r.DeltaSe, r.PBetterThanFirst)));
    }

    [Fact]
    public void Should_refuse_When_the_scenarios_have_different_seeds() =>
        Assert.Throws<ModelInputException>(() => new ComparisonRunner([Plan("baseline.yaml", 1), Plan("ivp-plan.yaml", 2)]));

    private static string Json(Aggregation.RunAggregate aggregate) => System.Text.Json.JsonSerializer.Serialize(aggregate);
}
