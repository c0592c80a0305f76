using System.Collections.Immutable;
using IvpSim.Model.Optimisation;

namespace IvpSim.Model.Tests;

/// <summary>The portfolio search on a small case whose optimum is known by enumerating every portfolio.</summary>
public sealed class OptimiserTests
{
    // Per option: municipality, cost per unit of intensity (euro) and gain per unit (the joint chance is 1 − e^(−Σ gains)).
    private static readonly (string Municipality, double Cost, double Gain)[] Options =
    [
        ("a", 40_000, 0.30), ("a", 25_000, 0.12), ("a", 60_000, 0.50), ("b", 30_000, 0.20), ("b", 10_000, 0.02), ("b", 45_000, 0.35),
    ];

    private static readonly PortfolioSpace Space = new(
        [.. Options.Select((o, k) => new PortfolioOption($"m{k}", o.Municipality, false, PortfolioSpace.NewLevels))], [2021]);

    private static PortfolioEvaluation Evaluate(Portfolio p, string method)
    {
        var extra = Options.Select((_, k) => Space.Options[k].Extra(p.Choices[k].Level)).ToArray();
        var gain = Options.Select((o, k) => o.Gain * extra[k]).Sum();
        var pAll = 1 - Math.Exp(-gain);
        var claim = new[] { "a", "b" }.ToImmutableDictionary(m => m, m => Options.Select((o, k) => o.Municipality == m ? o.Cost * extra[k] : 0).Sum());
        return new PortfolioEvaluation(p, method, pAll, 0, [pAll], claim,
            Space.Options.Select((o, k) => (o.Key, Options[k].Cost)).Where((_, k) => extra[k] > 0).ToImmutableDictionary(x => x.Key, x => x.Cost),
            Space.Options.Select((o, k) => (o.Key, Options[k].Gain)).Where((_, k) => extra[k] > 0).ToImmutableDictionary(x => x.Key, x => x.Gain),
            new[] { "a", "b" }.ToImmutableDictionary(m => m, _ => Math.Exp(-gain)));
    }

    private static IEnumerable<Portfolio> Every(int option = 0, Portfolio? partial = null)
    {
        partial ??= Space.Empty;
        if (option == Options.Length)
        {
            yield return partial;
            yield break;
        }
        for (var level = 0; level < PortfolioSpace.NewLevels.Length; level++)
            foreach (var p in Every(option + 1, partial.With(option, new PortfolioChoice(level, 2021)))) yield return p;
    }

    private static Task<SearchResult> Search(SearchGoal goal, int evaluations) =>
        PortfolioOptimiser.RunAsync(Space, goal, 9, evaluations, 6,
            batch => Task.FromResult<IReadOnlyList<PortfolioEvaluation>>([.. batch.Select(b => Evaluate(b.Portfolio, b.Method))]));

    [Fact]
    public async Task Should_find_the_enumerated_optimum_When_the_chance_is_maximised_within_budget()
    {
        var goal = new SearchGoal(new Dictionary<string, double> { ["a"] = 70_000, ["b"] = 50_000 }.ToImmutableDictionary(), SearchObjective.Probability, 0);
        var all = Every().Select(p => Evaluate(p, "enumeratie")).ToList();
        Assert.Equal(4096, all.Count);
        var optimum = all.Aggregate((x, y) => goal.Better(y, x) ? y : x);

        var result = await Search(goal, 40);

        Assert.NotNull(result.Best);
        Assert.True(goal.Acceptable(result.Best!));
        Assert.Equal(optimum.PAll, result.Best!.PAll, 12);
        Assert.Equal(40, result.Evaluations.Count(e => e.Method == GuidedPortfolioSearch.Name));
        Assert.Equal(40, result.Evaluations.Count(e => e.Method == RandomPortfolioSearch.Name));
        Assert.True(result.Best.PAll >= result.BestRandom!.PAll || !goal.Acceptable(result.BestRandom));
    }

    [Fact]
    public async Task Should_find_the_cheapest_portfolio_that_reaches_the_minimum_chance_When_the_objective_is_cost()
    {
        var goal = new SearchGoal(new Dictionary<string, double> { ["a"] = 100_000, ["b"] = 100_000 }.ToImmutableDictionary(), SearchObjective.Cost, 0.5);
        var optimum = Every().Select(p => Evaluate(p, "enumeratie")).Where(goal.Acceptable).MinBy(e => e.TotalClaim)!;

        var result = await Search(goal, 60);

        Assert.True(goal.Acceptable(result.Best!));
        Assert.Equal(optimum.TotalClaim, result.Best!.TotalClaim, 6);
    }

    [Fact]
    public async Task Should_recommend_nothing_When_no_portfolio_within_budget_reaches_the_minimum_chance()
    {
        var goal = new SearchGoal(new Dictionary<string, double> { ["a"] = 10_000, ["b"] = 10_000 }.ToImmutableDictionary(), SearchObjective.Cost, 0.9);

        var result = await Search(goal, 20);

        Assert.False(goal.Acceptable(result.Best!));
        Assert.DoesNotContain(result.Evaluations, goal.Acceptable);
    }

    [Fact]
    public void Should_confirm_portfolios_with_room_in_the_budget_too_When_the_leading_ones_spend_it_all()
    {
        var goal = new SearchGoal(new Dictionary<string, double> { ["a"] = 70_000, ["b"] = 50_000 }.ToImmutableDictionary(), SearchObjective.Probability, 0);
        var all = Every().Select(p => Evaluate(p, "enumeratie")).ToList();

        var leading = PortfolioOptimiser.Leading(all, "enumeratie", goal, 3).ToList();
        var finalists = PortfolioOptimiser.Finalists(all, "enumeratie", goal, 3, 0.1).ToList();

        // The leading three spend nearly all of a budget; the finalists add the best three that leave a tenth of each unspent.
        Assert.Contains(leading, e => e.ClaimP80.Any(c => c.Value > 0.9 * goal.Budgets[c.Key]));
        Assert.All(leading, e => Assert.Contains(finalists, f => f.Portfolio.Key == e.Portfolio.Key));
        var roomy = finalists.Where(f => f.ClaimP80.All(c => c.Value <= 0.9 * goal.Budgets[c.Key])).ToList();
        Assert.True(roomy.Count >= 3, $"{roomy.Count} finalists with room");
        Assert.Equal(finalists.Count, finalists.DistinctBy(f => f.Portfolio.Key).Count());
    }

    [Fact]
    public void Should_recommend_the_random_search_portfolio_When_the_guided_one_goes_over_budget_on_fresh_trajectories()
    {
        var goal = new SearchGoal(new Dictionary<string, double> { ["a"] = 70_000, ["b"] = 50_000 }.ToImmutableDictionary(), SearchObjective.Probability, 0);
        var all = Every().Select(p => Evaluate(p, "x")).ToList();
        var over = all.Where(e => !goal.WithinBudget(e)).MaxBy(e => e.PAll)!;
        var within = all.Where(goal.WithinBudget).MinBy(e => e.PAll + (e.Portfolio.Size == 0 ? 1 : 0))!;

        Assert.Same(within, PortfolioOptimiser.Recommended(over, within, goal));
        Assert.Same(over, PortfolioOptimiser.Recommended(over, null, goal));
        Assert.Same(within, PortfolioOptimiser.Recommended(within, over, goal));
    }
}
