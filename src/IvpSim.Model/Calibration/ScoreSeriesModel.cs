using System.Collections.Immutable;

namespace IvpSim.Model.Calibration;

/// <summary>
/// The survey score of one municipality: its published values, a carried-forward trend with uncertainty,
/// yearly changes of the true score, and the sampling noise of a survey.
/// </summary>
public sealed record ScoreSeriesModel(
    string Municipality,
    ImmutableArray<int> ObservedYears,
    ImmutableArray<double> ObservedValues,
    double TrendMean,
    double TrendSd,
    double StepSd,
    double SurveySe)
{
    public int LastObservedYear => ObservedYears[^1];

    public double LastObservedValue => ObservedValues[^1];

    /// <summary>
    /// Builds the score model. The trend is taken from the longest score series at hand (the municipality's own,
    /// else the region's: the seed has only Veluwe-West 2014 and 2019) and shrunk by <c>ScoreTrendShrink</c>.
    /// </summary>
    public static ScoreSeriesModel Create(string municipality, ImmutableArray<(int Year, double Value)> own,
        ImmutableArray<(int Year, double Value)> region, ModelSettings settings)
    {
        if (own.IsEmpty)
        {
            throw new ModelInputException($"geen rapportcijfer veiligheid bekend voor {municipality}");
        }
        var source = own.Length >= 2 ? own : region;
        var trend = source.Length >= 2
            ? (source[^1].Value - source[0].Value) / (source[^1].Year - source[0].Year)
            : 0.0;
        return new(municipality, [.. own.Select(p => p.Year)], [.. own.Select(p => p.Value)],
            trend * settings.ScoreTrendShrink, settings.ScoreTrendSd, settings.ScoreStepSd, settings.SurveyScoreSe);
    }
}
