using IvpSim.Model.Backtest;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>The Dutch backtest summary: per data set and horizon, coverage and skill of IvpSim against the naive forecasts; then each structure alone.</summary>
public static class BacktestTable
{
    public static void Print(IAnsiConsole console, IReadOnlyList<BacktestScore> summary, int[] origins, int minH, int maxH, bool forward)
    {
        console.MarkupLine(forward
            ? "[bold]Vooruit in de tijd getoetst[/]: geen constante of gewicht heeft de uitkomst gezien waarop het beoordeeld wordt."
            : "[bold yellow]In de steekproef getoetst[/] (--in-sample): de kalibratie heeft deze uitkomsten gezien; de scores zijn te gunstig.");
        if (forward && summary.Any(s => s.DataSet == Backtester.PlanDataSet))
            console.MarkupLine("[grey]De reeksen van het plan: hoe ver een gemeente van de landelijke ontwikkeling afdrijft komt uit de " +
                "dwarsdoorsnede van andere gemeenten in de kalibratie (2015-2022); hoe dat zich verdeelt over drift en jaarlijkse ruis, en de " +
                "eigen ruis per misdaadsoort, alleen uit de veranderingen van het plan tot het beginjaar.[/]");
        var overall = summary.Where(s => s.Region == BacktestSummary.All).ToArray();
        foreach (var dataSet in overall.Select(s => s.DataSet).Distinct())
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]Backtest {Markup.Escape(Label(dataSet))}[/]: beginjaren {origins[0]}-{origins[^1]}, horizon {minH}-{maxH} jaar")
                .AddColumn("Horizon").AddColumn("Methode")
                .AddColumn(new TableColumn("Prognoses").RightAligned())
                .AddColumn(new TableColumn("Dekking 50%").RightAligned())
                .AddColumn(new TableColumn("Dekking 90%").RightAligned())
                .AddColumn(new TableColumn("CRPS/schaal").RightAligned())
                .AddColumn(new TableColumn("Rel. WIS").RightAligned())
                .AddColumn(new TableColumn("Winst t.o.v. naive_last").RightAligned())
                .AddColumn(new TableColumn("P95/P5 (mediaan)").RightAligned());
            var rows = overall.Where(s => s.DataSet == dataSet && !s.Method.StartsWith("structuur:", StringComparison.Ordinal)).ToArray();
            var horizons = rows.Select(s => s.Horizon).Distinct().OrderBy(h => h == 0 ? int.MaxValue : h).ToArray();
            foreach (var h in horizons)
            {
                var first = true;
                foreach (var s in rows.Where(r => r.Horizon == h))
                {
                    table.AddRow(first ? (h == 0 ? "[bold]alle[/]" : $"{h} jaar") : "", s.Method, DutchFormat.Number(s.Forecasts),
                        DutchFormat.Percent(s.Coverage50), DutchFormat.Percent(s.Coverage90), Scaled(s.ScaledCrps),
                        s.RelativeWis is { } w ? DutchFormat.Number(w, 2) : "-", s.Skill is { } k ? DutchFormat.Percent(k) : "-",
                        s.MedianBandRatio is { } b ? DutchFormat.Number(b, 2) : "-");
                    first = false;
                }
                if (h != horizons[^1]) table.AddEmptyRow();
            }
            console.Write(table);
        }
        var structures = overall.Where(s => s.DataSet == BacktestSummary.All && s.Horizon == 0 &&
            (s.Method == Backtester.Ivpsim || s.Method.StartsWith("structuur:", StringComparison.Ordinal))).ToArray();
        if (structures.Length > 1)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Elke modelstructuur afzonderlijk[/] (alle reeksen en horizonnen)")
                .AddColumn("Methode").AddColumn(new TableColumn("Dekking 50%").RightAligned()).AddColumn(new TableColumn("Dekking 90%").RightAligned())
                .AddColumn(new TableColumn("CRPS/schaal").RightAligned()).AddColumn(new TableColumn("Winst t.o.v. naive_last").RightAligned());
            foreach (var s in structures)
                table.AddRow(Markup.Escape(s.Method), DutchFormat.Percent(s.Coverage50), DutchFormat.Percent(s.Coverage90),
                    Scaled(s.ScaledCrps), s.Skill is { } k ? DutchFormat.Percent(k) : "-");
            console.Write(table);
        }
        console.MarkupLine("[grey]Dekking: aandeel waarnemingen binnen het 50%- en 90%-interval (ideaal 50% en 90%). CRPS/schaal: fout van de hele " +
            "verdeling, gedeeld door de gebruikelijke jaarlijkse verandering van de reeks (lager is beter). Rel. WIS: gewogen intervalscore " +
            "gedeeld door die van naive_last (onder 1 is beter). Winst: 1 − CRPS/schaal gedeeld door die van naive_last.[/]");
    }

    /// <summary>IvpSim per data set, origin and target year: coverage, relative WIS and band width.</summary>
    public static void PrintByOrigin(IAnsiConsole console, IReadOnlyList<BacktestScore> byOrigin)
    {
        var rows = byOrigin.Where(s => s.Method == Backtester.Ivpsim).ToArray();
        if (rows.Length == 0) return;
        var table = ScoreColumns(new Table().Border(TableBorder.Rounded).Title("[bold]IvpSim per beginjaar en jaar[/]")
            .AddColumn("Reeksen").AddColumn(new TableColumn("Beginjaar").RightAligned()).AddColumn(new TableColumn("Jaar").RightAligned()));
        foreach (var s in rows)
            table.AddRow([Markup.Escape(Label(s.DataSet)), $"{s.FitUntil}", $"{s.Year}", .. ScoreCells(s)]);
        console.Write(table);
    }

    /// <summary>
    /// Per origin and year, the coverage measured next to what the model expects where the forecasts share an outcome:
    /// over all its trajectories taken as the truth, and over those whose shared outcome fell where the real one did.
    /// </summary>
    public static void PrintSharedOutcomes(IAnsiConsole console, IReadOnlyList<SharedOutcomeCheck> checks)
    {
        if (checks.Count == 0) return;
        var table = GroupColumns("Dekking bij een gedeelde uitkomst: gemeten en wat het model zelf verwacht")
            .AddColumn(new TableColumn("50%").RightAligned()).AddColumn(new TableColumn("verwacht").RightAligned())
            .AddColumn(new TableColumn("zo'n uitkomst").RightAligned())
            .AddColumn(new TableColumn("90%").RightAligned()).AddColumn(new TableColumn("verwacht").RightAligned())
            .AddColumn(new TableColumn("zo'n uitkomst").RightAligned())
            .AddColumn(new TableColumn("Plaats").RightAligned());
        foreach (var c in checks)
        {
            table.AddRow(Markup.Escape(ShortLabel(c.DataSet)), $"{c.FitUntil}", $"{c.Year}", DutchFormat.Number(c.Forecasts),
                Measured(c.Coverage50, c.Similar50), Range(c.Expected50), Range(c.Similar50),
                Measured(c.Coverage90, c.Similar90), Range(c.Expected90), Range(c.Similar90), DutchFormat.Number(c.SharedPit, 2));
        }
        console.Write(table);
        console.MarkupLine("[grey]Prognoses van één beginjaar en jaar delen een uitkomst (gemeenten: de landelijke ontwikkeling; landelijke reeksen: " +
            "de gemeenschappelijke schokken van dat jaar), dus hun dekking (50%, 90%) is geen telling van zoveel losse toetsen. Verwacht: 5-95% " +
            "van de dekking als elk traject van het model om beurten de werkelijkheid is. Zo'n uitkomst: alleen de trajecten waarin de gedeelde " +
            "uitkomst viel waar de echte viel. Plaats: waar de echte gedeelde uitkomst viel (0 = lager dan het model verwachtte, 1 = hoger). " +
            "Rood: buiten het bereik bij zo'n uitkomst, het model zit ernaast.[/]");
        PrintRelative(console, checks);
    }

    /// <summary>The same forecasts with the shared outcome taken out: does each one's own spread fit?</summary>
    private static void PrintRelative(IAnsiConsole console, IReadOnlyList<SharedOutcomeCheck> checks)
    {
        var relative = checks.Where(c => c.Relative is not null).ToArray();
        if (relative.Length == 0) return;
        var table = GroupColumns("Dekking van de eigen beweging, naast de gedeelde uitkomst")
            .AddColumn(new TableColumn("50%").RightAligned()).AddColumn(new TableColumn("verwacht").RightAligned())
            .AddColumn(new TableColumn("90%").RightAligned()).AddColumn(new TableColumn("verwacht").RightAligned());
        foreach (var c in relative)
        {
            var r = c.Relative!;
            table.AddRow(Markup.Escape(ShortLabel(c.DataSet)), $"{c.FitUntil}", $"{c.Year}", DutchFormat.Number(c.Forecasts),
                Measured(r.Coverage50, r.Expected50), Range(r.Expected50), Measured(r.Coverage90, r.Expected90), Range(r.Expected90));
        }
        console.Write(table);
        console.MarkupLine("[grey]Eigen beweging: de logaritmische verandering sinds het beginjaar min het gemiddelde van de groep, in de " +
            "echte uitkomsten en in elk traject (gemeenten: hun beweging naast de landelijke ontwikkeling, wat de lokale constanten " +
            "beschrijven). Verwacht: 5-95% van die dekking als elk traject om beurten de werkelijkheid is. Gemeenten delen " +
            "niets dan de landelijke ontwikkeling, dus daar is dat vrijwel binomiaal rond 50% en 90%; landelijke reeksen delen ook hun structuur " +
            "en sprongen, dus daar is het ruimer. Rood: daarbuiten, de eigen spreiding past niet.[/]");
    }

    /// <summary>A table of forecasts grouped by data set, origin and year, with their number.</summary>
    private static Table GroupColumns(string title) => new Table().Border(TableBorder.Rounded).Title($"[bold]{title}[/]")
        .AddColumn("Reeksen").AddColumn(new TableColumn("Beginjaar").RightAligned()).AddColumn(new TableColumn("Jaar").RightAligned())
        .AddColumn(new TableColumn("Aantal").RightAligned());

    private static string Measured(double coverage, CoverageRange similar) =>
        similar.Contains(coverage) ? DutchFormat.Percent(coverage) : $"[red]{DutchFormat.Percent(coverage)}[/]";

    private static string Range(CoverageRange r) => $"{DutchFormat.Percent(r.P05)}-{DutchFormat.Percent(r.P95)}";

    /// <summary>The forecasts made right after a shock year: IvpSim against naive_last on the same forecasts.</summary>
    public static void PrintAfterShock(IAnsiConsole console, IReadOnlyList<BacktestScore> afterShock)
    {
        var rows = afterShock.Where(s => s.DataSet != BacktestSummary.All && s.Method is Backtester.Ivpsim or Backtester.NaiveLast).ToArray();
        if (rows.Length == 0) return;
        var title = $"Na een schokjaar (laatste verandering ≥ {ShockYear.Multiple:0}× de gebruikelijke en ≥ {DutchFormat.Percent(ShockYear.MinimumShare)})";
        var table = ScoreColumns(new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]").AddColumn("Reeksen").AddColumn("Methode"));
        foreach (var s in rows)
            table.AddRow([Markup.Escape(Label(s.DataSet)), Markup.Escape(s.Method), .. ScoreCells(s)]);
        console.Write(table);
        console.MarkupLine("[grey]Rel. WIS onder 1: beter dan \"zelfde als vorig jaar\" juist na een plotselinge beweging.[/]");
    }

    /// <summary>The score columns the per-origin and after-shock tables share.</summary>
    private static Table ScoreColumns(Table table) => table.AddColumn(new TableColumn("Prognoses").RightAligned())
        .AddColumn(new TableColumn("Dekking 50%").RightAligned()).AddColumn(new TableColumn("Dekking 90%").RightAligned())
        .AddColumn(new TableColumn("Rel. WIS").RightAligned()).AddColumn(new TableColumn("P95/P5 (mediaan)").RightAligned());

    private static string[] ScoreCells(BacktestScore s) =>
    [
        DutchFormat.Number(s.Forecasts), DutchFormat.Percent(s.Coverage50), DutchFormat.Percent(s.Coverage90),
        s.RelativeWis is { } w ? DutchFormat.Number(w, 2) : "-", s.MedianBandRatio is { } b ? DutchFormat.Number(b, 2) : "-",
    ];

    private static string Scaled(double value) => double.IsFinite(value) ? DutchFormat.Number(value, 3) : "-";

    /// <summary>A data set's name where the table is wide.</summary>
    private static string ShortLabel(string dataSet) => dataSet switch
    {
        Backtester.ReferenceDataSet => "landelijk",
        Backtester.OtherDataSet => "overige reeksen",
        _ => Label(dataSet),
    };

    private static string Label(string dataSet) => dataSet switch
    {
        BacktestSummary.All => "alle reeksen",
        Backtester.PlanDataSet => "eigen reeksen (Ermelo, Harderwijk, Putten, Veluwe-West)",
        Backtester.ReferenceDataSet => "landelijk referentiecorpus",
        Backtester.OtherDataSet => "overige reeksen (gemeenten)",
        _ => dataSet,
    };
}
