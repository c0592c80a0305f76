using PuppeteerSharp;

namespace IvpSim.Cli.Tests;

/// <summary>The system's Chromium, headless, for the browser tests (IVPSIM_CHROMIUM, or the Debian package's, installed with apt when missing).</summary>
internal static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = DebianPackages.Require("chromium", Environment.GetEnvironmentVariable("IVPSIM_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
    });

    /// <summary>A page 1280 × 900 that records every URL it asks for.</summary>
    public static async Task<(IPage Page, List<string> Requests)> PageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        var requests = new List<string>();
        page.Request += (_, e) =>
        {
            lock (requests) requests.Add(e.Request.Url);
        };
        return (page, requests);
    }
}
