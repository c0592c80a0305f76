using System.Collections.Immutable;
using IvpSim.Model.Budget;
using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Simulation;

namespace IvpSim.Contracts.Surrogates;

[GenerateSerializer, Immutable, Alias("ivpsim.ForecastSettings")]
public readonly record struct ForecastSettingsSurrogate(
    [property: Id(0)] double NoiseScale, [property: Id(1)] double NoisePriorDf, [property: Id(2)] double LevelDriftSd,
    [property: Id(3)] double JumpProbability, [property: Id(4)] double JumpSd, [property: Id(5)] double SlopePriorSd,
    [property: Id(6)] double SlopeDriftSd, [property: Id(7)] ImmutableArray<double> Weights, [property: Id(8)] ImmutableArray<double> AnchorWeights,
    [property: Id(9)] double LocalDriftSd, [property: Id(10)] double LocalNoise, [property: Id(11)] double LocalDispersion,
    [property: Id(12)] ImmutableArray<ImmutableArray<double>> WeightSamples, [property: Id(13)] ImmutableArray<string> TypeNoiseIndicators,
    [property: Id(14)] ImmutableArray<double> TypeNoise, [property: Id(15)] double JumpRepeat,
    [property: Id(16)] ImmutableArray<ForecastConstants> Searched, [property: Id(17)] double LocalVolatilityShape,
    [property: Id(18)] double LocalSpreadVariance, [property: Id(19)] int LocalSpreadYears);

[GenerateSerializer, Immutable, Alias("ivpsim.ForecastConstants")]
public readonly record struct ForecastConstantsSurrogate(
    [property: Id(0)] double NoiseScale, [property: Id(1)] double NoisePriorDf, [property: Id(2)] double LevelDriftSd,
    [property: Id(3)] double JumpProbability, [property: Id(4)] double JumpSd, [property: Id(5)] double SlopePriorSd,
    [property: Id(6)] double SlopeDriftSd, [property: Id(7)] double JumpRepeat);

[RegisterConverter]
public sealed class ForecastConstantsConverter : IConverter<ForecastConstants, ForecastConstantsSurrogate>
{
    public ForecastConstants ConvertFromSurrogate(in ForecastConstantsSurrogate s) =>
        new(s.NoiseScale, s.NoisePriorDf, s.LevelDriftSd, s.JumpProbability, s.JumpSd, s.SlopePriorSd, s.SlopeDriftSd, s.JumpRepeat);
    public ForecastConstantsSurrogate ConvertToSurrogate(in ForecastConstants v) =>
        new(v.NoiseScale, v.NoisePriorDf, v.LevelDriftSd, v.JumpProbability, v.JumpSd, v.SlopePriorSd, v.SlopeDriftSd, v.JumpRepeat);
}

[RegisterConverter]
public sealed class ForecastSettingsConverter : IConverter<ForecastSettings, ForecastSettingsSurrogate>
{
    public ForecastSettings ConvertFromSurrogate(in ForecastSettingsSurrogate s) => new(s.NoiseScale, s.NoisePriorDf, s.LevelDriftSd,
        s.JumpProbability, s.JumpSd, s.SlopePriorSd, s.SlopeDriftSd, s.Weights, s.AnchorWeights)
    {
        JumpRepeat = s.JumpRepeat, LocalDriftSd = s.LocalDriftSd, LocalNoise = s.LocalNoise, LocalDispersion = s.LocalDispersion,
        LocalVolatilityShape = s.LocalVolatilityShape, LocalSpread = s.LocalSpreadYears > 0 ? new(s.LocalSpreadVariance, s.LocalSpreadYears) : null,
        WeightSamples = s.WeightSamples, Searched = s.Searched.IsDefault ? [] : s.Searched,
        LocalTypeNoise = s.TypeNoiseIndicators.IsDefaultOrEmpty ? ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal)
            : s.TypeNoiseIndicators.Zip(s.TypeNoise).ToImmutableSortedDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
    };
    public ForecastSettingsSurrogate ConvertToSurrogate(in ForecastSettings v) => new(v.NoiseScale, v.NoisePriorDf, v.LevelDriftSd,
        v.JumpProbability, v.JumpSd, v.SlopePriorSd, v.SlopeDriftSd, v.Weights, v.AnchorWeights, v.LocalDriftSd, v.LocalNoise,
        v.LocalDispersion, v.WeightSamples, [.. v.LocalTypeNoise.Keys], [.. v.LocalTypeNoise.Values], v.JumpRepeat, v.Searched,
        v.LocalVolatilityShape, v.LocalSpread?.Variance ?? 0, v.LocalSpread?.Years ?? 0);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ModelSettings")]
public readonly record struct ModelSettingsSurrogate(
    [property: Id(0)] ForecastSettings Forecast, [property: Id(1)] double SurveyScoreSe, [property: Id(2)] double ScoreStepSd,
    [property: Id(3)] double ScoreTrendShrink, [property: Id(4)] double ScoreTrendSd, [property: Id(5)] int EndYear);

[RegisterConverter]
public sealed class ModelSettingsConverter : IConverter<ModelSettings, ModelSettingsSurrogate>
{
    public ModelSettings ConvertFromSurrogate(in ModelSettingsSurrogate s) => new()
    {
        Forecast = s.Forecast, SurveyScoreSe = s.SurveyScoreSe, ScoreStepSd = s.ScoreStepSd,
        ScoreTrendShrink = s.ScoreTrendShrink, ScoreTrendSd = s.ScoreTrendSd, EndYear = s.EndYear,
    };
    public ModelSettingsSurrogate ConvertToSurrogate(in ModelSettings v) =>
        new(v.Forecast, v.SurveyScoreSe, v.ScoreStepSd, v.ScoreTrendShrink, v.ScoreTrendSd, v.EndYear);
}

[GenerateSerializer, Immutable, Alias("ivpsim.BudgetSettings")]
public readonly record struct BudgetSettingsSurrogate(
    [property: Id(0)] int Key, [property: Id(1)] ImmutableDictionary<string, double> ExplicitShares, [property: Id(2)] double CostCorrelation,
    [property: Id(3)] double Indexation, [property: Id(4)] int ClaimYear);

[RegisterConverter]
public sealed class BudgetSettingsConverter : IConverter<BudgetSettings, BudgetSettingsSurrogate>
{
    public BudgetSettings ConvertFromSurrogate(in BudgetSettingsSurrogate s) =>
        new((SplitKey)s.Key, s.ExplicitShares, s.CostCorrelation, s.Indexation, s.ClaimYear);
    public BudgetSettingsSurrogate ConvertToSurrogate(in BudgetSettings v) =>
        new((int)v.Key, v.ExplicitShares, v.CostCorrelation, v.Indexation, v.ClaimYear);
}

[GenerateSerializer, Immutable, Alias("ivpsim.PooledHyperparameters")]
public readonly record struct PooledHyperparametersSurrogate([property: Id(0)] double Noise, [property: Id(1)] double CommonCorrelation);

[RegisterConverter]
public sealed class PooledHyperparametersConverter : IConverter<PooledHyperparameters, PooledHyperparametersSurrogate>
{
    public PooledHyperparameters ConvertFromSurrogate(in PooledHyperparametersSurrogate s) => new(s.Noise, s.CommonCorrelation);
    public PooledHyperparametersSurrogate ConvertToSurrogate(in PooledHyperparameters v) => new(v.Noise, v.CommonCorrelation);
}

[GenerateSerializer, Immutable, Alias("ivpsim.PrecisionGoal")]
public readonly record struct PrecisionGoalSurrogate([property: Id(0)] double MaxError, [property: Id(1)] long MaxRuns);

[RegisterConverter]
public sealed class PrecisionGoalConverter : IConverter<PrecisionGoal, PrecisionGoalSurrogate>
{
    public PrecisionGoal ConvertFromSurrogate(in PrecisionGoalSurrogate s) => new(s.MaxError, s.MaxRuns);
    public PrecisionGoalSurrogate ConvertToSurrogate(in PrecisionGoal v) => new(v.MaxError, v.MaxRuns);
}
