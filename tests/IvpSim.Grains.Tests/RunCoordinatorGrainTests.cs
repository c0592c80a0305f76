using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Domain;
using IvpSim.Model.Results;
using IvpSim.Reporting.Csv;

namespace IvpSim.Grains.Tests;

/// <summary>
/// A run's outcome depends only on scenario, seed and run count: one silo or three, big batches or small,
/// the CSVs come out byte for byte the same.
/// </summary>
public sealed class RunCoordinatorGrainTests
{
    private static readonly string Scenario = RepoRoot.Scenario("baseline.yaml");

    [Fact]
    public async Task Should_give_byte_identical_outputs_When_silo_count_and_batch_size_differ()
    {
        var inputs = ScenarioInputs.Load(Scenario);
        string oneSilo, threeSilos;
        await using (var cluster = await TestClusters.StartAsync(1))
        {
            oneSilo = await RunToCsv(cluster.Client, inputs, runs: 1200, batchSize: 1200);
        }
        await using (var cluster = await TestClusters.StartAsync(3))
        {
            Assert.Equal(3, cluster.Silos.Count);
            (threeSilos, var silosUsed) = await RunToCsvWithSilos(cluster.Client, inputs, runs: 1200, batchSize: 70);
            // 18 randomly placed batches all landing on one of three silos has probability 3·3^-18.
            Assert.True(silosUsed >= 2, $"all batches ran on {silosUsed} silo");
        }
        Assert.Equal(oneSilo, threeSilos);
        Assert.Contains("baseline,ermelo,total_crimes_excl_cyber,2024,", oneSilo);
    }

    [Fact]
    public async Task Should_give_identical_contributions_and_themes_When_a_plan_with_interventions_runs_on_one_or_three_silos()
    {
        var plan = ScenarioInputs.Load(RepoRoot.Scenario("ivp-plan.yaml"));
        async Task<string> Run(short silos, int batchSize)
        {
            await using var cluster = await TestClusters.StartAsync(silos);
            var outcome = await cluster.Client.GetGrain<IRunCoordinatorGrain>(Guid.NewGuid().ToString("N")).Run(Request(plan, 600, batchSize), CancellationToken.None);
            Assert.Equal(plan.Scenario.Interventions.Select(u => u.InterventionId).Distinct().Count(), outcome.Plan.Interventions.Length);
            Assert.Equal(plan.Catalogue.Themes.Sum(t => t.Municipalities.Length * t.Indicators.Length), outcome.Themes.Length);
            return ContributionsCsv.Format(ContributionTable.Build(plan.Scenario.Id, outcome.Aggregate)) + ThemesCsv.Format(outcome.Themes) +
                BudgetCsv.Format(BudgetTable.Build(plan.Scenario.Id, outcome.Plan, outcome.Aggregate)) +
                BudgetCsv.Format(ValueForMoney.Build(plan.Scenario.Id, outcome.Aggregate));
        }
        var one = await Run(1, 600);
        var three = await Run(3, 50);
        Assert.Equal(one, three);
        Assert.Contains("ivp-plan,ermelo,total_crimes_excl_cyber,2024,*,", one);
        Assert.Contains("ivp-plan,veluwe-west,*,*,2022,", one);
    }

    [Fact]
    public async Task Should_change_the_numbers_When_the_seed_changes()
    {
        var inputs = ScenarioInputs.Load(Scenario);
        await using var cluster = await TestClusters.StartAsync(1);
        var a = await RunToCsv(cluster.Client, inputs, runs: 300, batchSize: 100);
        var b = await RunToCsv(cluster.Client, inputs with { Scenario = inputs.Scenario with { Run = inputs.Scenario.Run with { Seed = 99 } } }, runs: 300, batchSize: 100);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Should_report_progress_and_calibrate_every_municipality_When_running()
    {
        var inputs = ScenarioInputs.Load(Scenario);
        await using var cluster = await TestClusters.StartAsync(1);
        var coordinator = cluster.Client.GetGrain<IRunCoordinatorGrain>("progress-test");
        var outcome = await coordinator.Run(Request(inputs, 500, 100), CancellationToken.None);
        var progress = await coordinator.GetProgress();

        Assert.Equal(("klaar", 500L, 5), (progress.Phase, progress.CompletedTrajectories, progress.CompletedBatches));
        Assert.Equal(500, outcome.Aggregate.Trajectories);
        Assert.Equal(1, outcome.SilosUsed);
        Assert.Equal(Regions.Municipalities, outcome.Plan.Municipalities.Select(m => m.Municipality));
        Assert.All(outcome.Plan.Municipalities, m => Assert.Equal(Indicators.SimulatedCounts.Length, m.Counts.Length));
    }

    internal static RunRequest Request(ScenarioInputs inputs, int runs, int batchSize) =>
        new(inputs.Scenario.Id, inputs.Scenario.Run.Seed, runs, batchSize, inputs.Scenario.Model, inputs.Observations,
            inputs.Population, inputs.Catalogue, inputs.Scenario.Interventions, inputs.Scenario.Budget, inputs.Targets, inputs.National);

    [Fact]
    public async Task Should_end_at_the_same_count_and_numbers_on_one_or_three_silos_When_a_precision_goal_sets_the_rounds()
    {
        var inputs = ScenarioInputs.Load(Scenario);
        // se ≤ 0.02 needs at most 0.25 / 0.0004 = 625 trajectories per chance; the first round has 100.
        var request = Request(inputs, 100, 50) with { Seed = 5, Precision = new Model.Simulation.PrecisionGoal(0.02, 100_000) };
        RunOutcome one, three;
        await using (var cluster = await TestClusters.StartAsync(1))
            one = await cluster.Client.GetGrain<IRunCoordinatorGrain>(Guid.NewGuid().ToString("N")).Run(request, CancellationToken.None);
        await using (var cluster = await TestClusters.StartAsync(3))
            three = await cluster.Client.GetGrain<IRunCoordinatorGrain>(Guid.NewGuid().ToString("N")).Run(request, CancellationToken.None);
        Assert.True(one.Aggregate.Trajectories > 100, $"{one.Aggregate.Trajectories} trajectories");
        Assert.Equal(one.Aggregate.Trajectories, three.Aggregate.Trajectories);
        Assert.True(Model.Simulation.PrecisionRule.LargestError([one.Aggregate], Model.Comparison.ComparisonAggregate.Empty) <= 0.02);
        Assert.Equal(one.Aggregate.TargetsMet.ToArray(), three.Aggregate.TargetsMet.ToArray());
        Assert.Equal(ProjectionsCsv.Format(ProjectionTable.Build("b", inputs.Observations, one.Aggregate)),
            ProjectionsCsv.Format(ProjectionTable.Build("b", inputs.Observations, three.Aggregate)));
    }

    internal static async Task<string> RunToCsv(IClusterClient client, ScenarioInputs inputs, int runs, int batchSize) =>
        (await RunToCsvWithSilos(client, inputs, runs, batchSize)).Csv;

    internal static async Task<(string Csv, int SilosUsed)> RunToCsvWithSilos(IClusterClient client, ScenarioInputs inputs, int runs, int batchSize)
    {
        var coordinator = client.GetGrain<IRunCoordinatorGrain>(Guid.NewGuid().ToString("N"));
        var outcome = await coordinator.Run(Request(inputs, runs, batchSize) with { Seed = inputs.Scenario.Run.Seed }, CancellationToken.None);
        var projections = ProjectionTable.Build("baseline", inputs.Observations, outcome.Aggregate);
        var targets = TargetEvaluator.Evaluate("baseline", outcome.Plan.Targets, inputs.Observations, outcome.Aggregate, outcome.Plan.Settings.Forecast);
        return (ProjectionsCsv.Format(projections) + TargetsCsv.Format(targets), outcome.SilosUsed);
    }
}
