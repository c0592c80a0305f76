using IvpSim.Contracts;
using IvpSim.Data;

namespace IvpSim.Cli.Hosting;

/// <summary>Runs one scenario on a cluster and reports progress while it runs.</summary>
public static class ScenarioRunner
{
    public static async Task<RunOutcome> RunAsync(IClusterClient client, ScenarioInputs inputs,
        Action<RunProgress>? onProgress, CancellationToken cancellationToken)
    {
        var s = inputs.Scenario;
        var request = new RunRequest(s.Id, s.Run.Seed, s.Run.Runs, s.Run.BatchSize, s.Model,
            inputs.Observations, inputs.Population, inputs.Catalogue, s.Interventions, s.Budget, inputs.Targets, inputs.National);
        var coordinator = client.GetGrain<IRunCoordinatorGrain>($"{s.Id}-{Guid.NewGuid():N}");
        var run = coordinator.Run(request);
        while (onProgress is not null && !run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(250, cancellationToken));
            if (!run.IsCompleted) onProgress(await coordinator.GetProgress());
        }
        return await run;
    }
}
