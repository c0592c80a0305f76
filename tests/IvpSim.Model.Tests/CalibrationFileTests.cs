using System.Collections.Immutable;
using IvpSim.Data;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

public sealed class CalibrationFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-cal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_read_back_what_it_wrote_When_a_calibration_is_stored()
    {
        var settings = SeedModel.Settings.Forecast with
        {
            LevelDriftSd = 0.0123, JumpProbability = 0.15, JumpRepeat = 0.3, LocalDriftSd = 0.031, LocalNoise = 0.0042, LocalDispersion = 1.7,
            LocalVolatilityShape = 3.25, LocalSpread = new LocalSpread(0.015988, 7),
            WeightSamples = [[.. Structures.All.Select((s, i) => i == 0 ? 1.0 : 0)], [.. Structures.All.Select((s, i) => i == 1 ? 0.25 : i == 2 ? 0.75 : 0)]],
            LocalTypeNoise = new Dictionary<string, double> { ["residential_burglary"] = 0.0512, ["violence"] = 0 }
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
            Searched = [new ForecastConstants(0.35, 0.5, 0.05, 0.1, 0.3, 0.2, 0.01, 0.4), new ForecastConstants(1, 8, 0.02, 0.05, 0.5, 0.05, 0.08, 1)],
        };
        var path = Path.Combine(_dir, "k.yaml");
        File.WriteAllText(path, ForecastCalibrationFile.Format(settings, new CalibrationProvenance("c.csv", "ab", "2014-2018", "1-5", 9, 10, 1, 1.5), ["test"]));

        var read = ForecastCalibrationFile.Read(path);

        var none = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);
        Assert.Equal(settings with { Weights = [], AnchorWeights = [], WeightSamples = [], LocalTypeNoise = none, Searched = [] },
            read with { Weights = [], AnchorWeights = [], WeightSamples = [], LocalTypeNoise = none, Searched = [] });
        Assert.Equal(settings.Searched.ToArray(), read.Searched.ToArray());
        Assert.Equal(settings.LocalTypeNoise.ToArray(), read.LocalTypeNoise.ToArray());
        Assert.Equal(settings.WeightSamples.Select(w => w.ToArray()), read.WeightSamples.Select(w => w.ToArray()));
        Assert.Equal(settings.Weights.ToArray(), read.Weights.ToArray());
        Assert.Equal(settings.AnchorWeights.ToArray(), read.AnchorWeights.ToArray());
    }

    [Fact]
    public void Should_record_the_corpus_it_was_learned_from_When_shipped()
    {
        var text = File.ReadAllText(RepoRoot.Data("forecast-calibration.yaml"));
        var corpus = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepoRoot.Data("nl-reference-2012-2019.csv"))));
        Assert.StartsWith(ForecastCalibrationFile.Marker, text);
        Assert.Contains($"corpus_sha256: {corpus}", text);
    }

    /// <summary>Constants added after files were shipped: an older file without them reads as none, a bad value is named.</summary>
    [Theory]
    [InlineData("jump_repeat", "1.5")]           // years of upheaval in runs
    [InlineData("local_volatility_shape", "0.5")] // municipalities moving unequally
    public void Should_read_a_later_constant_as_none_from_an_older_file_and_refuse_one_out_of_range(string key, string bad)
    {
        static double Value(ForecastSettings s, string key) => key == "jump_repeat" ? s.JumpRepeat : s.LocalVolatilityShape;
        var shipped = File.ReadAllText(RepoRoot.Data("forecast-calibration.yaml"));
        Assert.True(Value(ForecastCalibrationFile.Read(RepoRoot.Data("forecast-calibration.yaml")), key) > 0);
        // Only the constants' own line (a search's is indented further).
        var line = shipped.Split('\n').Single(l => l.StartsWith($"  {key}: ", StringComparison.Ordinal));
        var older = Path.Combine(_dir, $"older-{key}.yaml");
        File.WriteAllText(older, shipped.Replace("\n" + line + "\n", "\n"));
        Assert.Equal(0, Value(ForecastCalibrationFile.Read(older), key));

        var path = Path.Combine(_dir, $"bad-{key}.yaml");
        File.WriteAllText(path, shipped.Replace("\n" + line + "\n", $"\n  {key}: {bad}\n"));
        var error = Assert.Throws<InputException>(() => ForecastCalibrationFile.Read(path));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Should_read_the_spread_as_unknown_from_an_older_file_and_refuse_half_of_it()
    {
        var shipped = File.ReadAllText(RepoRoot.Data("forecast-calibration.yaml"));
        Assert.NotNull(ForecastCalibrationFile.Read(RepoRoot.Data("forecast-calibration.yaml")).LocalSpread);
        var spread = shipped.Split('\n').Single(l => l.StartsWith("  local_spread: ", StringComparison.Ordinal));
        var years = shipped.Split('\n').Single(l => l.StartsWith("  local_spread_years: ", StringComparison.Ordinal));

        var older = Path.Combine(_dir, "older-spread.yaml");
        File.WriteAllText(older, shipped.Replace("\n" + spread + "\n" + years + "\n", "\n"));
        Assert.Null(ForecastCalibrationFile.Read(older).LocalSpread);

        var half = Path.Combine(_dir, "half-spread.yaml");
        File.WriteAllText(half, shipped.Replace("\n" + years + "\n", "\n"));
        var error = Assert.Throws<InputException>(() => ForecastCalibrationFile.Read(half));
        Assert.Contains("local_spread_years", error.Message);
    }

    [Fact]
    public void Should_read_every_search_from_the_shipped_file_none_from_an_older_one_and_name_a_bad_one()
    {
        var shipped = File.ReadAllText(RepoRoot.Data("forecast-calibration.yaml"));
        Assert.Equal(5, ForecastCalibrationFile.Read(RepoRoot.Data("forecast-calibration.yaml")).Searched.Length);

        var start = shipped.IndexOf("searches:\n", StringComparison.Ordinal);
        var end = shipped.IndexOf("\nweights:\n", StringComparison.Ordinal) + 1;
        var older = Path.Combine(_dir, "older.yaml");
        File.WriteAllText(older, shipped[..start] + shipped[end..]);
        Assert.Empty(ForecastCalibrationFile.Read(older).Searched);

        // The second search's jump_sd (the first search's block ends where the second's '- ' begins).
        var second = shipped.IndexOf("  - ", shipped.IndexOf("  - ", start, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var jump = shipped.IndexOf("jump_sd: ", second, StringComparison.Ordinal) + "jump_sd: ".Length;
        var bad = Path.Combine(_dir, "bad-search.yaml");
        File.WriteAllText(bad, shipped[..jump] + "9" + shipped[shipped.IndexOf('\n', jump)..]);
        var error = Assert.Throws<InputException>(() => ForecastCalibrationFile.Read(bad));
        Assert.Contains("searches[2].jump_sd", error.Message);

        var unknown = Path.Combine(_dir, "unknown-search.yaml");
        File.WriteAllText(unknown, shipped[..second] + "  - nois_scale: 1\n    " + shipped[(second + 4)..]);
        Assert.Contains("nois_scale", Assert.Throws<InputException>(() => ForecastCalibrationFile.Read(unknown)).Message);
    }

    [Fact]
    public void Should_name_the_field_When_weights_do_not_sum_to_one()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        var good = File.ReadAllText(RepoRoot.Data("forecast-calibration.yaml"));
        // The first weight under 'weights:' gets half a unit more, so the weights no longer sum to 1.
        var at = good.IndexOf("\nweights:\n  random-walk: ", StringComparison.Ordinal) + "\nweights:\n  random-walk: ".Length;
        var end = good.IndexOf('\n', at);
        var raised = double.Parse(good[at..end], System.Globalization.CultureInfo.InvariantCulture) + 0.5;
        File.WriteAllText(path, good[..at] + raised.ToString(System.Globalization.CultureInfo.InvariantCulture) + good[end..]);

        var error = Assert.Throws<InputException>(() => ForecastCalibrationFile.Read(path));

        Assert.Contains("'weights.", error.Message);
        Assert.Contains("samen 1", error.Message);
    }
}
