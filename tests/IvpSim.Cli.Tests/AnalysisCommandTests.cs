using System.Globalization;

namespace IvpSim.Cli.Tests;

/// <summary>
/// 'sensitivity' and 'optimise' end to end on the seed's data and the catalogue: their files, a best portfolio that
/// runs as a scenario with the chance the search reported, and one-line refusals of bad input.
/// </summary>
public sealed class AnalysisCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-analysis-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_rank_inputs_per_target_and_value_information_When_two_scenarios_are_analysed()
    {
        var outDir = Path.Combine(_dir, "sens");
        var run = await CliRun.Of("sensitivity", RepoRoot.Scenario("ivp-plan.yaml"), RepoRoot.Scenario("baseline.yaml"), "-n", "8000", "-o", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("target,region,indicator,input,label,kind,evidence_strength,index,index_se,meet_index,meet_index_se,p_meet,p_meet_low,p_meet_high,value_low,value_high",
            File.ReadLines(Path.Combine(outDir, "sensitivity.csv")).First());
        var rows = CompareCommandTests.Csv(Path.Combine(outDir, "sensitivity.csv"));
        var targets = rows.Select(r => r["target"]).Distinct().ToArray();
        // Three crime targets, three safety scores, all crime targets together and each municipality's 2022 claim.
        Assert.Equal(10, targets.Length);
        foreach (var claim in targets.Where(t => t.EndsWith("/claim-2022", StringComparison.Ordinal)))
        {
            var own = rows.Where(r => r["target"] == claim).ToList();
            Assert.All(own, r => Assert.Equal("kosten", r["kind"]));
            Assert.Contains(own, r => r["input"] == "cost:common");
            // A measure's own cost overrun raises the claim: its mean at the input's 90th percentile is above that at its 10th.
            Assert.Contains(own, r => r["input"] != "cost:common" && D(r["value_high"]) > D(r["value_low"]));
            Assert.True(File.Exists(Path.Combine(outDir, "charts", $"tornado-{claim.Replace('/', '-')}.png")), claim);
        }
        foreach (var target in targets.Where(t => !t.EndsWith("/claim-2022", StringComparison.Ordinal)))
        {
            var own = rows.Where(r => r["target"] == target).ToList();
            Assert.Contains(own, r => r["input"] == "structure");
            Assert.Contains(own, r => r["kind"] == "maatregel" && r["evidence_strength"] is "weak" or "none" or "moderate" or "strong");
            Assert.All(own, r => Assert.InRange(D(r["p_meet_low"]), 0, 1));
            Assert.True(File.Exists(Path.Combine(outDir, "charts", $"tornado-{target.Replace('/', '-')}.png")), target);
        }
        var information = CompareCommandTests.Csv(Path.Combine(outDir, "value-of-information.csv"));
        Assert.All(information, r => Assert.Contains(r["best_scenario"], new[] { "ivp-plan", "baseline" }));
        Assert.All(information, r => Assert.InRange(D(r["evppi"]), 0, 1));
        Assert.Contains("Wat beslist", File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Contains("Waarde van informatie", run.Output);
    }

    [Fact]
    public async Task Should_refuse_in_one_line_When_sensitivity_gets_too_few_runs()
    {
        var run = await CliRun.Of("sensitivity", RepoRoot.Scenario("ivp-plan.yaml"), "-n", "100", "-o", Path.Combine(_dir, "few"));

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("--runs", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "few")));
    }

    [Fact]
    public async Task Should_write_a_best_portfolio_that_reruns_to_its_reported_chance_When_optimising_within_budgets()
    {
        var outDir = Path.Combine(_dir, "opt");
        var run = await CliRun.Of("optimise", "--budget-2022", "ermelo=150000,harderwijk=250000,putten=120000", "--evaluations", "10",
            "-n", "2000", "-o", outDir, "--scenario", RepoRoot.Scenario("baseline.yaml"), "--candidates", RepoRoot.Scenario("interventions.yaml"));

        Assert.True(run.ExitCode == 0, run.Error);
        var search = CompareCommandTests.Csv(Path.Combine(outDir, "search.csv"));
        Assert.Equal(10, search.Count(r => r["method"] == "optimiser"));
        Assert.Equal(10, search.Count(r => r["method"] == "random"));
        double Best(string method) => search.Where(r => r["method"] == method && r["within_budget"] == "true").Select(r => D(r["p_all_targets"])).DefaultIfEmpty(0).Max();
        Assert.True(Best("optimiser") > Best("random"), $"optimiser {Best("optimiser")}, random {Best("random")}");
        Assert.NotEmpty(CompareCommandTests.Csv(Path.Combine(outDir, "pareto.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "front.png")));

        var manifest = File.ReadAllLines(Path.Combine(outDir, "run.txt")).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        var rerun = await CliRun.Of("run", Path.Combine(outDir, "best.yaml"), "--no-charts", "-o", Path.Combine(_dir, "best"));
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var facts = File.ReadAllLines(Path.Combine(_dir, "best", "run.txt")).Select(l => l.Split(": ", 2)).DistinctBy(p => p[0]).ToDictionary(p => p[0], p => p.ElementAtOrDefault(1));
        // The same scenario, seed and runs as the confirmation: the very same chance.
        Assert.Equal(D(manifest["best_optimiser_p_all_targets"]), D(facts["p_all_crime_targets"]!), 4);
        foreach (var claim in manifest["best_optimiser_claim_p80"].Split(','))
        {
            var (municipality, amount) = (claim.Split('=')[0], D(claim.Split('=')[1]));
            var budget = new Dictionary<string, double> { ["ermelo"] = 150000, ["harderwijk"] = 250000, ["putten"] = 120000 }[municipality];
            Assert.InRange(amount, 0, budget);
        }
    }

    [Theory]
    [InlineData("ermelo=abc,harderwijk=1,putten=1", "geen bedrag")]
    [InlineData("ermelo=1,harderwijk=1", "geen budget voor putten")]
    [InlineData("amsterdam=1,ermelo=1,harderwijk=1,putten=1", "gemeente=bedrag")]
    public async Task Should_refuse_in_one_line_When_the_budgets_are_wrong(string budgets, string problem)
    {
        var run = await CliRun.Of("optimise", "--budget-2022", budgets, "-o", Path.Combine(_dir, "bad"));

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("--budget-2022", run.Error);
        Assert.Contains(problem, run.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "bad")));
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
