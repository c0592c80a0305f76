using IvpSim.Cli.Output;
using IvpSim.Model.Backtest;
using IvpSim.Model.Forecasting;
using Spectre.Console;

namespace IvpSim.Cli.Tests;

/// <summary>The backtest's table of what each origin learned shows the searches' spread where they disagree.</summary>
public sealed class LearnedTableTests
{
    [Fact]
    public void Should_show_the_lowest_and_highest_search_beside_the_median_When_the_searches_disagree()
    {
        var median = ForecastSettings.Uncalibrated with { LevelDriftSd = 0.02, SlopeDriftSd = 0.01 };
        var disagree = median with
        {
            Searched = [ForecastConstants.Of(median), ForecastConstants.Of(median) with { SlopeDriftSd = 0.04 }, ForecastConstants.Of(median) with { SlopeDriftSd = 0 }],
        };
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
            { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;

        LearnedTable.Print(console, [new LearnedAtOrigin(2015, disagree), new LearnedAtOrigin(2016, median)]);

        var rows = text.ToString().Split('\n');
        var first = rows.Single(r => r.Contains("2015", StringComparison.Ordinal));
        Assert.Contains("0,01 (0,00-0,04)", first);
        Assert.DoesNotContain("0,02 (", first);  // the level drift: every search agrees
        Assert.DoesNotContain("(", rows.Single(r => r.Contains("2016", StringComparison.Ordinal)));
    }
}
