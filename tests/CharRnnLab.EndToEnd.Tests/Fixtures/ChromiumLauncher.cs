using Microsoft.Playwright;

namespace CharRnnLab.EndToEnd.Tests.Fixtures;

/// <summary>
/// Launches headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium when it is
/// there (never downloading a browser), otherwise Playwright's own, installed on the spot for
/// machines without apt. If neither works the test fails with what to do; it is never skipped.
/// </summary>
public static class ChromiumLauncher
{
    public const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (File.Exists(DebianChromium))
            return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = DebianChromium, Headless = true, Args = Arguments });

        int exit = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (exit != 0)
            throw new InvalidOperationException(
                $"No browser for the end-to-end tests: {DebianChromium} is missing and 'playwright install chromium' failed " +
                $"(exit code {exit}). Install Chromium (Debian/Ubuntu: apt-get install chromium) and run the tests again.");
        return await playwright.Chromium.LaunchAsync(new() { Headless = true, Args = Arguments });
    }
}
