using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IvpSim.Cli.Benchmarks;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>bench [--runs N] [--scenario FILE] [--out DIR]</c>: measures the engine (kernel on one thread, on all cores,
/// whole runs through Orleans at 10,000 … N trajectories) and writes bench.csv.
/// </summary>
public static class BenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var runs = new Option<long>("--runs", "-n") { Description = "Grootste aantal trajecten (Orleans loopt 10.000, 100.000, … tot dit aantal)", DefaultValueFactory = _ => 1_000_000 };
        var kernelRuns = new Option<long?>("--kernel-runs") { Description = "Trajecten voor de kernmetingen (a) en (b) (standaard: --runs, hoogstens 1.000.000)" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario om te meten (standaard: scenarios/baseline.yaml)" };
        var outOption = new Option<string>("--out", "-o") { Description = "Uitvoermap (standaard: out/bench)", DefaultValueFactory = _ => Path.Combine("out", "bench") };
        var repeats = new Option<int>("--repeat") { Description = "Hoe vaak (b) en (c) op het grootste aantal om en om gemeten worden; de snelste telt", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Meet de snelheid en het geheugen van de rekenkern en van een hele run via Orleans; schrijft bench.csv");
        foreach (var o in new Option[] { runs, kernelRuns, scenario, outOption, repeats }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var top = parse.GetValue(runs);
            if (top is < 10_000 or > 100_000_000) throw new InputException("--runs", null, null, "moet tussen 10.000 en 100.000.000 liggen");
            var kernel = parse.GetValue(kernelRuns) ?? Math.Min(top, 1_000_000);
            if (kernel is < 1_000 or > 100_000_000) throw new InputException("--kernel-runs", null, null, "moet tussen 1.000 en 100.000.000 liggen");
            var inputs = ScenarioInputs.Load(parse.GetValue(scenario) ?? Path.Combine(ScenarioFiles.DefaultFolder(), "baseline.yaml"));
            var outDir = parse.GetValue(outOption)!;
            OutputFolder.EnsureWritable(outDir);
            var ladder = new List<long>();
            for (long n = 10_000; n < top; n *= 10) ladder.Add(n);
            ladder.Add(top);
            if (parse.GetValue(repeats) is < 1 or > 20) throw new InputException("--repeat", null, null, "moet tussen 1 en 20 liggen");
            var rows = await Benchmark.RunAsync(inputs, kernel, ladder, parse.GetValue(repeats), step => console.MarkupLine($"[grey]{Markup.Escape(step)} …[/]"), ct);
            OutputFolder.Write(outDir, folder =>
            {
                File.WriteAllText(Path.Combine(folder, "bench.csv"), Csv(rows));
                File.WriteAllText(Path.Combine(folder, "bench.txt"), Machine(inputs) + Ratio(rows) + "\n");
            });
            Print(console, rows, inputs);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(outDir))}[/]");
            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<BenchmarkRow> rows, ScenarioInputs inputs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Benchmark[/] {Markup.Escape(inputs.Scenario.Id)} ({Environment.ProcessorCount} cores)")
            .AddColumn("Meting").AddColumn(new TableColumn("Trajecten").RightAligned()).AddColumn(new TableColumn("Tijd (s)").RightAligned())
            .AddColumn(new TableColumn("Trajecten/s").RightAligned()).AddColumn(new TableColumn("Piekgeheugen (MB)").RightAligned())
            .AddColumn(new TableColumn("Bytes per traject").RightAligned());
        foreach (var r in rows)
            table.AddRow(r.Mode, DutchFormat.Number(r.Runs), DutchFormat.Number(r.WallSeconds, 2), DutchFormat.Number(r.TrajectoriesPerSecond),
                DutchFormat.Number(r.PeakMb), DutchFormat.Number(r.AllocatedBytesPerTrajectory, 1));
        console.Write(table);
        console.MarkupLine(Markup.Escape(Ratio(rows)));
    }

    /// <summary>How close Orleans comes to the in-process limit at the same number of trajectories.</summary>
    private static string Ratio(IReadOnlyList<BenchmarkRow> rows)
    {
        var limit = rows.First(r => r.Mode == Benchmark.ParallelFor);
        var orleans = rows.FirstOrDefault(r => r.Mode == Benchmark.Orleans && r.Runs == limit.Runs);
        return orleans is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"ratio orleans/parallel-for at {limit.Runs:N0} trajectories: {orleans.TrajectoriesPerSecond / limit.TrajectoriesPerSecond:F3}");
    }

    private static string Csv(IEnumerable<BenchmarkRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("mode,runs,wall_s,trajectories_per_s,peak_mb,alloc_bytes_per_trajectory\n");
        foreach (var r in rows)
            sb.Append(inv, $"{r.Mode},{r.Runs},{r.WallSeconds:F3},{r.TrajectoriesPerSecond:F0},{r.PeakMb:F1},{r.AllocatedBytesPerTrajectory:F1}\n");
        return sb.ToString();
    }

    private static string Machine(ScenarioInputs inputs) => string.Create(CultureInfo.InvariantCulture,
        $"scenario: {inputs.Scenario.SourceFile}\ncores: {Environment.ProcessorCount}\nos: {RuntimeInformation.OSDescription}\n" +
        $"runtime: {RuntimeInformation.FrameworkDescription}\n");
}
