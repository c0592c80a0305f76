using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace IvpSim.Cli.Tests;

/// <summary>
/// The comparison report in a real browser (headless Chromium, the Debian package): every table and chart is there
/// and visible, the page asks the network for nothing, a full-page screenshot is saved, and it prints to A4 PDF.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private static readonly string[] Tables = ["kansen", "claim", "vermeden", "bijdragen", "aannames", "structuren", "instellingen"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_show_every_table_and_chart_offline_and_print_When_the_report_opens_in_chromium()
    {
        var outDir = Path.Combine(_dir, "out");
        var run = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), RepoRoot.Scenario("ivp-plan.yaml"), RepoRoot.Scenario("inbraak-offensief.yaml"),
            "-n", "2000", "--no-charts", "-o", outDir);
        Assert.True(run.ExitCode == 0, run.Error);
        var report = Path.Combine(outDir, "vergelijking", "report.html");

        await using var browser = await HeadlessChromium.LaunchAsync();
        var (page, requests) = await HeadlessChromium.PageAsync(browser);
        await using var _ = page;
        await page.GoToAsync(new Uri(report).AbsoluteUri, WaitUntilNavigation.Load);

        // Nothing but the file itself and the charts inside it.
        lock (requests) Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.Equal("nl", await page.EvaluateExpressionAsync<string>("document.documentElement.lang"));
        foreach (var table in Tables)
        {
            Assert.True(await Visible(page, $"table[data-table='{table}']"), $"table {table} is missing or not visible");
            Assert.True(await page.EvaluateExpressionAsync<int>($"document.querySelectorAll(\"table[data-table='{table}'] tbody tr\").length") > 0, $"table {table} is empty");
        }
        var charts = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('figure[data-chart]')].map(f => f.dataset.chart)");
        Assert.Contains("kosten-kans", charts);
        Assert.Equal(6, charts.Count(c => c.StartsWith("waaier-", StringComparison.Ordinal)));
        foreach (var chart in charts)
        {
            Assert.True(await Visible(page, $"figure[data-chart='{chart}'] img"), $"chart {chart} is not visible");
            Assert.True(await page.EvaluateExpressionAsync<bool>($"(() => {{ const i = document.querySelector(\"figure[data-chart='{chart}'] img\"); return i.complete && i.naturalWidth > 300; }})()"),
                $"chart {chart} did not load");
        }
        Assert.Equal(3 * 6, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('td.chance').length"));

        var screenshot = Path.Combine(RepoRoot.Path, "out", "browser-test", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 100_000);

        var pdf = Path.Combine(Path.GetDirectoryName(screenshot)!, "report.pdf");
        await page.PdfAsync(pdf, new PdfOptions { Format = PaperFormat.A4, PrintBackground = true });
        var bytes = File.ReadAllBytes(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 100_000);
    }

    private static Task<bool> Visible(IPage page, string selector) =>
        page.EvaluateExpressionAsync<bool>(
            $"(() => {{ const e = document.querySelector(\"{selector}\"); if (!e) return false; const r = e.getBoundingClientRect(); " +
            "const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; })()");
}
