namespace IvpSim.Model.Calibration;

/// <summary>
/// The structural assumptions of the baseline model. Four yearly points cannot identify these, so they are
/// explicit, documented and overridable per scenario (section <c>model:</c>); the README shows how much the
/// answers move when they change.
/// </summary>
public sealed record ModelSettings
{
    /// <summary>Each projected year keeps this fraction of the previous year's trend (damped trend, 0..1).</summary>
    public double TrendDamping { get; init; } = 0.8;

    /// <summary>Yearly standard deviation of persistent level shifts on the log scale (random-walk drift).</summary>
    public double LevelDriftSd { get; init; } = 0.05;

    /// <summary>
    /// Prior sd of a series' log-slope per year (0.05: a lasting trend of more than ~10% a year is unlikely);
    /// null = estimated across all series (empirical Bayes), which reads the common 2016-2017 drop as a trend.
    /// </summary>
    public double? SlopePriorSd { get; init; } = 0.05;

    /// <summary>Lower bound for the estimated slope prior sd, so that the trend is never taken as certain.</summary>
    public double MinSlopePriorSd { get; init; } = 0.03;

    /// <summary>How many observations the pooled overdispersion is worth against a series' own residuals.</summary>
    public double OverdispersionPriorDf { get; init; } = 2;

    /// <summary>Lower bound for the pooled extra-Poisson variance on the log scale.</summary>
    public double MinOverdispersion { get; init; } = 0.002;

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
        if (TrendDamping is < 0 or > 1) yield return ("trend_damping", "moet tussen 0 en 1 liggen");
        if (LevelDriftSd is < 0 or > 1) yield return ("level_drift_sd", "moet tussen 0 en 1 liggen");
        if (SlopePriorSd is < 0 or > 2) yield return ("slope_prior_sd", "moet tussen 0 en 2 liggen");
        if (SurveyScoreSe is < 0 or > 1) yield return ("survey_score_se", "moet tussen 0 en 1 liggen");
        if (ScoreStepSd is < 0 or > 1) yield return ("score_step_sd", "moet tussen 0 en 1 liggen");
        if (ScoreTrendShrink is < 0 or > 1) yield return ("score_trend_shrink", "moet tussen 0 en 1 liggen");
        if (ScoreTrendSd is < 0 or > 1) yield return ("score_trend_sd", "moet tussen 0 en 1 liggen");
        if (EndYear is < 2020 or > 2040) yield return ("end_year", "moet tussen 2020 en 2040 liggen");
    }
}
