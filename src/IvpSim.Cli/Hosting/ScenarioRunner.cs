using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Simulation;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Runs scenarios on a cluster (several: on the same trajectories) and reports progress while they run. The
/// coordinator grain does the work; this side polls its progress, which also tells when the coordinator's silo is
/// gone (a client would otherwise wait for the run's full timeout).
/// </summary>
public static class ScenarioRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>No progress at all from the coordinator for this long: it is taken as lost.</summary>
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(20);

    public static RunRequest Request(ScenarioInputs inputs, PrecisionGoal? precision = null)
    {
        var s = inputs.Scenario;
        return new RunRequest(s.Id, s.Run.Seed, s.Run.Runs, s.Run.BatchSize, s.Model,
            inputs.Observations, inputs.Population, inputs.Catalogue, s.Interventions, s.Budget, inputs.Targets, inputs.National, precision);
    }

    /// <summary>One scenario on its own, without checkpoints.</summary>
    public static async Task<RunOutcome> RunAsync(IClusterClient client, ScenarioInputs inputs, Action<RunProgress>? onProgress,
        CancellationToken cancellationToken) =>
        (await CompareAsync(client, new CompareRequest([Request(inputs)]), onProgress, reattach: false, cancellationToken)).Scenarios[0];

    /// <summary>Attempts to continue on another coordinator after one was lost, before giving up.</summary>
    public const int MaxReattach = 3;

    /// <summary>
    /// The scenarios on the same trajectories; the first is the one the others are compared with. With
    /// <paramref name="reattach"/> (a cluster that keeps checkpoints) a lost coordinator is replaced: the run continues on a
    /// fresh coordinator from the last checkpoint, and the progress goes on where it was.
    /// </summary>
    public static async Task<CompareOutcome> CompareAsync(IClusterClient client, CompareRequest request, Action<RunProgress>? onProgress,
        bool reattach, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AttemptAsync(client, request, onProgress, cancellationToken);
            }
            catch (CoordinatorLostException lost) when (reattach && attempt < MaxReattach && !cancellationToken.IsCancellationRequested)
            {
                onProgress?.Invoke(lost.Last with { Phase = "coördinator verloren: verder vanaf de tussenstand" });
                request = request with { Start = RunStart.StoredIfAny, From = null };
            }
        }
    }

    private static Task<CompareOutcome> AttemptAsync(IClusterClient client, CompareRequest request, Action<RunProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var coordinator = client.GetGrain<IRunCoordinatorGrain>($"{request.Scenarios[0].ScenarioId}-{Guid.NewGuid():N}");
        return WatchAsync(client, coordinator, coordinator.Compare(request, cancellationToken), request, onProgress, cancellationToken);
    }

    /// <summary>
    /// Which inputs decide the first scenario's targets, and with several scenarios the value of information; on one
    /// coordinator, with its progress.
    /// </summary>
    public static Task<Model.Analysis.SensitivityResult> AnalyseAsync(IClusterClient client, CompareRequest request, Action<RunProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var coordinator = client.GetGrain<IRunCoordinatorGrain>($"{request.Scenarios[0].ScenarioId}-analyse-{Guid.NewGuid():N}");
        return WatchAsync(client, coordinator, coordinator.Analyse(request, cancellationToken), request, onProgress, cancellationToken);
    }

    private static async Task<T> WatchAsync<T>(IClusterClient client, IRunCoordinatorGrain coordinator, Task<T> run, CompareRequest request, Action<RunProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var lastHeard = DateTime.UtcNow;
        RunProgress? last = null;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(PollInterval, CancellationToken.None));
            if (run.IsCompleted || cancellationToken.IsCancellationRequested) break;
            var progress = await Poll(coordinator);
            if (progress is { Started: true })
            {
                last = progress;
                lastHeard = DateTime.UtcNow;
                onProgress?.Invoke(progress);
            }
            // An empty coordinator answers when its silo died and the grain came back without the run; but also, for a
            // moment, when another silo died that held the coordinator's directory entry (a second activation). Only
            // the first is a loss: the membership says whether the coordinator's silo is still there.
            var empty = last is not null && progress is { Started: false } && !await SiloAlive(client, last.Silo);
            var lost = empty || DateTime.UtcNow - lastHeard > SilenceLimit;
            if (lost && !run.IsCompleted)
            {
                var where = last is null ? "" : $" op silo {last.Silo}";
                _ = run.ContinueWith(t => t.Exception, TaskScheduler.Default);  // the old call ends in an error nobody waits for
                throw new CoordinatorLostException(
                    $"de coördinator van de run{where} is uitgevallen; er is niets weggeschreven. Start de run opnieuw (met --resume gaat hij verder vanaf de tussenstand).",
                    last ?? new RunProgress("wachten", 0, request.Scenarios[0].Runs, 0, 0));
            }
        }
        return await run;
    }

    /// <summary>Whether the silo is an active member of the cluster (true when the membership cannot be read: no conclusion then).</summary>
    private static async Task<bool> SiloAlive(IClusterClient client, string silo)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return hosts.Keys.Any(k => k.ToString() == silo || k.ToParsableString() == silo);
        }
        catch (Exception e) when (Transient(e))
        {
            return true;
        }
    }

    /// <summary>
    /// The coordinator's progress; null when the cluster cannot answer now. Besides the usual transient errors, a poll
    /// can expire while the grain is placed again after a silo that held its directory entry died ("Message expired
    /// before placement could complete", an OperationCanceledException): the silence limit decides whether that lasts.
    /// </summary>
    private static async Task<RunProgress?> Poll(IRunCoordinatorGrain coordinator)
    {
        try
        {
            return await coordinator.GetProgress();
        }
        catch (Exception e) when (Transient(e))
        {
            return null;
        }
    }

    /// <summary>Errors of a cluster whose membership is changing: worth asking again, not a reason to give up.</summary>
    private static bool Transient(Exception e) => e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException or OperationCanceledException;
}
