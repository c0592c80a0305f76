using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace IvpSim.Cli.Tests;

/// <summary>
/// Scenarios compared on the same trajectories: comparison.csv, report.html and the terminal table, and the figures in
/// the report are the figures in the CSV files.
/// </summary>
public sealed partial class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_write_comparison_csv_and_report_When_comparing_two_scenarios()
    {
        var outDir = Path.Combine(_dir, "cmp");
        var run = await CliRun.Of("compare", RepoRoot.Scenario("baseline.yaml"), RepoRoot.Scenario("ivp-plan.yaml"), "-n", "3000", "--no-charts", "-o", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = Csv(Path.Combine(outDir, "comparison.csv"));
        Assert.Equal("scenario,municipality,indicator,year,operator,target,p_meet,p_meet_se,delta_vs_first,delta_se,p_better_than_first",
            File.ReadLines(Path.Combine(outDir, "comparison.csv")).First());
        Assert.Equal(12, rows.Count);
        Assert.All(rows.Where(r => r["scenario"] == "baseline"), r => Assert.Equal(("0.0000", "0.0000"), (r["delta_vs_first"], r["p_better_than_first"])));
        foreach (var plan in rows.Where(r => r["scenario"] == "ivp-plan" && r["indicator"] == "total_crimes_excl_cyber"))
        {
            var baseline = rows.Single(r => r["scenario"] == "baseline" && r["municipality"] == plan["municipality"] && r["indicator"] == plan["indicator"]);
            Assert.Equal(D(plan["p_meet"]) - D(baseline["p_meet"]), D(plan["delta_vs_first"]), 3);
            Assert.InRange(D(plan["p_better_than_first"]), 0.5, 1.0);
            Assert.InRange(D(plan["delta_se"]), 0, D(plan["p_meet_se"]) * 1.5);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.Contains("Vergelijking met", run.Output);
        Assert.Contains("beter in", run.Output);
    }

    [Fact]
    public async Task Should_show_the_same_figures_in_the_report_as_in_the_csv_files_When_running_several_scenarios()
    {
        var outDir = Path.Combine(_dir, "all");
        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), RepoRoot.Scenario("ivp-plan.yaml"), "-n", "2000", "--no-charts", "-o", outDir);
        Assert.True(run.ExitCode == 0, run.Error);

        // The comparison report against comparison.csv: chance, difference, share better.
        var html = File.ReadAllText(Path.Combine(outDir, "vergelijking", "report.html"));
        var cells = ChanceCell().Matches(html).Select(m => m.Groups).ToArray();
        var comparison = Csv(Path.Combine(outDir, "vergelijking", "comparison.csv"));
        Assert.Equal(comparison.Count, cells.Length);
        foreach (var cell in cells)
        {
            var row = comparison.Single(r => r["scenario"] == cell["scenario"].Value && r["municipality"] == cell["region"].Value && r["indicator"] == cell["indicator"].Value);
            Assert.Equal(row["p_meet"], cell["pmeet"].Value);
            Assert.Equal(row["p_meet_se"], cell["se"].Value);
            if (cell["delta"].Success) Assert.Equal((row["delta_vs_first"], row["p_better_than_first"]), (cell["delta"].Value, cell["better"].Value));
        }
        // The claim in the report against each scenario's budget.csv.
        var claims = ClaimCell().Matches(html).ToArray();
        Assert.Equal(2 * 4, claims.Length);
        foreach (var claim in claims)
        {
            var budget = Csv(Path.Combine(outDir, claim.Groups["scenario"].Value, "budget.csv"))
                .Single(r => r["municipality"] == claim.Groups["region"].Value && r["intervention"] == "*" && r["year"] == "2022");
            Assert.Equal((budget["p50"], budget["p80"], budget["p95"]), (claim.Groups["p50"].Value, claim.Groups["p80"].Value, claim.Groups["p95"].Value));
        }
        // A scenario's own report against its targets.csv.
        var own = File.ReadAllText(Path.Combine(outDir, "ivp-plan", "report.html"));
        var targets = Csv(Path.Combine(outDir, "ivp-plan", "targets.csv"));
        Assert.Equal(targets.Select(t => t["p_meet"]), ChanceCell().Matches(own).Select(m => m.Groups["pmeet"].Value));
        // No measure in the catalogue has evidence of an effect on the safety score, and the report says so.
        Assert.Contains("data-note=\"rapportcijfer\"", html);
        Assert.Contains("Kans naar doelwaarde", html);
    }

    [Fact]
    public async Task Should_refuse_before_any_work_When_scenarios_run_together_have_different_seeds()
    {
        // A copy of the shipped scenarios (data and catalogue beside it), one with another seed.
        var folder = ScenarioCopy.Into(_dir);
        var other = Path.Combine(folder, "other-seed.yaml");
        File.WriteAllText(other, File.ReadAllText(Path.Combine(folder, "ivp-plan.yaml")).Replace("seed: 2020", "seed: 7").Replace("id: ivp-plan", "id: ander"));
        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), other, "-o", Path.Combine(_dir, "x"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "x")));

        var one = await CliRun.Of("compare", RepoRoot.Scenario("baseline.yaml"), "-o", Path.Combine(_dir, "y"));
        Assert.Equal(2, one.ExitCode);
        Assert.Contains("minstens twee", one.Error);
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    internal static List<Dictionary<string, string>> Csv(string path)
    {
        using var reader = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!));
        return rows;
    }

    [GeneratedRegex("<td class=\"chance [a-z]+\" data-scenario=\"(?<scenario>[^\"]+)\" data-region=\"(?<region>[^\"]+)\" data-indicator=\"(?<indicator>[^\"]+)\" " +
                    "data-p-meet=\"(?<pmeet>[^\"]+)\" data-p-meet-se=\"(?<se>[^\"]+)\"( data-delta=\"(?<delta>[^\"]+)\" data-p-better=\"(?<better>[^\"]+)\")?>")]
    private static partial Regex ChanceCell();

    [GeneratedRegex("data-scenario=\"(?<scenario>[^\"]+)\" data-region=\"(?<region>[^\"]+)\" data-p50=\"(?<p50>[^\"]+)\" data-p80=\"(?<p80>[^\"]+)\" data-p95=\"(?<p95>[^\"]+)\"")]
    private static partial Regex ClaimCell();
}
