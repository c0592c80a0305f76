using IvpSim.Model.Forecasting;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

/// <summary>
/// A run carries every calibration search's constants: trajectory j is projected with those of search j mod n, so the
/// spread holds what the data leave open about the constants, and the draws depend on the trajectory alone.
/// </summary>
public sealed class SearchMixtureTests
{
    private static readonly EvaluationSeries[] Series =
        [new("synthetisch", Synthetic.Structured(StreamRandom.For(7, 0, 0), "s", 8, Math.Log(900), -0.03, 0.8, 0.01, 0.01, 0.005), null)];

    private static readonly ForecastSettings Calm = ForecastSettings.Uncalibrated with { LevelDriftSd = 0, SlopeDriftSd = 0, SlopePriorSd = 0.02 };

    private static double[] Draws(ForecastSettings settings, int draws = 4000)
    {
        var forecasts = OutOfSample.Plan(Series, [2003], 4, 4);
        OutOfSample.Project(Series, forecasts, settings, [-1], draws, 11);
        return forecasts.Single().Samples[^1]!;
    }

    private static double LogSd(IEnumerable<double> draws)
    {
        var logs = draws.Select(d => Math.Log(d + 0.5)).ToArray();
        var mean = logs.Average();
        return Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
    }

    [Fact]
    public void Should_project_trajectory_j_with_the_constants_of_search_j_mod_n()
    {
        var wide = Calm with { LevelDriftSd = 0.15 };
        var mixed = Calm with { Searched = [ForecastConstants.Of(Calm), ForecastConstants.Of(wide)] };

        var draws = Draws(mixed);
        var calm = Draws(Calm);
        var drifting = Draws(wide);

        // Every trajectory is exactly the one its search's constants give on the same random numbers.
        for (var j = 0; j < draws.Length; j++) Assert.Equal(j % 2 == 0 ? calm[j] : drifting[j], draws[j]);
        // So the mixture is wider than the calm constants alone: four years of drift 0.15 add sd 0.3 to half the draws.
        Assert.True(LogSd(draws) > 1.5 * LogSd(calm), $"sd {LogSd(draws):F3} against {LogSd(calm):F3}");
    }

    [Fact]
    public void Should_draw_as_before_When_every_search_found_the_same_constants()
    {
        var same = Calm with { Searched = [ForecastConstants.Of(Calm), ForecastConstants.Of(Calm), ForecastConstants.Of(Calm)] };

        Assert.Equal(Draws(Calm), Draws(same));
    }

    [Fact]
    public void Should_fit_the_plan_once_per_search_and_give_the_same_numbers_in_any_batches()
    {
        var forecast = SeedModel.Settings.Forecast;
        var other = ForecastConstants.Of(forecast) with { LevelDriftSd = 0.1 };
        var settings = SeedModel.Settings with { Forecast = forecast with { Searched = [ForecastConstants.Of(forecast), other] } };
        var baseline = Calibration.BaselineCalibrator.Calibrate(SeedModel.Data, settings, SeedModel.Inputs.National);
        var plan = SimulationPlan.Create("test", 5, settings, baseline, SeedModel.People, targets: SeedModel.Inputs.Targets);

        Assert.Equal(2, plan.SearchFits.Length);
        Assert.Equal(2, plan.Forecasts().Length);
        Assert.Equal(0.1, plan.Forecasts()[1].Settings.LevelDriftSd);
        var whole = MonteCarlo.RunBatch(plan, 0, 600);
        var merged = MonteCarlo.RunBatch(plan, 0, 251).Merge(MonteCarlo.RunBatch(plan, 251, 349));
        var total = whole.Find("ermelo", "total_crimes_excl_cyber", plan.EndYear)!;
        var parts = merged.Find("ermelo", "total_crimes_excl_cyber", plan.EndYear)!;
        Assert.Equal(total.Values.ToArray(), parts.Values.ToArray());
        Assert.Equal(total.Counts.ToArray(), parts.Counts.ToArray());
        // Each search projected every other trajectory, and what met each target under it merges exactly too.
        Assert.Equal([300L, 300L], whole.SearchTrajectories.ToArray());
        Assert.Equal(whole.SearchTargetsMet.ToArray(), merged.SearchTargetsMet.ToArray());
        var index = plan.Targets.IndexOf(plan.Targets.First(t => t.Indicator == "total_crimes_excl_cyber"));
        var (low, high) = Results.TargetEvaluator.ConstantsRange(index, plan.Targets.Length, whole);
        double[] chances = [.. Enumerable.Range(0, 2).Select(k => whole.SearchTargetsMet[k * plan.Targets.Length + index] / 300.0)];
        Assert.Equal(chances.Min(), low);
        Assert.Equal(chances.Max(), high);
        // The median constants alone carry no range over searches.
        var median = SeedModel.Settings with { Forecast = forecast with { Searched = [] } };
        var single = SimulationPlan.Create("test", 5, median, Calibration.BaselineCalibrator.Calibrate(SeedModel.Data, median, SeedModel.Inputs.National),
            SeedModel.People, targets: SeedModel.Inputs.Targets);
        Assert.Equal((null, null), Results.TargetEvaluator.ConstantsRange(index, plan.Targets.Length, MonteCarlo.RunBatch(single, 0, 100)));
    }

    [Fact]
    public void Should_name_the_search_When_its_constants_are_out_of_range()
    {
        var settings = Calm with { Searched = [ForecastConstants.Of(Calm), ForecastConstants.Of(Calm) with { JumpSd = 9 }] };

        Assert.Contains(settings.Problems(), p => p.Field == "searches[2].jump_sd");
        Assert.DoesNotContain(settings.Problems(), p => p.Field == "jump_sd");
    }

    [Fact]
    public void Should_list_each_searchs_constants_under_the_median_When_a_backtest_writes_what_it_learned()
    {
        var settings = Calm with { Searched = [ForecastConstants.Of(Calm) with { SlopeDriftSd = 0.08 }, ForecastConstants.Of(Calm)] };

        var lines = Reporting.Csv.BacktestCsv.FormatLearned([new Backtest.LearnedAtOrigin(2015, settings)]).TrimEnd().Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2015,median,0.0000,0.0200,0.0000,", lines[1]);
        Assert.StartsWith("2015,1,0.0000,0.0200,0.0800,", lines[2]);
        Assert.StartsWith("2015,2,0.0000,0.0200,0.0000,", lines[3]);
        Assert.EndsWith(",,,,,,", lines[2]);
    }
}
