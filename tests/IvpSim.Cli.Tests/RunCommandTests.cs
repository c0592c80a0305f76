namespace IvpSim.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_write_projections_targets_and_charts_When_running_a_scenario()
    {
        var outDir = Path.Combine(_dir, "x");
        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "--runs", "400", "--seed", "7", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Kans gehaald", run.Output);
        Assert.Contains("Harderwijk", run.Output);
        var projections = File.ReadAllLines(Path.Combine(outDir, "projections.csv"));
        Assert.Equal("scenario,municipality,indicator,year,mean,p05,p25,p50,p75,p95", projections[0]);
        Assert.Contains("baseline,ermelo,total_crimes,2016,1314,1314,1314,1314,1314,1314", projections);
        var targets = File.ReadAllLines(Path.Combine(outDir, "targets.csv"));
        Assert.Equal("scenario,municipality,indicator,year,operator,target,baseline_2019,p_meet,p_meet_se", targets[0]);
        Assert.Equal(7, targets.Length);
        Assert.Contains(targets, l => l.StartsWith("baseline,putten,total_crimes_excl_cyber,2024,<=,500,561,", StringComparison.Ordinal));
        Assert.Contains(targets, l => l.StartsWith("baseline,ermelo,safety_score,2023,>=,7.7,7.7,", StringComparison.Ordinal));
        // One chart per region and projected indicator: 4 regions × 11 indicators.
        Assert.Equal(44, Directory.GetFiles(Path.Combine(outDir, "charts"), "*.png").Length);
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "veluwe-west-total_crimes_excl_cyber.png")));
        Assert.Contains("seed: 7", File.ReadAllText(Path.Combine(outDir, "run.txt")));
    }

    [Fact]
    public async Task Should_give_byte_identical_csvs_When_seed_is_equal_and_batch_size_differs()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        Assert.Equal(0, (await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "600", "-s", "3", "--batch-size", "600", "--no-charts", "-o", a)).ExitCode);
        Assert.Equal(0, (await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "600", "-s", "3", "--batch-size", "45", "--no-charts", "-o", b)).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "projections.csv")), File.ReadAllBytes(Path.Combine(b, "projections.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "targets.csv")), File.ReadAllBytes(Path.Combine(b, "targets.csv")));
    }

    [Fact]
    public async Task Should_exit_2_with_one_line_and_write_nothing_When_the_scenario_is_bad()
    {
        var scenario = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(scenario, "id: bad\nrun:\n  runs: 100\n  seeed: 4\n");
        var outDir = Path.Combine(_dir, "out-bad");

        var run = await CliRun.Of("run", scenario, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"fout: {scenario}:4: veld 'run.seeed': onbekend veld", run.Error.TrimEnd());
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetDirectories(_dir));
    }

    [Fact]
    public async Task Should_refuse_and_leave_files_alone_When_the_output_folder_holds_user_data()
    {
        var outDir = Directory.CreateDirectory(Path.Combine(_dir, "mine")).FullName;
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mijn aantekeningen");

        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "50", "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("niet door IvpSim gemaakt", run.Error);
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Should_replace_its_own_earlier_output_When_run_again()
    {
        var outDir = Path.Combine(_dir, "again");
        Assert.Equal(0, (await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "50", "--no-charts", "-o", outDir)).ExitCode);
        var second = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "60", "--no-charts", "-o", outDir);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("runs: 60", File.ReadAllText(Path.Combine(outDir, "run.txt")));
        Assert.Single(Directory.GetDirectories(_dir));
    }

    [Theory]
    [InlineData("--runs", "nul")]
    [InlineData("--onbekend")]
    public async Task Should_exit_2_with_a_hint_When_the_command_line_is_wrong(params string[] args)
    {
        var run = await CliRun.Of(["run", RepoRoot.Scenario("baseline.yaml"), .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("--help", run.Error);
    }

    [Fact]
    public async Task Should_explain_every_verb_When_asked_for_help()
    {
        var run = await CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("run", run.Output);
        Assert.Contains("validate", run.Output);
        var runHelp = await CliRun.Of("run", "--help");
        Assert.Contains("--seed", runHelp.Output);
        Assert.Contains("--batch-size", runHelp.Output);
    }

    [Fact]
    public async Task Should_accept_the_shipped_scenarios_When_validating()
    {
        var run = await CliRun.Of("validate", RepoRoot.Scenario("baseline.yaml"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("in orde", run.Output);
    }
}
