using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Calibration;

/// <summary>
/// The baseline model's settings: the forecast constants and structure weights of the count series (calibrated
/// out of sample, read from the calibration file), the survey score's settings and the last projected year.
/// </summary>
public sealed record ModelSettings
{
    /// <summary>The calibrated constants and structure weights of the count series.</summary>
    public ForecastSettings Forecast { get; init; } = ForecastSettings.Uncalibrated;

    /// <summary>Standard error of one municipality's published survey score (sampling noise).</summary>
    public double SurveyScoreSe { get; init; } = 0.05;

    /// <summary>Yearly standard deviation of changes in the true safety score.</summary>
    public double ScoreStepSd { get; init; } = 0.04;

    /// <summary>Share of the observed regional score trend that is carried forward (0 = none, 1 = all).</summary>
    public double ScoreTrendShrink { get; init; } = 0.5;

    /// <summary>Uncertainty (sd per year) around the carried-forward score trend.</summary>
    public double ScoreTrendSd { get; init; } = 0.03;

    /// <summary>The last projected year.</summary>
    public int EndYear { get; init; } = 2024;

    /// <summary>One line per problem with these settings; empty when they are valid.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        foreach (var problem in Forecast.Problems()) yield return problem;
        if (SurveyScoreSe is < 0 or > 1) yield return ("survey_score_se", "moet tussen 0 en 1 liggen");
        if (ScoreStepSd is < 0 or > 1) yield return ("score_step_sd", "moet tussen 0 en 1 liggen");
        if (ScoreTrendShrink is < 0 or > 1) yield return ("score_trend_shrink", "moet tussen 0 en 1 liggen");
        if (ScoreTrendSd is < 0 or > 1) yield return ("score_trend_sd", "moet tussen 0 en 1 liggen");
        if (EndYear is < 2020 or > 2040) yield return ("end_year", "moet tussen 2020 en 2040 liggen");
    }
}
