using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Results;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>The municipal model (national path × local factor), its constants, and the honest scoring fixes of the forecasting issue.</summary>
public sealed class MunicipalModelTests
{
    private static CalibrationSeries Series(string region, string indicator, int firstYear, params double[] values) =>
        new(region, indicator, [.. values.Select((_, i) => firstYear + i)], [.. values], [.. values.Select(_ => false)]);

    [Fact]
    public void Should_recover_the_local_spread_and_dispersion_When_municipalities_are_drawn_with_known_constants()
    {
        // 400 municipalities, 7 years apart: log change = common + drift (7q) + noise (2ψ), counts 3 × Poisson-dispersed.
        const double q = 0.0016, psi = 0.003, dispersion = 3;
        var rng = StreamRandom.For(3, 0, 0);
        var pairs = new List<CrossSectionPair>();
        for (var m = 0; m < 400; m++)
        {
            var size = Math.Exp(5 + 4 * rng.NextDouble());
            double Draw(double mean) => dispersion * Poisson.Sample(rng, mean / dispersion);  // variance = dispersion × mean
            var first = Draw(size * Math.Exp(Math.Sqrt(psi) * rng.NextStandardNormal()));
            var last = Draw(size * 0.8 * Math.Exp(Math.Sqrt(7 * q) * rng.NextStandardNormal() + Math.Sqrt(psi) * rng.NextStandardNormal()));
            pairs.Add(new CrossSectionPair($"g{m}", first, last, 7));
        }
        var estimate = LocalCalibrator.Estimate(pairs, []);
        var alpha = 7 * q + 2 * psi;
        // The squared deviations have sd ≈ √2 × their mean: the estimate's own sd is about √2·(α + φ/y)/√n.
        Assert.InRange(estimate.Alpha, alpha - 0.006, alpha + 0.006);
        Assert.InRange(estimate.Dispersion, 1.5, 4.5);
        Assert.Equal(Math.Sqrt(estimate.Alpha / 7), estimate.DriftSd, 10);  // no yearly changes: all of α is drift
    }

    [Fact]
    public void Should_leave_out_a_municipality_with_a_tiny_count_When_it_would_set_the_dispersion_on_its_own()
    {
        // Sixty municipalities that move up to 13% against the others over seven years; then a typing error (a zero, so a
        // log change of 9 and a counting-noise term 1/0.5, hundreds of times a typical 1/y) and a hamlet of 15 crimes.
        var pairs = Enumerable.Range(0, 60).Select(i => new CrossSectionPair($"g{i}", 1000 + 50 * i, Math.Round((1000 + 50 * i) * Math.Exp(0.13 * Math.Sin(i))), 7)).ToList();
        var clean = LocalCalibrator.Estimate(pairs, []);
        var withSmall = LocalCalibrator.Estimate([.. pairs, new CrossSectionPair("typefout", 0, 6000, 7), new CrossSectionPair("gehucht", 15, 9, 7)], []);

        Assert.Equal((clean.Alpha, clean.Dispersion, clean.DriftSd, 60), (withSmall.Alpha, withSmall.Dispersion, withSmall.DriftSd, withSmall.Municipalities));
        Assert.Equal(["typefout", "gehucht"], withSmall.SmallCounts.ToArray());
        Assert.Empty(clean.SmallCounts);
        // Too few left to learn from: the message says why.
        var error = Assert.Throws<ModelInputException>(() => LocalCalibrator.Estimate([.. pairs.Take(9), new CrossSectionPair("typefout", 0, 6000, 7)], []));
        Assert.Contains("minstens 20 misdrijven", error.Message);
    }

    [Fact]
    public void Should_split_drift_from_noise_When_yearly_changes_are_given()
    {
        var pairs = Enumerable.Range(0, 50).Select(i => new CrossSectionPair($"g{i}", 1e6, 1e6 * Math.Exp(i % 2 == 0 ? 0.2 : -0.2), 7)).ToArray();
        // α ≈ 0.04 (all the spread, counts too large to matter); yearly changes of ±0.1: excess 0.01 = q + 2ψ.
        var changes = Enumerable.Range(0, 40).Select(i => new YearlyChange(1e6, 1e6 * Math.Exp(i % 2 == 0 ? 0.1 : -0.1), 1e7, 1e7)).ToArray();
        var estimate = LocalCalibrator.Estimate(pairs, changes);
        var alpha = estimate.Alpha;
        Assert.InRange(alpha, 0.039, 0.042);
        var q = (alpha - 0.01) / 6;
        Assert.Equal(Math.Sqrt(q), estimate.DriftSd, 3);
        Assert.Equal((alpha - 7 * q) / 2, estimate.Noise, 3);
    }

    [Fact]
    public void Should_give_a_crime_type_its_own_noise_When_it_moves_more_than_the_totals()
    {
        var pairs = Enumerable.Range(0, 50).Select(i => new CrossSectionPair($"g{i}", 1e6, 1e6 * Math.Exp(i % 2 == 0 ? 0.2 : -0.2), 7)).ToArray();
        // Totals: yearly changes of ±0.1 (q + 2ψ = 0.01). Burglary: ±0.2 (0.04 = 0.01 + 2·0.015); violence as the totals.
        YearlyChange Change(int i, double size, string indicator) => new(1e6, 1e6 * Math.Exp(i % 2 == 0 ? size : -size), 1e7, 1e7, indicator);
        var totals = Enumerable.Range(0, 40).Select(i => Change(i, 0.1, "total_crimes")).ToArray();
        var types = Enumerable.Range(0, 40).Select(i => Change(i, 0.2, "residential_burglary"))
            .Concat(Enumerable.Range(0, 40).Select(i => Change(i, 0.1, "violence"))).ToArray();

        var estimate = LocalCalibrator.Estimate(pairs, totals, types);

        Assert.Equal(0.015, estimate.TypeNoise["residential_burglary"], 4);
        Assert.Equal(0, estimate.TypeNoise["violence"], 4);
        Assert.Equal(80, estimate.TypeChanges);
        // The type's own noise adds to the shared part in its fit, not to a total's.
        var settings = LocalCalibrator.Apply(ForecastSettings.Uncalibrated, estimate);
        var fit = SeriesFitter.FitLocal(Series("ermelo", "residential_burglary", 2016, 1e6, 1e6, 1e6), settings);
        Assert.Equal(settings.LocalNoise + 0.015 + (settings.LocalDispersion - 1) / (1e6 + 0.5), fit.Noise, 4);
    }

    [Fact]
    public void Should_refuse_a_cross_section_When_the_years_differ_between_municipalities()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => new CrossSectionPair($"g{i}", 100, 110, i % 2 == 0 ? 7 : 6)).ToArray();
        Assert.Throws<ModelInputException>(() => LocalCalibrator.Estimate(pairs, []));
    }

    [Fact]
    public void Should_not_add_jumps_to_the_offset_When_a_series_follows_its_national_series()
    {
        // Every year is a year of upheaval with sd 0.5, no other drift. The national path (projected without jumps) is
        // flat; a series anchored to it must stay put too. The old kernel added the jumps to the offset as well.
        var settings = ForecastSettings.Uncalibrated.Only(Structures.IndexOf(Structures.AnchoredId)) with
        {
            LevelDriftSd = 0, JumpProbability = 1, JumpSd = 0.5, SlopeDriftSd = 0,
            AnchorWeights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
        };
        var national = Series("nederland", "x", 2012, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6);
        var local = Series("nederland", "x-part", 2012, 1e5, 1e5, 1e5, 1e5, 1e5, 1e5, 1e5, 1e5);
        var model = ForecastModelBuilder.Build([new ComponentSeries(local, national)], settings);
        var logs = KernelDraws.LastYear(model, 1, 2020, 2024, 300).Select(c => Math.Log(c)).ToArray();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Average(l => (l - mean) * (l - mean)));
        Assert.True(sd < 0.05, $"log sd {sd:F3} in 2024 (five jumps of sd 0.5 would give about 1.1)");
    }

    [Fact]
    public void Should_keep_a_municipal_band_to_the_cross_section_When_a_series_follows_a_flat_national_path()
    {
        var settings = ForecastSettings.Uncalibrated with
        {
            LevelDriftSd = 0, LocalDriftSd = 0.04, LocalNoise = 0.004, LocalDispersion = 2,
            AnchorWeights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
        };
        var national = Series("nederland", "total_crimes", 2016, 8e5, 8e5, 8e5, 8e5);
        var local = Series("ermelo", "total_crimes", 2016, 1000, 1000, 1000, 1000);
        var model = ForecastModelBuilder.Build([new ComponentSeries(local, national, Local: true)], settings);
        var logs = KernelDraws.LastYear(model, 7, 2020, 2024, 4000).Select(c => Math.Log(c + 0.5) - Math.Log(1000.5)).ToArray();
        // Expected variance: offset uncertainty + 5 years of drift + noise + dispersed counting noise.
        var offsetVar = model.Components[0].Offset.Sd * model.Components[0].Offset.Sd;
        var expected = offsetVar + 5 * 0.04 * 0.04 + 0.004 + 1 / 1000.0 + 1 / 1000.0;
        var mean = logs.Average();
        var variance = logs.Average(l => (l - mean) * (l - mean));
        var se = expected * Math.Sqrt(2.0 / logs.Length);
        Assert.InRange(variance, expected - 5 * se, expected + 5 * se);
        Assert.InRange(mean, -0.02, 0.02);
    }

    [Fact]
    public void Should_move_a_municipal_total_as_far_as_the_cross_section_When_it_is_the_sum_of_several_series()
    {
        // The local constants are learned from municipal totals. A total of four series that each took the size-free
        // noise on its own would move half as far (variance ψ/4): the old kernel did that.
        const double psi = 0.01;
        var settings = ForecastSettings.Uncalibrated with
        {
            LevelDriftSd = 0, LocalDriftSd = 0, LocalNoise = psi, LocalDispersion = 1,
            AnchorWeights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
        };
        string[] kinds = ["a", "b", "c", "d"];
        var model = ForecastModelBuilder.Build([.. kinds.Select(k => new ComponentSeries(
            Series("ermelo", k, 2016, 1e4, 1e4, 1e4, 1e4), Series("nederland", k, 2016, 8e5, 8e5, 8e5, 8e5), Local: true))], settings);
        var kernel = new ForecastKernel(model, 5, 2020, 2024);
        var counts = new int[kernel.Years];
        var logs = new double[4000];
        for (var t = 0; t < logs.Length; t++)
        {
            kernel.Begin(t);
            double total = 0;
            for (var c = 0; c < kinds.Length; c++)
            {
                kernel.Component(c, counts, []);
                total += counts[^1];
            }
            logs[t] = Math.Log(total);
        }
        // The offsets' estimation error is shared as well (it comes from the same shared shocks), then the year's shock
        // and counting noise of 40,000.
        var offsetVar = model.Components.Average(f => f.Offset.Sd * f.Offset.Sd);
        var expected = offsetVar + psi + 1 / 4e4;
        var mean = logs.Average();
        var variance = logs.Average(l => (l - mean) * (l - mean));
        var se = expected * Math.Sqrt(2.0 / logs.Length);
        Assert.InRange(variance, expected - 5 * se, expected + 5 * se);
    }

    [Fact]
    public void Should_count_a_tie_with_the_bound_by_chance_When_coverage_is_judged_on_a_discrete_forecast()
    {
        // A forecast that is always 3, observed 3: the old inclusive rule counted it inside every interval (100%).
        var sample = Enumerable.Repeat(3.0, 100).ToArray();
        var inside = Enumerable.Range(0, 10_000).Count(i => SampleScores.InCentral(SampleScores.Pit(sample, 3, (i + 0.5) / 10_000), 0.9));
        Assert.InRange(inside / 10_000.0, 0.89, 0.91);
    }

    [Fact]
    public void Should_give_the_chance_at_each_level_When_the_curve_is_built()
    {
        var outcomes = new[] { new StructureOutcome("random-walk", 0.5, 10, 0.2, 0.01), new StructureOutcome("damped-0.9", 0.5, 10, 0.6, 0.01) };
        var settings = ForecastSettings.Uncalibrated with
        {
            WeightSamples = [.. Enumerable.Range(0, 21).Select(i => Weights(("random-walk", i / 20.0), ("damped-0.9", 1 - i / 20.0)))],
        };
        var (low, high) = TargetEvaluator.StructuralRange([.. Structures.All.Select(s => outcomes.FirstOrDefault(o => o.Structure == s.Id)
            ?? new StructureOutcome(s.Id, 0, 0, null, null))], settings);
        // Weights from 0 to 1 in steps of 0.05: chance 0.6 − 0.4·w; the 5th and 95th percentiles of 21 points.
        Assert.Equal(0.6 - 0.4 * 0.95, low!.Value, 10);
        Assert.Equal(0.6 - 0.4 * 0.05, high!.Value, 10);
    }

    private static ImmutableArray<double> Weights(params (string Id, double Weight)[] weights) =>
        [.. Structures.All.Select(s => weights.FirstOrDefault(w => w.Id == s.Id).Weight)];
}
