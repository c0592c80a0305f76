using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Optimisation;
using IvpSim.Model.Scenarios;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Evaluates portfolios on the cluster: each becomes a scenario (the base scenario with the portfolio's measures), and
/// a batch runs as one comparison, so that all of them see the same trajectories.
/// </summary>
public sealed class PortfolioRuns(IClusterClient client, ScenarioInputs baseInputs, PortfolioSpace space)
{
    /// <summary>Portfolios evaluated so far.</summary>
    public int Done { get; private set; }

    /// <summary>The base scenario with a portfolio's measures.</summary>
    public Scenario Scenario(Portfolio portfolio, string id, string name) =>
        baseInputs.Scenario with { Id = id, NameNl = name, Interventions = space.Uses(portfolio), SourceFile = baseInputs.Scenario.SourceFile };

    public async Task<IReadOnlyList<PortfolioEvaluation>> EvaluateAsync(IReadOnlyList<(Portfolio Portfolio, string Method)> batch, ulong seed, int runs,
        Action<RunProgress>? onProgress, CancellationToken ct)
    {
        if (batch.Count == 0) return [];
        var requests = batch.Select((b, k) =>
        {
            var scenario = Scenario(b.Portfolio, $"kandidaat-{Done + k + 1}", $"kandidaat {Done + k + 1}") with { Run = new(runs, seed, null) };
            return ScenarioRunner.Request(baseInputs with { Scenario = scenario });
        });
        var outcome = await ScenarioRunner.CompareAsync(client, new CompareRequest([.. requests]), onProgress, reattach: false, ct);
        Done += batch.Count;
        var claimYear = baseInputs.Scenario.Budget.ClaimYear;
        return [.. batch.Select((b, k) => PortfolioEvaluator.From(b.Portfolio, b.Method, space, outcome.Scenarios[k].Aggregate, baseInputs.Targets, claimYear))];
    }
}
