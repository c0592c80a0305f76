namespace IvpSim.Model.Optimisation;

/// <summary>A search strategy: proposes portfolios to evaluate and learns from what the evaluations say.</summary>
public interface IPortfolioProposer
{
    /// <summary>The method's name in search.csv.</summary>
    string Method { get; }

    /// <summary>Up to <paramref name="count"/> portfolios not evaluated before (fewer when the strategy has nothing new).</summary>
    IReadOnlyList<Portfolio> Propose(int count);

    void Observe(IReadOnlyList<PortfolioEvaluation> evaluations);
}
