using System.Collections.Immutable;

namespace IvpSim.Model.Optimisation;

/// <summary>What a search found: every evaluation in order, and the best of each method by the goal (null: none evaluated).</summary>
public sealed record SearchResult(ImmutableArray<PortfolioEvaluation> Evaluations, PortfolioEvaluation? Best, PortfolioEvaluation? BestRandom)
{
    /// <summary>
    /// The portfolios no other beats on both the joint chance and the total claim (lower claim, higher chance),
    /// cheapest first.
    /// </summary>
    public ImmutableArray<PortfolioEvaluation> Front() =>
        [.. Evaluations.Where(e => !Evaluations.Any(o => o.TotalClaim <= e.TotalClaim && o.PAll >= e.PAll && (o.TotalClaim < e.TotalClaim || o.PAll > e.PAll)))
            .DistinctBy(e => e.Portfolio.Key).OrderBy(e => e.TotalClaim)];
}

/// <summary>
/// Runs the optimiser and the random search side by side, round by round, with the same number of evaluations each;
/// every round's portfolios are evaluated together (on the cluster: one comparison, on the same trajectories).
/// </summary>
public static class PortfolioOptimiser
{
    /// <param name="evaluate">Evaluates portfolios, each with the method that proposed it, in the order given.</param>
    /// <param name="evaluations">Evaluations per method.</param>
    /// <param name="perRound">Portfolios per method and round.</param>
    public static async Task<SearchResult> RunAsync(PortfolioSpace space, SearchGoal goal, ulong seed, int evaluations, int perRound,
        Func<IReadOnlyList<(Portfolio Portfolio, string Method)>, Task<IReadOnlyList<PortfolioEvaluation>>> evaluate,
        Action<int, PortfolioEvaluation?>? progress = null, CancellationToken cancellationToken = default)
    {
        var optimiser = new GuidedPortfolioSearch(space, goal, seed);
        var random = new RandomPortfolioSearch(space, seed);
        var all = ImmutableArray.CreateBuilder<PortfolioEvaluation>();
        int usedOptimiser = 0, usedRandom = 0;
        while (usedOptimiser < evaluations || usedRandom < evaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mine = optimiser.Propose(Math.Min(perRound, evaluations - usedOptimiser));
            var theirs = random.Propose(Math.Min(perRound, evaluations - usedRandom));
            if (mine.Count == 0 && theirs.Count == 0) break;
            var batch = mine.Select(p => (p, optimiser.Method)).Concat(theirs.Select(p => (p, random.Method))).ToList();
            var results = await evaluate(batch);
            optimiser.Observe([.. results.Take(mine.Count)]);
            random.Observe([.. results.Skip(mine.Count)]);
            all.AddRange(results);
            usedOptimiser += mine.Count;
            usedRandom += theirs.Count;
            progress?.Invoke(usedOptimiser + usedRandom, optimiser.Best);
            if (mine.Count == 0) usedOptimiser = evaluations;  // nothing new left to try
            if (theirs.Count == 0) usedRandom = evaluations;
        }
        var done = all.ToImmutable();
        return new SearchResult(done, BestOf(done, GuidedPortfolioSearch.Name, goal), BestOf(done, RandomPortfolioSearch.Name, goal));
    }

    /// <summary>
    /// The <paramref name="count"/> best distinct portfolios of a method by the goal: the finalists to confirm on fresh
    /// trajectories. More than one, because a portfolio at the edge of a budget may only have fitted it by the search's
    /// sampling luck; the confirmation then picks the best that still fits.
    /// </summary>
    public static IEnumerable<PortfolioEvaluation> Leading(IEnumerable<PortfolioEvaluation> all, string method, SearchGoal goal, int count) =>
        all.Where(e => e.Method == method).DistinctBy(e => e.Portfolio.Key).OrderByDescending(goal.Score).Take(count);

    /// <summary>
    /// The finalists to confirm on fresh trajectories: a method's <paramref name="count"/> leading portfolios, and as many
    /// that lead with <paramref name="room"/> to spare in every budget. A search drifts to claims just within budget,
    /// which fresh trajectories may put just over; the second group is what remains when all the first are.
    /// </summary>
    public static IEnumerable<PortfolioEvaluation> Finalists(IEnumerable<PortfolioEvaluation> all, string method, SearchGoal goal, int count, double room)
    {
        var roomy = goal with { Budgets = goal.Budgets.ToImmutableDictionary(b => b.Key, b => b.Value * (1 - room)) };
        return Leading(all, method, goal, count).Concat(Leading(all, method, roomy, count)).DistinctBy(e => e.Portfolio.Key);
    }

    /// <summary>The portfolio to recommend: the guided search's, unless the random search's does better (within budget where the guided one is not).</summary>
    public static PortfolioEvaluation? Recommended(PortfolioEvaluation? guided, PortfolioEvaluation? random, SearchGoal goal) =>
        guided is null || (random is not null && goal.Better(random, guided)) ? random : guided;

    public static PortfolioEvaluation? BestOf(IEnumerable<PortfolioEvaluation> all, string method, SearchGoal goal)
    {
        PortfolioEvaluation? best = null;
        foreach (var e in all.Where(e => e.Method == method))
            if (best is null || goal.Better(e, best)) best = e;
        return best;
    }
}
