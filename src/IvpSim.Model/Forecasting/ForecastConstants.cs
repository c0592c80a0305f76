namespace IvpSim.Model.Forecasting;

/// <summary>
/// The constants one calibration search settled on: the part of <see cref="ForecastSettings"/> that the data pin down
/// only loosely. Searches with random numbers of their own end on different sets that score alike, so a run carries
/// them all (<see cref="ForecastSettings.Searched"/>) instead of betting on their median.
/// </summary>
public sealed record ForecastConstants(double NoiseScale, double NoisePriorDf, double LevelDriftSd, double JumpProbability, double JumpSd,
    double SlopePriorSd, double SlopeDriftSd, double JumpRepeat)
{
    public static ForecastConstants Of(ForecastSettings s) =>
        new(s.NoiseScale, s.NoisePriorDf, s.LevelDriftSd, s.JumpProbability, s.JumpSd, s.SlopePriorSd, s.SlopeDriftSd, s.JumpRepeat);

    /// <summary>The settings with these constants (and no searches of their own): everything else stays.</summary>
    public ForecastSettings Apply(ForecastSettings s) => s with
    {
        NoiseScale = NoiseScale, NoisePriorDf = NoisePriorDf, LevelDriftSd = LevelDriftSd, JumpProbability = JumpProbability,
        JumpSd = JumpSd, SlopePriorSd = SlopePriorSd, SlopeDriftSd = SlopeDriftSd, JumpRepeat = JumpRepeat, Searched = [],
    };

    /// <summary>One line per constant outside its range; empty when they are valid.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        if (NoiseScale is < 0 or > 100) yield return ("noise_scale", "moet tussen 0 en 100 liggen");
        if (NoisePriorDf is < 0 or > 1000) yield return ("noise_prior_df", "moet tussen 0 en 1000 liggen");
        if (LevelDriftSd is < 0 or > 2) yield return ("level_drift_sd", "moet tussen 0 en 2 liggen");
        if (JumpProbability is < 0 or > 1) yield return ("jump_probability", "moet tussen 0 en 1 liggen");
        if (JumpSd is < 0 or > 5) yield return ("jump_sd", "moet tussen 0 en 5 liggen");
        if (JumpRepeat is < 0 or > 1) yield return ("jump_repeat", "moet tussen 0 en 1 liggen");
        if (SlopePriorSd is < 0 or > 2) yield return ("slope_prior_sd", "moet tussen 0 en 2 liggen");
        if (SlopeDriftSd is < 0 or > 1) yield return ("slope_drift_sd", "moet tussen 0 en 1 liggen");
    }
}
