using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Domain;

namespace IvpSim.Grains.Tests;

/// <summary>
/// Faults inside the cluster: a silo that dies mid-run, a run cancelled by its client, an input error raised in a
/// grain. (Real processes killed with SIGKILL: the CLI's cluster tests.)
/// </summary>
public sealed class SiloLossTests
{
    private static readonly ScenarioInputs Baseline = ScenarioInputs.Load(RepoRoot.Scenario("baseline.yaml"));

    [Fact]
    public async Task Should_rerun_the_lost_batches_and_give_the_same_bytes_When_a_worker_silo_dies_half_way()
    {
        const int runs = 400_000, batch = 2_000;
        string reference;
        await using (var one = await TestClusters.StartAsync(1))
        {
            reference = await RunCoordinatorGrainTests.RunToCsv(one.Client, Baseline, runs, batch);
        }

        await using var cluster = await TestClusters.StartAsync(3);
        var coordinator = cluster.Client.GetGrain<IRunCoordinatorGrain>("kill-test");
        var run = coordinator.Run(RunCoordinatorGrainTests.Request(Baseline, runs, batch), CancellationToken.None);
        var progress = await WaitFor(coordinator, p => p.CompletedTrajectories >= runs / 2);
        Assert.True(progress.CompletedTrajectories < runs, "the run finished before the silo could be killed");
        var victim = cluster.Silos.First(s => s.SiloAddress.ToString() != progress.Silo);
        await cluster.KillSiloAsync(victim);
        var outcome = await run;

        Assert.True(outcome.RetriedBatches > 0, "no batch was simulated again after the kill");
        Assert.Equal(runs, outcome.Silos.Sum(s => s.Trajectories));
        Assert.Equal(reference, Csv(outcome));
    }

    [Fact]
    public async Task Should_stop_every_worker_within_seconds_When_the_client_cancels()
    {
        await using var cluster = await TestClusters.StartAsync(2);
        var coordinator = cluster.Client.GetGrain<IRunCoordinatorGrain>("cancel-test");
        using var cancel = new CancellationTokenSource();
        var run = coordinator.Run(RunCoordinatorGrainTests.Request(Baseline, 50_000_000, 2_000), cancel.Token);
        await WaitFor(coordinator, p => p.CompletedTrajectories > 0);
        var cancelledAt = DateTime.UtcNow;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        // A worker whose batch is cancelled lets go of the run: no worker stays active on any silo.
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        int workers;
        do
        {
            await Task.Delay(100);
            workers = (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(RunWorkerGrain))).Sum(s => s.ActivationCount);
        }
        while (workers > 0 && DateTime.UtcNow - cancelledAt < TimeSpan.FromSeconds(20));
        var detail = string.Join("; ", (await management.GetDetailedGrainStatistics()).Where(s => s.GrainType.Contains(nameof(RunWorkerGrain))).Select(s => $"{s.GrainId} on {s.SiloAddress}"));
        Assert.True(workers == 0, detail + " coordinator " + (await coordinator.GetProgress()).Silo);
        Assert.True((await coordinator.GetProgress()).CompletedTrajectories < 50_000_000);
    }

    [Fact]
    public async Task Should_reach_the_client_as_a_run_input_error_When_a_grain_rejects_the_data()
    {
        await using var cluster = await TestClusters.StartAsync(1);
        var withoutPutten = Baseline with
        {
            Observations = new ObservationSet([.. Baseline.Observations.Items.Where(o => o.Region != Regions.Putten)]),
        };
        var error = await Assert.ThrowsAsync<RunInputException>(() =>
            cluster.Client.GetGrain<IRunCoordinatorGrain>("input-error").Run(RunCoordinatorGrainTests.Request(withoutPutten, 100, 100), CancellationToken.None));
        Assert.Contains("putten", error.Message);
    }

    private static string Csv(RunOutcome outcome) =>
        Reporting.Csv.ProjectionsCsv.Format(Model.Results.ProjectionTable.Build("baseline", Baseline.Observations, outcome.Aggregate)) +
        Reporting.Csv.TargetsCsv.Format(Model.Results.TargetEvaluator.Evaluate("baseline", outcome.Plan.Targets, Baseline.Observations,
            outcome.Aggregate, outcome.Plan.Settings.Forecast));

    private static async Task<RunProgress> WaitFor(IRunCoordinatorGrain coordinator, Func<RunProgress, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var progress = await coordinator.GetProgress();
            if (condition(progress) || DateTime.UtcNow > deadline) return progress;
            await Task.Delay(10);
        }
    }
}
