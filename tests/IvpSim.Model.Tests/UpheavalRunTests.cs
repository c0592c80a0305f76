using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// Years of upheaval come in runs (in the reference corpus a shock year was followed by another in 27% of cases, a calm
/// year in 11%): a series whose last observed year the filter takes for one has an extra chance that the next is one too.
/// </summary>
public sealed class UpheavalRunTests
{
    private const double JumpSd = 0.5;

    private static readonly ForecastSettings Settings = ForecastSettings.Uncalibrated.Only(Structures.IndexOf(Structures.RandomWalkId)) with
    {
        LevelDriftSd = 0, SlopeDriftSd = 0, NoiseScale = 1, NoisePriorDf = 2, JumpProbability = 0.01, JumpSd = JumpSd,
    };

    /// <summary>Nine calm years at 50,000, then the last one at 50,000 × <paramref name="lastFactor"/>.</summary>
    private static Calibration.CalibrationSeries Series(double lastFactor) =>
        Synthetic.FromValues("s", [.. Enumerable.Range(0, 10).Select(t => t == 9 ? Math.Round(50_000 * lastFactor) : 50_000.0 + 100 * (t % 2))]);

    [Fact]
    public void Should_judge_the_last_year_an_upheaval_When_it_moved_far_beyond_the_years_before()
    {
        Assert.True(SeriesFitter.Fit(Series(0.6), 0.0001, Settings).LastUpheaval > 0.99);
        Assert.True(SeriesFitter.Fit(Series(1.0), 0.0001, Settings).LastUpheaval < 0.05);
        Assert.Equal(0, SeriesFitter.Fit(Series(0.6), 0.0001, Settings with { JumpProbability = 0 }).LastUpheaval);
    }

    [Fact]
    public void Should_widen_the_year_after_an_upheaval_by_the_repeat_chance_When_the_last_year_was_one()
    {
        const double repeat = 0.4;
        const int trajectories = 4000;
        double Variance(double lastFactor, double jumpRepeat)
        {
            var model = ForecastModelBuilder.Build([new ComponentSeries(Series(lastFactor), null)], Settings with { JumpRepeat = jumpRepeat });
            var logs = KernelDraws.LastYear(model, 3, 2010, 2010, trajectories).Select(c => Math.Log(c + 0.5)).ToArray();
            var mean = logs.Average();
            return logs.Average(l => (l - mean) * (l - mean));
        }

        // After the upheaval: the common years of upheaval (1%) and the repeat (40%), each a jump of sd 0.5.
        var expected = (0.01 + repeat) * JumpSd * JumpSd;
        var after = Variance(0.6, repeat);
        // A jump mixture has kurtosis about 3 / p: the sampling error of its variance is about σ² √((3 / p − 1) / n).
        var se = expected * Math.Sqrt((3 / (0.01 + repeat) - 1) / trajectories);
        Assert.InRange(after, expected - 5 * se, expected + 5 * se);
        // Without the repeat, or after a calm year, only the common years of upheaval and the noise remain.
        Assert.True(Variance(0.6, 0) < 0.1 * expected, $"without repeat {Variance(0.6, 0):F4}");
        Assert.True(Variance(1.0, repeat) < 0.1 * expected, $"after a calm year {Variance(1.0, repeat):F4}");
    }
}
