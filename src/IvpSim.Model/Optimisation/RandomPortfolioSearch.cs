namespace IvpSim.Model.Optimisation;

/// <summary>The yardstick: portfolios drawn at random from the space, as many as the optimiser gets.</summary>
public sealed class RandomPortfolioSearch(PortfolioSpace space, ulong seed) : IPortfolioProposer
{
    public const string Name = "random";

    private readonly System.Random _rng = new((int)(seed % int.MaxValue) ^ 0x5EED);
    private readonly HashSet<string> _seen = [];

    public string Method => Name;

    public IReadOnlyList<Portfolio> Propose(int count)
    {
        var proposals = new List<Portfolio>();
        for (var attempt = 0; proposals.Count < count && attempt < 100 * count; attempt++)
        {
            var p = space.Random(_rng);
            if (_seen.Add(p.Key)) proposals.Add(p);
        }
        return proposals;
    }

    public void Observe(IReadOnlyList<PortfolioEvaluation> evaluations)
    {
    }
}
