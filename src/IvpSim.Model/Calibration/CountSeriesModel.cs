namespace IvpSim.Model.Calibration;

/// <summary>
/// The calibrated baseline of one count series: a posterior for its log level (at <see cref="CenterYear"/>)
/// and its log slope per year, its own overdispersion, the years it was observed and their values (kept so trajectories reproduce them).
/// </summary>
public sealed record CountSeriesModel(
    string Municipality,
    string Indicator,
    double CenterYear,
    double LevelMean,
    double LevelSd,
    double SlopeMean,
    double SlopeSd,
    double RawSlope,
    double Overdispersion,
    int LastObservedYear,
    System.Collections.Immutable.ImmutableArray<int> ObservedYears,
    System.Collections.Immutable.ImmutableArray<double> ObservedValues,
    int ImputedPoints);
