using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace IvpSim.Cli.Tests.Web;

/// <summary>
/// The planner's API: the same chances as the command line for the same scenario, seed and runs; every kind of bad or
/// hostile input refused with one Dutch line while the server keeps serving; parallel requests as sequential ones.
/// </summary>
public sealed class PlannerApiTests(PlannerHost host) : IClassFixture<PlannerHost>
{
    private const int Runs = 3_000;

    [Fact]
    public async Task Should_give_the_chances_of_the_command_line_When_the_same_scenario_seed_and_runs_are_posted()
    {
        var yaml = File.ReadAllText(Path.Combine(host.Scenarios, "ivp-plan.yaml"));
        var json = await Post(yaml, $"runs={Runs}&seed=2020");

        var outDir = Path.Combine(host.Scenarios, "..", "cli");
        var cli = await CliRun.Of("run", Path.Combine(host.Scenarios, "ivp-plan.yaml"), "-n", Runs.ToString(CultureInfo.InvariantCulture),
            "-s", "2020", "--no-charts", "-o", outDir);
        Assert.True(cli.ExitCode == 0, cli.Error);
        var csv = CompareCommandTests.Csv(Path.Combine(outDir, "targets.csv"));
        var targets = json.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(csv.Count, targets.Count);
        foreach (var row in csv)
        {
            var api = targets.Single(t => t.GetProperty("municipality").GetString() == row["municipality"] && t.GetProperty("indicator").GetString() == row["indicator"]);
            Assert.Equal(double.Parse(row["p_meet"], CultureInfo.InvariantCulture), api.GetProperty("p_meet").GetDouble());
            Assert.Equal(double.Parse(row["p_meet_se"], CultureInfo.InvariantCulture), api.GetProperty("p_meet_se").GetDouble());
        }
        Assert.All(json.GetProperty("budget").EnumerateArray(), b => Assert.Equal(2022, b.GetProperty("year").GetInt32()));
        Assert.Contains(json.GetProperty("budget").EnumerateArray(), b => b.GetProperty("intervention").GetString() == "*");
        var run = json.GetProperty("run");
        Assert.Equal((2020UL, Runs), (run.GetProperty("seed").GetUInt64(), run.GetProperty("runs").GetInt32()));
        Assert.Contains(run.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("file").GetString() == "data/observations.csv" && i.GetProperty("sha256").GetString()!.Length == 64);
    }

    [Fact]
    public async Task Should_list_the_scenario_files_When_asked()
    {
        var list = JsonDocument.Parse(await host.Http.GetStringAsync("/api/scenarios")).RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()).ToList();
        Assert.Contains("ivp-plan.yaml", list);
        Assert.Contains("baseline.yaml", list);
        Assert.DoesNotContain("interventions.yaml", list);
    }

    [Theory]
    [InlineData("id: x\nname: [open\n", "YAML-fout")]
    [InlineData("id: x\nbogus: 1\n", "veld 'bogus': onbekend veld")]
    [InlineData("id: x\ndata:\n  observations: /etc/passwd\n", "alleen paden binnen de scenariomap")]
    [InlineData("id: x\ndata:\n  targets: ../../../etc/hosts\n", "alleen paden binnen de scenariomap")]
    [InlineData("id: x\ndata:\n  catalogue: data/../interventions.yaml\n", "zonder '..'")]
    [InlineData("id: x\ninterventions:\n  - {id: bestaat_niet}\n", "bestaat_niet")]
    [InlineData("", "stuur een scenario")]
    public async Task Should_refuse_in_one_Dutch_line_and_keep_serving_When_the_scenario_is_bad_or_hostile(string yaml, string problem)
    {
        using var response = await host.Http.PostAsync($"/api/run?runs={Runs}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(problem, error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/scenarios")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_at_once_When_a_request_asks_more_runs_than_the_server_allows()
    {
        var yaml = File.ReadAllText(Path.Combine(host.Scenarios, "baseline.yaml"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await host.Http.PostAsync($"/api/run?runs={PlannerHost.MaxRuns + 1}", new StringContent(yaml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("--max-runs", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "refused, not queued");
        using var negative = await host.Http.PostAsync("/api/run?runs=-5", new StringContent(yaml));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_body_over_the_limit_When_one_is_sent()
    {
        using var response = await host.Http.PostAsync("/api/run", new StringContent(new string('#', 400_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Should_give_the_same_numbers_in_parallel_as_one_by_one_When_several_requests_come_at_once()
    {
        var yaml = File.ReadAllText(Path.Combine(host.Scenarios, "ivp-plan.yaml"));
        ulong[] seeds = [1, 2, 3, 4];
        var sequential = new List<string>();
        foreach (var seed in seeds) sequential.Add(Targets(await Post(yaml, $"runs=2000&seed={seed}")));
        var parallel = await Task.WhenAll(seeds.Select(async seed => Targets(await Post(yaml, $"runs=2000&seed={seed}"))));

        Assert.Equal(sequential, parallel);
        Assert.Equal(seeds.Length, sequential.Distinct().Count());
    }

    [Fact]
    public async Task Should_refuse_a_form_post_without_its_antiforgery_token_When_another_site_posts_to_the_planner()
    {
        using var response = await host.Http.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "save", ["savename"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.Scenarios, "x.yaml")));
    }

    private async Task<JsonElement> Post(string yaml, string query)
    {
        using var response = await host.Http.PostAsync($"/api/run?{query}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Targets(JsonElement json) => json.GetProperty("targets").GetRawText();
}
