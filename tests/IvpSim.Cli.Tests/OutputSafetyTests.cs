using System.Globalization;
using CsvHelper;

namespace IvpSim.Cli.Tests;

/// <summary>
/// Malformed input and awkward output paths, as a new user produces them: one line naming the file and what is
/// wrong, exit code 2, no stack trace and no .NET type names, nothing written, nothing of the user's lost.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-safety-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertOneLine(CliRun run, string contains)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(contains, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a\\\"b")]
    [InlineData("a b")]
    public async Task Should_refuse_an_intervention_id_that_could_break_a_csv_When_reading_the_catalogue(string id)
    {
        var folder = ScenarioCopy.Into(_dir);
        var catalogue = Path.Combine(folder, "interventions.yaml");
        var text = File.ReadAllText(catalogue);
        var first = text.IndexOf("  - id: ", text.IndexOf("interventions:", StringComparison.Ordinal), StringComparison.Ordinal) + "  - id: ".Length;
        var end = text.IndexOf('\n', first);
        File.WriteAllText(catalogue, text[..first] + $"\"{id}\"" + text[end..]);

        var run = await CliRun.Of("validate", Path.Combine(folder, "baseline.yaml"), catalogue);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mag alleen letters, cijfers, '-' en '_' bevatten", run.Error);
    }

    [Fact]
    public async Task Should_give_one_error_not_a_cascade_When_a_theme_has_an_unknown_field()
    {
        var folder = ScenarioCopy.Into(_dir);
        var catalogue = Path.Combine(folder, "interventions.yaml");
        var text = File.ReadAllText(catalogue);
        var at = text.IndexOf("    indicators: [other_crimes]\n", StringComparison.Ordinal);
        File.WriteAllText(catalogue, text.Insert(at, "    interventions: [bestaat-niet]\n"));

        var run = await CliRun.Of("validate", Path.Combine(folder, "ivp-plan.yaml"));

        AssertOneLine(run, "interventions.yaml");
        Assert.Contains("onbekend veld", run.Error);
    }

    [Fact]
    public async Task Should_check_the_output_path_before_any_work_When_it_lies_below_a_file()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "van mij");
        var started = DateTime.UtcNow;

        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "5000000", "-o", Path.Combine(file, "sub"));

        AssertOneLine(run, "is een bestand, geen map");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the path was checked after the simulation");
        Assert.Equal("van mij", File.ReadAllText(file));
    }

    [Fact]
    public async Task Should_name_the_file_When_observations_have_only_a_header()
    {
        var empty = Path.Combine(_dir, "leeg.csv");
        File.WriteAllText(empty, "municipality,indicator,year,value,source\n");

        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "--data", empty, "-o", Path.Combine(_dir, "o"));

        AssertOneLine(run, empty);
        Assert.Contains("geen waarnemingen", run.Error);
    }

    [Theory]
    [InlineData("run", "--seed", "1e20")]
    [InlineData("run", "--runs", "veel")]
    [InlineData("data", "import", "x.csv", "--format", "xml")]
    public async Task Should_explain_in_dutch_without_type_names_When_an_option_value_does_not_parse(params string[] args)
    {
        var run = await CliRun.Of(args);
        AssertOneLine(run, "geen geldige waarde voor");
        Assert.DoesNotContain("Nullable", run.Error);
        Assert.DoesNotContain("ImportFormat", run.Error);
    }

    [Fact]
    public async Task Should_keep_a_file_the_user_added_When_an_earlier_output_folder_would_be_replaced()
    {
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, (await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "50", "--no-charts", "-o", outDir)).ExitCode);
        File.WriteAllText(Path.Combine(outDir, "notities.txt"), "mijn aantekeningen");

        var again = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "-n", "60", "--no-charts", "-o", outDir);

        AssertOneLine(again, "notities.txt");
        Assert.Equal("mijn aantekeningen", File.ReadAllText(Path.Combine(outDir, "notities.txt")));
        Assert.Contains("runs: 50", File.ReadAllText(Path.Combine(outDir, "run.txt")));
    }

    [Fact]
    public async Task Should_quote_every_awkward_field_When_writing_csv()
    {
        var csv = Reporting.Csv.BudgetCsv.Format([new Model.Results.BudgetRow("s", "ermelo", "thema, \"met\" komma", "x\ny", 2022, 1, 2, 3, 4)]);
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        Assert.True(reader.Read());
        Assert.Equal(("thema, \"met\" komma", "x\ny", "2022"), (reader.GetField("theme"), reader.GetField("intervention"), reader.GetField("year")));
        Assert.False(reader.Read());
        await Task.CompletedTask;
    }
}
