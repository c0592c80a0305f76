namespace IvpSim.Model.Results;

/// <summary>One line of projections.csv: an observed value (all statistics equal) or a projected distribution.</summary>
public sealed record ProjectionRow(
    string Scenario, string Region, string Indicator, int Year, bool Observed,
    double Mean, double P05, double P25, double P50, double P75, double P95);
