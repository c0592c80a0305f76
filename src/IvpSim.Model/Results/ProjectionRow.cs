namespace IvpSim.Model.Results;

/// <summary>One line of projections.csv: an observed (or derived) value, all statistics equal, or a projected distribution.</summary>
public sealed record ProjectionRow(
    string Scenario, string Region, string Indicator, int Year, bool Observed,
    double Mean, double P05, double P25, double P50, double P75, double P95)
{
    /// <summary>An observed year that the data do not publish but the fit used (a sum of parts; see <see cref="DerivedHistory"/>).</summary>
    public bool Derived { get; init; }
}
