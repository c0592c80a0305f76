using IvpSim.Model.Backtest;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class BacktestTests
{
    /// <summary>Series from the dynamics the model assumes: a slope from its prior, a random-walk level drift, log-normal and Poisson noise.</summary>
    private static ObservationSet Synthetic(int seriesCount, int years)
    {
        var rng = RandomStreams.For(21, 0, 0);
        var items = new List<Observation>();
        for (var s = 0; s < seriesCount; s++)
        {
            var slope = 0.05 * rng.NextStandardNormal();
            double drift = 0;
            for (var t = 0; t < years; t++)
            {
                drift += 0.05 * rng.NextStandardNormal();
                var mean = Math.Exp(Math.Log(150) + slope * t + drift + Math.Sqrt(0.02) * rng.NextStandardNormal() - 0.01);
                items.Add(new Observation($"s{s}", Indicators.Violence, 2010 + t,
                    MathNet.Numerics.Distributions.Poisson.Sample(rng, mean), "synthetisch"));
            }
        }
        return new ObservationSet([.. items]);
    }

    [Fact]
    public void Should_cover_near_nominal_When_the_data_follow_the_model()
    {
        const int n = 300;
        var rows = Backtester.Run(Synthetic(n, 8), 2016, 1, 1, new ModelSettings(), 5, 2000);
        var ivpsim = Backtester.Score("*", "*", "ivpsim", [.. rows.Where(r => r.Method == "ivpsim")]);
        Assert.Equal(n, ivpsim.Forecasts);
        // Binomial sampling error of a coverage over n forecasts, 4 standard errors, plus 3 points for the model's approximations.
        double Tolerance(double p) => 4 * Math.Sqrt(p * (1 - p) / n) + 0.03;
        Assert.InRange(ivpsim.Coverage90, 0.90 - Tolerance(0.9), 0.90 + Tolerance(0.9));
        Assert.InRange(ivpsim.Coverage50, 0.50 - Tolerance(0.5), 0.50 + Tolerance(0.5));
    }

    [Fact]
    public void Should_carry_the_last_value_and_extend_the_line_When_forecasting_naively()
    {
        (int, double)[] fit = [(2016, 100), (2017, 110), (2018, 121)];
        Assert.Equal(121, NaiveForecasts.Last(fit, 2019)(0.5), 9);
        var expected = Math.Exp(Math.Log(121.5) + (Math.Log(121.5) - Math.Log(100.5)) / 2) - 0.5;
        Assert.Equal(expected, NaiveForecasts.Trend(fit, 2019)(0.5), 1);
        Assert.True(NaiveForecasts.Last(fit, 2021)(0.95) > NaiveForecasts.Last(fit, 2019)(0.95), "the spread must grow with the horizon");
    }

    [Fact]
    public void Should_equal_the_absolute_error_When_the_forecast_is_a_point()
    {
        Assert.Equal(7, QuantileForecast.Crps(_ => 50, 43), 6);
        var sharp = QuantileForecast.Crps(tau => 100 + 10 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, tau), 100);
        var vague = QuantileForecast.Crps(tau => 100 + 40 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, tau), 100);
        Assert.True(sharp < vague);
        // CRPS of N(μ, σ) at y = μ is σ(√2 − 1)/√π·√2 … ≈ 0.234σ; the 99-level rule is within 2%.
        Assert.InRange(sharp, 0.234 * 10 * 0.98, 0.234 * 10 * 1.02);
    }

    [Fact]
    public void Should_leave_out_series_with_too_few_years_before_the_cut()
    {
        var data = Synthetic(3, 8);
        var shortSeries = new ObservationSet([.. data.Items, new Observation("kort", Indicators.Violence, 2016, 10, "x"), new Observation("kort", Indicators.Violence, 2017, 12, "x")]);
        var rows = Backtester.Run(shortSeries, 2016, 1, 1, new ModelSettings(), 1, 200);
        Assert.DoesNotContain(rows, r => r.Region == "kort");
        Assert.Equal(3 * 3, rows.Length);
    }
}
