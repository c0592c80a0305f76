using System.CommandLine;
using IvpSim.Data;
using IvpSim.Model.Forecasting;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>--searches</c> of calibrate and backtest: how many independent searches for the forecast constants, each with
/// random numbers of its own; every constant is the median of what they found.
/// </summary>
internal static class SearchesOption
{
    public static Option<int> Create() => new("--searches")
    {
        Description = "Onafhankelijke zoektochten naar de prognoseconstanten, elk met eigen toevalsgetallen; per constante geldt de mediaan " +
            "(één zoektocht hangt sterk af van de seed)",
        DefaultValueFactory = _ => CalibrationOptions.DefaultSearches,
    };

    public static int Value(ParseResult parse, Option<int> option) =>
        parse.GetValue(option) is var n and >= 1 and <= 25 ? n : throw new InputException("--searches", null, null, "moet tussen 1 en 25 liggen");
}
