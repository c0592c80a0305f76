using System.CommandLine;
using IvpSim.Reporting.Results;
using System.Collections.Immutable;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>calibrate [--scenario FILE] [--out FILE]</c>: learns the forecast constants and the structure weights from
/// rolling-origin forecasts of the reference corpus and the plan's own series, and writes the calibration file.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario waarvan de gegevens en het referentiecorpus gebruikt worden (standaard: scenarios/baseline.yaml)" };
        var outOption = new Option<string?>("--out", "-o") { Description = "Kalibratiebestand (standaard: dat van het scenario, scenarios/data/forecast-calibration.yaml)" };
        var draws = new Option<int>("--draws") { Description = "Trajecten per prognose voor de eindgewichten", DefaultValueFactory = _ => 1000 };
        var searchDraws = new Option<int>("--search-draws") { Description = "Trajecten per prognose tijdens het zoeken", DefaultValueFactory = _ => 300 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 2020 };
        var searches = SearchesOption.Create();
        var force = new Option<bool>("--force") { Description = "Een bestand vervangen dat niet door IvpSim gekalibreerd is" };
        var municipal = new Option<string?>("--municipal")
        {
            Description = "Dwarsdoorsnede van gemeenten (lange CSV, elke gemeente in dezelfde twee jaren) voor de lokale constanten " +
                "(standaard: nl-municipal-2015-2022.csv naast de waarnemingen)",
        };
        var command = new Command("calibrate",
            "Leer de prognoseconstanten en de gewichten van de modelstructuren uit toetsen buiten de steekproef (landelijk referentiecorpus) " +
            "en de lokale constanten uit een dwarsdoorsnede van gemeenten");
        foreach (var o in new Option[] { scenario, outOption, draws, searchDraws, seed, searches, force, municipal }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            if (parse.GetValue(draws) < 100) throw new InputException("--draws", null, null, "moet minstens 100 zijn");
            if (parse.GetValue(searchDraws) < 50) throw new InputException("--search-draws", null, null, "moet minstens 50 zijn");
            var inputs = ScenarioInputs.Load(parse.GetValue(scenario) ?? Path.Combine(ScenarioFiles.DefaultFolder(), "baseline.yaml"));
            var reference = inputs.Scenario.Data.Reference
                ?? throw new InputException(inputs.Scenario.SourceFile, null, "data.reference", "het scenario heeft geen referentiecorpus");
            var target = parse.GetValue(outOption) ?? inputs.Scenario.Data.Calibration
                ?? Path.Combine(Path.GetDirectoryName(inputs.Scenario.Data.Observations)!, "forecast-calibration.yaml");
            EnsureReplaceable(target, parse.GetValue(force));

            var series = EvaluationSeries(inputs);
            var origins = Model.Backtest.Backtester.Origins(series.SelectMany(s => s.Series.Years),
                new Model.Backtest.BacktestOptions([], 1, MaxHorizon, 1, 0));
            var options = new CalibrationOptions([.. origins], MaxHorizon, parse.GetValue(searchDraws), parse.GetValue(draws), parse.GetValue(seed),
                Searches: SearchesOption.Value(parse, searches));
            console.MarkupLine($"Kalibreren op {series.Count} reeksen, beginjaren {origins[0]}-{origins[^1]}, horizon 1-{MaxHorizon} …");
            var municipalFile = parse.GetValue(municipal)
                ?? Path.Combine(Path.GetDirectoryName(inputs.Scenario.Data.Observations)!, "nl-municipal-2015-2022.csv");
            if (!File.Exists(municipalFile)) throw new InputException(municipalFile, null, null, "bestand niet gevonden (--municipal)");
            var local = LocalConstants(inputs, municipalFile);
            var result = ForecastCalibrator.Calibrate(series, options, line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
            var settings = LocalCalibrator.Apply(result.Settings, local);

            var provenance = new CalibrationProvenance(Path.GetFileName(reference), FileChecksum.Sha256(reference),
                $"{origins[0]}-{origins[^1]}", $"1-{MaxHorizon}", result.Forecasts, options.FinalDraws, options.Seed, result.ScaledCrps,
                new MunicipalProvenance(Path.GetFileName(municipalFile), FileChecksum.Sha256(municipalFile), local.Municipalities));
            AtomicFile.Write(target, ForecastCalibrationFile.Format(settings, provenance,
                [$"{series.Count} landelijke reeksen (structuren en constanten) en {local.Municipalities} gemeenten over {local.Gap} jaar " +
                 $"(lokale constanten; {local.YearlyChanges} jaarlijkse veranderingen van de totalen van het plan voor de splitsing drift/ruis, " +
                 $"{local.TypeChanges} van de misdaadsoorten voor hun eigen ruis)",
                 "Toets vooruit in de tijd: ./run-sim.sh backtest (per beginjaar opnieuw geleerd)"]));
            Print(console, result with { Settings = settings }, local);
            console.MarkupLine($"Geschreven: {Markup.Escape(Path.GetFullPath(target))}");
            return 0;
        });
        return command;
    }

    private const int MaxHorizon = 5;

    /// <summary>
    /// The corpus series, each following the total of its kind. The plan's own series are municipal: they follow their
    /// national series with a local factor whose constants come from the cross-section, not from these weights.
    /// </summary>
    public static IReadOnlyList<EvaluationSeries> EvaluationSeries(ScenarioInputs inputs) =>
        [.. Model.Forecasting.EvaluationSeries.Corpus(inputs.Corpus, Model.Backtest.Backtester.ReferenceDataSet)];

    /// <summary>The local constants: the cross-section's spread, split into drift and noise by the plan's own yearly changes.</summary>
    private static LocalEstimate LocalConstants(ScenarioInputs inputs, string municipalFile)
    {
        var observations = new ObservationSet(ObservationCsv.Read(municipalFile));
        var plan = Regions.All.Select(r => r.Id).ToHashSet();
        var series = observations.Items.Where(o => !plan.Contains(o.Region) && o.Indicator == Indicators.TotalCrimes)
            .GroupBy(o => o.Region).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(o => o.Year).ToArray())
            .Select(p => new CalibrationSeries(p[0].Region, Indicators.TotalCrimes, [.. p.Select(o => o.Year)], [.. p.Select(o => o.Value)], [.. p.Select(_ => false)]))
            .ToArray();
        var (totals, types) = LocalCalibrator.PlanChanges(inputs.Observations, inputs.National);
        try
        {
            return LocalCalibrator.Estimate(LocalCalibrator.Pairs(series), totals, types);
        }
        catch (Model.ModelInputException e)
        {
            throw new InputException(municipalFile, null, null, e.Message);
        }
    }

    private static void EnsureReplaceable(string target, bool force)
    {
        if (Directory.Exists(target)) throw new InputException(target, null, null, "is een map, geen bestand");
        if (!File.Exists(target) || force) return;
        if (!File.ReadLines(target).FirstOrDefault("").StartsWith(ForecastCalibrationFile.Marker, StringComparison.Ordinal))
            throw new InputException(target, null, null, "bestaat al en is niet door 'calibrate' geschreven; gebruik --force om het te vervangen");
    }

    /// <summary>How far the searches' constants lie apart: the spread a run carries (each trajectory takes one search's set).</summary>
    private static string SearchesLine(IReadOnlyList<ForecastConstants> searched)
    {
        string Range(Func<ForecastConstants, double> get, int digits) =>
            SearchSpread.Of(searched, get, digits) ?? DutchFormat.Number(get(searched[0]), digits);
        return $"De {searched.Count} zoektochten vonden: ruis ×{Range(c => c.NoiseScale, 2)} (prior {Range(c => c.NoisePriorDf, 1)}), " +
            $"niveaudrift sd {Range(c => c.LevelDriftSd, 3)}, sprongen {Range(c => 100 * c.JumpProbability, 0)}% (sd {Range(c => c.JumpSd, 2)}; " +
            $"herhaling {Range(c => 100 * c.JumpRepeat, 0)}%), trendprior sd {Range(c => c.SlopePriorSd, 2)}, trenddrift sd {Range(c => c.SlopeDriftSd, 3)}. " +
            "De gegevens kiezen daar niet tussen: elk traject rekent met de constanten van één zoektocht, zodat de banden die onzekerheid meenemen.";
    }

    private static void Print(IAnsiConsole console, CalibrationResult result, LocalEstimate local)
    {
        var s = result.Settings;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Modelstructuren en hun gewicht[/]")
            .AddColumn("Structuur").AddColumn(new TableColumn("Gewicht").RightAligned())
            .AddColumn(new TableColumn("Gewicht landelijke reeks").RightAligned());
        for (var i = 0; i < Structures.All.Length; i++)
            table.AddRow(Markup.Escape(Structures.All[i].NameNl), DutchFormat.Percent(s.Weights[i]), DutchFormat.Percent(s.AnchorWeights[i]));
        console.Write(table);
        console.MarkupLine($"Ruis ×{DutchFormat.Number(s.NoiseScale, 2)} (prior {DutchFormat.Number(s.NoisePriorDf, 1)} waarnemingen), " +
            $"niveaudrift sd {DutchFormat.Number(s.LevelDriftSd, 3)}, sprongen {DutchFormat.Percent(s.JumpProbability)} van de jaren (sd {DutchFormat.Number(s.JumpSd, 2)}; na een sprongjaar {DutchFormat.Percent(s.JumpRepeat)} extra kans), " +
            $"trendprior sd {DutchFormat.Number(s.SlopePriorSd, 2)}, trenddrift sd {DutchFormat.Number(s.SlopeDriftSd, 3)}; " +
            $"geleerd uit {DutchFormat.Number(result.Forecasts)} prognoses.");
        if (s.Searched.Length > 1) console.MarkupLine(SearchesLine(s.Searched));
        console.MarkupLine($"Gemeenten ({DutchFormat.Number(local.Municipalities)} over {local.Gap} jaar): lokale drift sd {DutchFormat.Number(s.LocalDriftSd, 4)} per jaar, " +
            $"ruis {DutchFormat.Number(s.LocalNoise, 4)}, spreiding ×{DutchFormat.Number(s.LocalDispersion, 2)} Poisson " +
            $"(afwijking van het landelijk gemiddelde over {local.Gap} jaar: sd {DutchFormat.Number(Math.Sqrt(local.Alpha), 3)} boven de telruis" +
            (s.LocalVolatilityShape > 0
                ? $"; gemeenten bewegen ongelijk: kurtosis {DutchFormat.Number(local.Kurtosis, 2)} tegen 3 bij een normale verdeling, vorm {DutchFormat.Number(s.LocalVolatilityShape, 2)}"
                : "") + ").");
        SmallCountsNote.Print(console, local.SmallCounts);
        if (!s.LocalTypeNoise.IsEmpty)
            console.MarkupLine("Eigen ruis per misdaadsoort bovenop wat de gemeente deelt: " +
                string.Join(", ", s.LocalTypeNoise.Select(t => $"{Markup.Escape(Indicators.LabelNl(t.Key))} {DutchFormat.Number(t.Value, 4)}")) + ".");
        // Scores on the very forecasts the constants were tuned on flatter the model, so none are shown here.
        console.MarkupLine("[grey]Hoe goed dit model voorspelt, meet ./run-sim.sh backtest: per beginjaar opnieuw geleerd uit wat toen " +
            "bekend was en getoetst op de jaren erna. Scores op de eigen leerset zeggen dat niet en worden niet getoond.[/]");
    }
}
