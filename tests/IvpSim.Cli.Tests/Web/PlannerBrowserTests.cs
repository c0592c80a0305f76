using System.Globalization;
using System.Text;
using System.Text.Json;
using PuppeteerSharp;

namespace IvpSim.Cli.Tests.Web;

/// <summary>
/// The planner in a real browser (headless Chromium): open the page, switch on one measure, see the chance change to
/// the value the API gives for that mix, save the mix as a scenario and load it back. Screenshots before and after go
/// to out/browser-test/.
/// </summary>
public sealed class PlannerBrowserTests(PlannerHost host) : IClassFixture<PlannerHost>
{
    private const string Ermelo = "tr[data-target='ermelo/total_crimes_excl_cyber'] td[data-p-meet]";
    private const string Measure = "hotspot@ermelo";

    [Fact]
    public async Task Should_change_the_chance_to_the_apis_value_and_save_the_mix_When_an_adviser_switches_on_a_measure()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var (page, requests) = await HeadlessChromium.PageAsync(browser);
        await using var _ = page;
        await page.GoToAsync(host.Address.AbsoluteUri, WaitUntilNavigation.Load);
        Assert.Equal("nl", await page.EvaluateExpressionAsync<string>("document.documentElement.lang"));
        var before = await Chance(page);
        // The chance is shown with both ranges the run has, as in the console and the report.
        var cell = await page.EvaluateExpressionAsync<string>($"document.querySelector(\"{Ermelo}\").textContent");
        Assert.Matches(@"^\d+% \(\d+-\d+% naar modelkeuze; \d+-\d+% naar constanten; ±\d+,\d simulatie\)$", cell.Trim());
        Assert.False(await page.EvaluateExpressionAsync<bool>($"document.querySelector(\"input[name='on:{Measure}']\").checked"));
        var shots = Path.Combine(RepoRoot.Path, "out", "browser-test");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(Path.Combine(shots, "planner-before.png"), new ScreenshotOptions { FullPage = false });

        // The adviser switches on hot-spot policing in Ermelo at twice the unit, and recalculates.
        await page.ClickAsync($"input[name='on:{Measure}']");
        await page.ClickAsync($"input[name='intensity:{Measure}']", new PuppeteerSharp.Input.ClickOptions { Count = 3 });
        await page.Keyboard.TypeAsync("2");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#run"));
        var after = await Chance(page);
        Assert.True(after > before, $"chance {before} → {after}");
        await page.EvaluateExpressionAsync("document.querySelector('#kansen').scrollIntoView()");
        await page.ScreenshotAsync(Path.Combine(shots, "planner-after.png"), new ScreenshotOptions { FullPage = false });

        // Saved as a scenario, the mix gives through the API exactly the chance the page showed (same seed and runs).
        await page.ClickAsync("#savename", new PuppeteerSharp.Input.ClickOptions { Count = 3 });
        await page.Keyboard.TypeAsync("browser-test");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#save"));
        Assert.Contains("scenarios/browser-test.yaml", await page.EvaluateExpressionAsync<string>("document.querySelector('#message').textContent"));
        var saved = File.ReadAllText(Path.Combine(host.Scenarios, "browser-test.yaml"));
        Assert.Contains($"{{id: hotspot, municipalities: [ermelo], start_year: 2021, intensity: 2}}", saved);
        using var response = await host.Http.PostAsync("/api/run?runs=10000&seed=2020", new StringContent(saved, Encoding.UTF8, "application/yaml"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var api = json.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("municipality").GetString() == "ermelo" && t.GetProperty("indicator").GetString() == "total_crimes_excl_cyber");
        Assert.Equal(after, api.GetProperty("p_meet").GetDouble(), 4);

        // Saving again under the same name asks first: nothing is overwritten without the box ticked.
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#save"));
        Assert.Contains("bestaat al", await page.EvaluateExpressionAsync<string>("document.querySelector('#error').textContent"));
        Assert.Equal(saved, File.ReadAllText(Path.Combine(host.Scenarios, "browser-test.yaml")));

        // Read back: the saved file is a starting scenario with the measure on.
        await page.SelectAsync("#scenario", "browser-test.yaml");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#load"));
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector(\"input[name='on:{Measure}']\").checked"));
        Assert.Equal(after, await Chance(page), 4);

        lock (requests) Assert.All(requests, url => Assert.True(url.StartsWith(host.Address.AbsoluteUri, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
    }

    private static async Task<double> Chance(IPage page) =>
        double.Parse(await page.EvaluateExpressionAsync<string>($"document.querySelector(\"{Ermelo}\").dataset.pMeet"), CultureInfo.InvariantCulture);
}
