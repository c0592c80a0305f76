using System.Reflection;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Backtest;
using IvpSim.Model.Domain;
using Orleans.Concurrency;

namespace IvpSim.Grains.Tests;

/// <summary>A backtest runs for minutes in one grain call; the grain tells how far it is, during the call and with the result.</summary>
public sealed class BacktestGrainTests
{
    [Fact]
    public async Task Should_tell_every_step_in_order_When_a_forward_backtest_learns_at_each_origin()
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario("baseline.yaml"));
        var request = new BacktestRequest(new BacktestInputs(inputs.Observations, inputs.Population,
            new ReferenceCorpus([.. inputs.Corpus.Series.Take(12)]), inputs.National, inputs.Scenario.Model),
            new BacktestOptions([], 1, 2, 100, 7, PerStructure: false, SearchDraws: 50, Searches: 1));
        await using var cluster = await TestClusters.StartAsync(1);

        var result = await cluster.Client.GetGrain<IBacktestGrain>("backtest-test").Run(request, CancellationToken.None);

        // The plan's origin (2018) is learned first, the corpus origins as the series reach them.
        var learning = result.Progress.Where(l => l.Contains(": constanten en gewichten leren", StringComparison.Ordinal)).Select(l => l[..14]);
        Assert.Equal(["beginjaar 2018", "beginjaar 2015", "beginjaar 2016", "beginjaar 2017"], learning);
        Assert.Contains("reeksen voorspellen en scoren: ivpsim", result.Progress);
        Assert.Equal([2015, 2016, 2017, 2018], result.Learned.Select(l => l.Origin));
    }

    [Fact]
    public void Should_answer_how_far_it_is_while_the_backtest_runs()
    {
        // Without interleaving, a question about progress would wait until the backtest is done.
        Assert.NotNull(typeof(IBacktestGrain).GetMethod(nameof(IBacktestGrain.Progress))!.GetCustomAttribute<AlwaysInterleaveAttribute>());
    }
}
