using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// The trend filter knows the years of upheaval the projection draws: a sharp move in the last observed year is taken
/// mostly as a jump of the level, not as a new slope to carry forward.
/// </summary>
public sealed class UpheavalFilterTests
{
    private static readonly ForecastSettings Settings = ForecastSettings.Uncalibrated with
    {
        LevelDriftSd = 0.02, SlopeDriftSd = 0.04, SlopePriorSd = 0.1, NoiseScale = 1, NoisePriorDf = 2,
        JumpProbability = 0.1, JumpSd = 0.3,
    };

    [Fact]
    public void Should_not_carry_a_last_year_drop_forward_as_a_trend_When_years_of_upheaval_are_possible()
    {
        // Nine years falling 3% a year, then a fall of 25% in the last year (as burglary in 2020).
        var values = Enumerable.Range(0, 10).Select(t => 5000 * Math.Exp(-0.03 * t)).ToArray();
        values[^1] *= 0.75;
        var series = Synthetic.FromValues("s", [.. values.Select(v => Math.Round(v))]);

        var calm = SeriesFitter.Fit(series, 0.001, Settings with { JumpProbability = 0 }).Trend;
        var upheaval = SeriesFitter.Fit(series, 0.001, Settings).Trend;

        // Without years of upheaval the filter reads much of the drop as a steeper slope; with them it keeps the slope.
        Assert.True(calm.Slope < -0.08, $"the calm filter's slope {calm.Slope:F3}");
        Assert.InRange(upheaval.Slope, -0.05, -0.01);
        // The level follows the observed drop either way (the drop happened; only its continuation is in doubt).
        Assert.InRange(upheaval.Level, Math.Log(values[^1]) - 0.05, Math.Log(values[^1]) + 0.05);
    }

    [Fact]
    public void Should_estimate_the_true_slope_on_average_When_the_last_year_jumps()
    {
        const int n = 300;
        const double slope = -0.04;
        var rng = StreamRandom.For(23, 0, 0);
        double calmError = 0, upheavalError = 0;
        var upheavalSlopes = new double[n];
        for (var i = 0; i < n; i++)
        {
            var values = new double[10];
            for (var t = 0; t < values.Length; t++)
            {
                var jump = t == values.Length - 1 ? 0.3 * rng.NextStandardNormal() : 0;
                values[t] = MathNet.Numerics.Distributions.Poisson.Sample(rng, Math.Exp(Math.Log(3000) + slope * t + 0.03 * rng.NextStandardNormal() + jump));
            }
            var series = Synthetic.FromValues($"s{i}", values);
            calmError += Math.Pow(SeriesFitter.Fit(series, 0.001, Settings with { JumpProbability = 0, LevelDriftSd = 0.03 }).Trend.Slope - slope, 2);
            upheavalSlopes[i] = SeriesFitter.Fit(series, 0.001, Settings with { LevelDriftSd = 0.03 }).Trend.Slope;
            upheavalError += Math.Pow(upheavalSlopes[i] - slope, 2);
        }
        // The jump-aware filter's slope errors are much smaller, and its slopes centre on the truth (4 standard errors).
        Assert.True(upheavalError < 0.5 * calmError, $"squared slope error with upheaval {upheavalError:F3}, calm {calmError:F3}");
        var mean = upheavalSlopes.Average();
        var se = Math.Sqrt(upheavalSlopes.Sum(s => (s - mean) * (s - mean)) / (n - 1) / n);
        Assert.InRange(mean, slope - 4 * se - 0.005, slope + 4 * se + 0.005);
    }

    [Fact]
    public void Should_match_the_plain_filter_When_no_year_can_be_one_of_upheaval()
    {
        var series = new CalibrationSeries("ermelo", "s", [2015, 2016, 2017, 2018, 2019], [120, 100, 95, 80, 90], [false, false, false, false, false]);
        var plain = StateFilter.Trend(series, 0.01, 0.001, 0.0004, 0.1);
        var zeroChance = StateFilter.Trend(series, 0.01, 0.001, 0.0004, 0.1, jumpProbability: 0, jumpVariance: 0.09);
        var zeroSize = StateFilter.Trend(series, 0.01, 0.001, 0.0004, 0.1, jumpProbability: 0.1, jumpVariance: 0);

        Assert.Equal(plain.State, zeroChance.State);
        Assert.Equal(plain.LogLikelihood, zeroChance.LogLikelihood, 12);
        Assert.Equal(plain.State, zeroSize.State);
        Assert.Equal(plain.LogLikelihood, zeroSize.LogLikelihood, 12);
    }
}
