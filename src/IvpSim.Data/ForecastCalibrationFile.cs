using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using IvpSim.Data.Yaml;
using IvpSim.Model.Forecasting;

namespace IvpSim.Data;

/// <summary>Where a calibration came from and how it scored: kept in the file beside the constants.</summary>
public sealed record CalibrationProvenance(string Corpus, string CorpusSha256, string Origins, string Horizons, int Forecasts,
    int Draws, ulong Seed, double ScaledCrps, MunicipalProvenance? Municipal = null);

/// <summary>The cross-section of municipalities that the local constants were learned from.</summary>
public sealed record MunicipalProvenance(string File, string Sha256, int Municipalities);

/// <summary>
/// The forecast calibration file (<c>scenarios/data/forecast-calibration.yaml</c>): the constants and structure
/// weights that <c>calibrate</c> learned, with their provenance. Written only by IvpSim; its first line marks it.
/// </summary>
public static class ForecastCalibrationFile
{
    public const string Marker = "# IvpSim-kalibratie";

    public static ForecastSettings Read(string path)
    {
        var root = YamlDocument.LoadRoot(path);
        var problems = new InputProblems();
        var c = problems.Try(() => root.OptionalMap("constants")) ?? throw root.ErrorAt("constants", "ontbreekt");
        var constants = Constants(c, problems);
        var settings = new ForecastSettings(
            constants.NoiseScale, constants.NoisePriorDf, constants.LevelDriftSd,
            constants.JumpProbability, constants.JumpSd, constants.SlopePriorSd, constants.SlopeDriftSd,
            problems.Try(() => Weights(root, "weights")), problems.Try(() => Weights(root, "anchor_weights")))
        {
            JumpRepeat = constants.JumpRepeat,
            LocalDriftSd = Required(c, problems, "local_drift_sd", 1), LocalNoise = Required(c, problems, "local_noise", 1),
            LocalDispersion = problems.Try<double?>(() => c.OptionalDouble("local_dispersion", 1, 100) ?? throw c.ErrorAt("local_dispersion", "ontbreekt")) ?? 1,
            // Older files, from before municipalities differed in how much they move, have none: a normal local factor.
            LocalVolatilityShape = problems.Try(() => c.OptionalDouble("local_volatility_shape", 0, 1000)) ?? 0,
            // Older files, from before the spread was kept, have none: a forward backtest then keeps their split.
            LocalSpread = problems.Try(() => Spread(c)),
            WeightSamples = problems.Try(() => WeightSamples(root)),
            LocalTypeNoise = problems.Try(() => TypeNoise(root)) ?? ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal),
            // Older files, from before a run carried every search's constants, have none: the median alone.
            Searched = [.. (problems.Try(() => root.OptionalMapList("searches")) ?? []).Select(m => Constants(m, problems, strict: true))],
        };
        foreach (var key in new[] { "generated_by", "corpus", "corpus_sha256", "origins", "horizons", "forecasts", "draws", "seed", "scaled_crps",
                     "municipal", "municipal_sha256", "municipalities" })
            root.OptionalString(key);
        problems.Try(() => { c.RejectUnknownKeys(); root.RejectUnknownKeys(); return true; });
        problems.ThrowIfAny();
        foreach (var (field, problem) in settings.Problems())
            problems.Add(new InputException(path, null, field, problem));
        problems.ThrowIfAny();
        return settings;
    }

    /// <summary>The constants of a map (<c>constants</c>, or one of <c>searches</c>, which has nothing else).</summary>
    private static ForecastConstants Constants(YamlMap c, InputProblems problems, bool strict = false)
    {
        double Required(string key, double max) => ForecastCalibrationFile.Required(c, problems, key, max);
        var constants = new ForecastConstants(Required("noise_scale", 100), Required("noise_prior_df", 1000), Required("level_drift_sd", 2),
            Required("jump_probability", 1), Required("jump_sd", 5), Required("slope_prior_sd", 2), Required("slope_drift_sd", 1),
            // Older files, from before years of upheaval came in runs, have none.
            problems.Try(() => c.OptionalDouble("jump_repeat", 0, 1)) ?? 0);
        if (strict) problems.Try(() => { c.RejectUnknownKeys(); return true; });
        return constants;
    }

    /// <summary>The cross-section's spread and its years (<c>local_spread</c>, <c>local_spread_years</c>): both or neither.</summary>
    private static LocalSpread? Spread(YamlMap c)
    {
        var variance = c.OptionalDouble("local_spread", 0, 1);
        var years = c.OptionalInteger("local_spread_years", 2, 100);
        if (variance is null && years is null) return null;
        if (variance is null) throw c.ErrorAt("local_spread_years", "hoort bij local_spread, dat ontbreekt");
        if (years is not { } y) throw c.ErrorAt("local_spread", "hoort bij local_spread_years, dat ontbreekt");
        return new LocalSpread(variance.Value, (int)y);
    }

    /// <summary>A number between 0 and <paramref name="max"/> that must be there (a problem noted, 0 returned, when not).</summary>
    private static double Required(YamlMap c, InputProblems problems, string key, double max) =>
        problems.Try<double?>(() => c.OptionalDouble(key, 0, max) ?? throw c.ErrorAt(key, "ontbreekt")) ?? 0;

    /// <summary>Weights per structure id; structures the file leaves out get weight 0.</summary>
    public static ImmutableArray<double> Weights(YamlMap root, string key)
    {
        var map = root.OptionalMap(key) ?? throw root.ErrorAt(key, "ontbreekt");
        return ReadWeights(map);
    }

    /// <summary>Each crime type's own local noise (<c>local_type_noise</c>; a file without it: none).</summary>
    private static ImmutableSortedDictionary<string, double> TypeNoise(YamlMap root)
    {
        var map = root.OptionalMap("local_type_noise");
        var noise = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (map is null) return noise.ToImmutable();
        foreach (var key in map.Keys.ToArray()) noise[key] = map.OptionalDouble(key, 0, 1)!.Value;
        return noise.ToImmutable();
    }

    /// <summary>The resampled national weights: a list of lists, each in the order of <c>anchor_weights</c>.</summary>
    private static ImmutableArray<ImmutableArray<double>> WeightSamples(YamlMap root)
    {
        var list = root.OptionalSequence("weight_samples");
        if (list is null) return [];
        var samples = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        foreach (var item in list.Children)
        {
            if (item is not YamlDotNet.RepresentationModel.YamlSequenceNode row || row.Children.Count != Structures.All.Length)
                throw root.Error(item, "weight_samples", $"elke steekproef is een lijst van {Structures.All.Length} gewichten");
            var weights = new double[row.Children.Count];
            for (var i = 0; i < weights.Length; i++)
            {
                var text = (row.Children[i] as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]) || weights[i] is < 0 or > 1)
                    throw root.Error(row.Children[i], "weight_samples", $"'{text}' is geen gewicht tussen 0 en 1");
            }
            samples.Add([.. weights]);
        }
        return samples.ToImmutable();
    }

    /// <summary>A map of structure id to weight, checked: known ids, non-negative, summing to 1.</summary>
    public static ImmutableArray<double> ReadWeights(YamlMap map)
    {
        var weights = new double[Structures.All.Length];
        foreach (var id in map.Keys.ToArray())
        {
            if (!Structures.IsKnown(id))
                throw map.ErrorAt(id, $"onbekende structuur '{id}' (bekend: {string.Join(", ", Structures.All.Select(s => s.Id))})");
            weights[Structures.IndexOf(id)] = map.OptionalDouble(id, 0, 1)!.Value;
        }
        if (Math.Abs(weights.Sum() - 1) > 1e-6)
            throw map.ErrorAt(map.Keys.FirstOrDefault() ?? "", $"de gewichten moeten samen 1 zijn (nu {weights.Sum().ToString("0.####", CultureInfo.InvariantCulture)})");
        return [.. weights];
    }

    public static string Format(ForecastSettings s, CalibrationProvenance p, IEnumerable<string> notes)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(Marker).Append(": geschreven door './run-sim.sh calibrate'. Niet met de hand wijzigen: kalibreer opnieuw.\n");
        foreach (var note in notes) sb.Append("# ").Append(note).Append('\n');
        sb.Append("generated_by: ivpsim calibrate\n");
        sb.Append(inv, $"corpus: {p.Corpus}\ncorpus_sha256: {p.CorpusSha256}\norigins: {p.Origins}\nhorizons: {p.Horizons}\n");
        sb.Append(inv, $"forecasts: {p.Forecasts}\ndraws: {p.Draws}\nseed: {p.Seed}\nscaled_crps: {p.ScaledCrps:F4}\n");
        if (p.Municipal is { } m)
            sb.Append(inv, $"municipal: {m.File}\nmunicipal_sha256: {m.Sha256}\nmunicipalities: {m.Municipalities}\n");
        sb.Append("constants:\n");
        AppendConstants(sb, "  ", "  ", ForecastConstants.Of(s));
        sb.Append(inv, $"  local_drift_sd: {s.LocalDriftSd:0.#####}\n  local_noise: {s.LocalNoise:0.#####}\n  local_dispersion: {s.LocalDispersion:0.###}\n");
        if (s.LocalVolatilityShape > 0) sb.Append(inv, $"  local_volatility_shape: {s.LocalVolatilityShape:0.##}\n");
        if (s.LocalSpread is { } spread) sb.Append(inv, $"  local_spread: {spread.Variance:0.######}\n  local_spread_years: {spread.Years}\n");
        if (!s.LocalTypeNoise.IsEmpty)
        {
            sb.Append("# eigen jaarlijkse ruis van een misdaadsoort in een gemeente, bovenop local_noise die al haar reeksen delen\n");
            sb.Append("local_type_noise:\n");
            foreach (var (indicator, noise) in s.LocalTypeNoise) sb.Append(inv, $"  {indicator}: {noise:0.#####}\n");
        }
        if (!s.Searched.IsEmpty)
        {
            sb.Append("# de constanten van elke zoektocht (constants: hun mediaan); traject j gebruikt die van zoektocht j mod ").Append(s.Searched.Length).Append('\n');
            sb.Append("searches:\n");
            foreach (var searched in s.Searched) AppendConstants(sb, "  - ", "    ", searched);
        }
        AppendWeights(sb, "weights", s.Weights);
        AppendWeights(sb, "anchor_weights", s.AnchorWeights);
        if (!s.WeightSamples.IsEmpty)
        {
            sb.Append("# anchor_weights opnieuw geschat op bootstrapsteekproeven van de prognoses (volgorde als anchor_weights)\n");
            sb.Append("weight_samples:\n");
            foreach (var sample in s.WeightSamples)
                sb.Append("  - [").Append(string.Join(", ", sample.Select(w => w.ToString("0.####", inv)))).Append("]\n");
        }
        return sb.ToString();
    }

    private static void AppendConstants(StringBuilder sb, string first, string indent, ForecastConstants c)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{first}noise_scale: {c.NoiseScale}\n{indent}noise_prior_df: {c.NoisePriorDf}\n{indent}level_drift_sd: {c.LevelDriftSd}\n");
        sb.Append(inv, $"{indent}jump_probability: {c.JumpProbability}\n{indent}jump_sd: {c.JumpSd}\n{indent}slope_prior_sd: {c.SlopePriorSd}\n");
        sb.Append(inv, $"{indent}slope_drift_sd: {c.SlopeDriftSd}\n{indent}jump_repeat: {c.JumpRepeat}\n");
    }

    private static void AppendWeights(StringBuilder sb, string key, ImmutableArray<double> weights)
    {
        sb.Append(key).Append(":\n");
        for (var i = 0; i < Structures.All.Length; i++)
            sb.Append("  ").Append(Structures.All[i].Id).Append(": ").Append(weights[i].ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
    }
}
