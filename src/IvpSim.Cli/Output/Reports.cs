using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Reporting.Results;

namespace IvpSim.Cli.Output;

/// <summary>From what came back from the cluster to the report every output is written from.</summary>
public static class Reports
{
    /// <param name="cluster">Where it ran, for run.txt and the report (never with a password).</param>
    public static ScenarioReport From(ScenarioInputs input, RunOutcome outcome, string cluster, PrecisionFacts? precision = null) =>
        ScenarioReport.Build(input.Scenario, input.Catalogue, input.Observations, input.Targets, outcome.Plan, outcome.Aggregate, outcome.Themes,
            new RunFacts(cluster, [.. outcome.Silos.Select(s => new SiloRun(s.Silo, s.Trajectories))], outcome.RetriedBatches) { Precision = precision });
}
