namespace IvpSim.Model.Optimisation;

/// <summary>
/// The optimiser. It first evaluates a probe (every option at its first level above nothing), which tells per option
/// what a unit costs in the claim year and how many crimes it avoids in its municipality, and per municipality what an
/// avoided crime is worth to the joint chance. From that it builds greedy portfolios (best value per euro first, filled
/// to several fractions of each budget, since the claim's P80 lies above the sum of means), then improves the best
/// evaluated one by local moves (add the next best option, drop or lower the weakest, move a start year), steering to
/// cheaper portfolios when over budget or, for the cost objective, once the minimum chance is reached.
/// </summary>
public sealed class GuidedPortfolioSearch(PortfolioSpace space, SearchGoal goal, ulong seed) : IPortfolioProposer
{
    public const string Name = "optimiser";

    private static readonly double[] Fills = [0.5, 0.7, 0.85, 1.0, 1.15, 0.6, 0.95];

    private readonly System.Random _rng = new((int)(seed % int.MaxValue) ^ 0x0971);
    private readonly HashSet<string> _seen = [];
    private readonly Queue<Portfolio> _greedy = new();
    private double[]? _value;   // per option: joint-chance gain per unit of extra intensity
    private double[]? _cost;    // per option: claim-year cost per unit of extra intensity
    private PortfolioEvaluation? _best;

    public string Method => Name;

    /// <summary>The best evaluation so far by the goal.</summary>
    public PortfolioEvaluation? Best => _best;

    public IReadOnlyList<Portfolio> Propose(int count)
    {
        var proposals = new List<Portfolio>();
        if (_value is null)
        {
            if (_seen.Count == 0) Add(proposals, Probe());
            return proposals;
        }
        while (proposals.Count < count && _greedy.TryDequeue(out var greedy)) Add(proposals, greedy);
        for (var attempt = 0; proposals.Count < count && attempt < 200 * count; attempt++)
            Add(proposals, Move(_best!.Portfolio, attempt < 50 * count ? 1 : 2));
        return proposals;
    }

    public void Observe(IReadOnlyList<PortfolioEvaluation> evaluations)
    {
        foreach (var e in evaluations)
        {
            if (_best is null || goal.Better(e, _best)) _best = e;
            if (_value is null) Learn(e);
        }
    }

    /// <summary>Every option at its first level above nothing, from the first start year: one run that prices them all.</summary>
    private Portfolio Probe() => new([.. space.Options.Select(_ => new PortfolioChoice(1, space.StartYears[0]))]);

    private void Learn(PortfolioEvaluation probe)
    {
        var options = space.Options;
        _cost = [.. options.Select(o => Math.Max(0, probe.OptionCosts.GetValueOrDefault(o.Key)))];
        _value = [.. options.Select(o => Math.Max(0, probe.OptionGains.GetValueOrDefault(o.Key)) * probe.Marginal.GetValueOrDefault(o.Municipality))];
        foreach (var fill in Fills) _greedy.Enqueue(Greedy(fill));
    }

    /// <summary>Options in order of value per euro, each at the highest level that still fits its municipality's budget × <paramref name="fill"/>.</summary>
    private Portfolio Greedy(double fill)
    {
        var portfolio = space.Empty;
        var left = goal.Budgets.ToDictionary(b => b.Key, b => b.Value * fill);
        foreach (var k in Enumerable.Range(0, space.Options.Length).Where(k => _value![k] > 0).OrderByDescending(Density))
        {
            var option = space.Options[k];
            var room = left.GetValueOrDefault(option.Municipality, double.PositiveInfinity);
            for (var level = option.Levels.Length - 1; level >= 1; level--)
            {
                var cost = _cost![k] * option.Extra(level);
                if (cost > room) continue;
                portfolio = portfolio.With(k, new PortfolioChoice(level, space.StartYears[0]));
                if (left.ContainsKey(option.Municipality)) left[option.Municipality] = room - cost;
                break;
            }
        }
        return portfolio;
    }

    private double Density(int k) => _value![k] / Math.Max(1, _cost![k]);

    /// <summary>A neighbour of <paramref name="from"/>: <paramref name="moves"/> small changes, cheaper when the goal asks for it.</summary>
    private Portfolio Move(Portfolio from, int moves)
    {
        var p = from;
        var score = goal.Score(_best!);
        var cheaper = score.Tier == 0 || (goal.Objective == SearchObjective.Cost && score.Tier == 2);
        for (var m = 0; m < moves; m++)
        {
            var on = Enumerable.Range(0, space.Options.Length).Where(k => p.Choices[k].Level > 0).ToArray();
            var off = Enumerable.Range(0, space.Options.Length).Where(k => p.Choices[k].Level == 0 && _value![k] > 0).ToArray();
            var roll = _rng.NextDouble();
            if (on.Length > 0 && (cheaper ? roll < 0.7 : roll < 0.3))
            {
                // Drop or lower one of the weakest (least value per euro).
                var k = on.OrderBy(Density).ElementAt(Math.Min(on.Length - 1, (int)(Math.Pow(_rng.NextDouble(), 2) * on.Length)));
                var c = p.Choices[k];
                p = p.With(k, c with { Level = _rng.NextDouble() < 0.5 ? 0 : c.Level - 1 });
            }
            else if (off.Length > 0 && roll < 0.85)
            {
                // Add one of the strongest not yet in.
                var k = off.OrderByDescending(Density).ElementAt(Math.Min(off.Length - 1, (int)(Math.Pow(_rng.NextDouble(), 2) * off.Length)));
                p = p.With(k, new PortfolioChoice(1 + _rng.Next(space.Options[k].Levels.Length - 1), space.StartYears[_rng.Next(space.StartYears.Length)]));
            }
            else if (on.Length > 0)
            {
                // Another level or start year for one already in.
                var k = on[_rng.Next(on.Length)];
                var c = p.Choices[k];
                var levels = space.Options[k].Levels.Length;
                p = _rng.NextDouble() < 0.5 || space.StartYears.Length == 1
                    ? p.With(k, c with { Level = Math.Clamp(c.Level + (_rng.NextDouble() < 0.5 ? -1 : 1), 1, levels - 1) })
                    : p.With(k, c with { StartYear = space.StartYears[_rng.Next(space.StartYears.Length)] });
            }
        }
        return p;
    }

    private void Add(List<Portfolio> proposals, Portfolio p)
    {
        if (_seen.Add(p.Key)) proposals.Add(p);
    }
}
