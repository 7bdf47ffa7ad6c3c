using Microsoft.Playwright;

namespace CharRnnLab.EndToEnd.Tests.Fixtures;

/// <summary>
/// Launches headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium when it is
/// there (never downloading a browser), otherwise Playwright's own, installed on the spot for
/// machines without apt. If neither works the test fails with what to do; it is never skipped.
/// For benchmarks, CHARRNN_BROWSER_CPUS (e.g. "1") runs the browser under <c>taskset -c</c> on
/// those cores, apart from the server (run the tests under <c>taskset -c 0</c>).
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
            return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Pinned(DebianChromium), Headless = true, Args = Arguments });

        int exit = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (exit != 0)
            throw new InvalidOperationException(
                $"No browser for the end-to-end tests: {DebianChromium} is missing and 'playwright install chromium' failed " +
                $"(exit code {exit}). Install Chromium (Debian/Ubuntu: apt-get install chromium) and run the tests again.");
        return await playwright.Chromium.LaunchAsync(new() { Headless = true, Args = Arguments });
    }

    // The browser itself, or a script that starts it on CHARRNN_BROWSER_CPUS' cores.
    private static string Pinned(string browser)
    {
        if (Environment.GetEnvironmentVariable("CHARRNN_BROWSER_CPUS") is not { Length: > 0 } cpus) return browser;
        if (!System.Text.RegularExpressions.Regex.IsMatch(cpus, "^[0-9,-]+$"))
            throw new InvalidOperationException($"CHARRNN_BROWSER_CPUS='{cpus}' is not a core list like 1 or 2-3.");
        string script = Path.Combine(Path.GetTempPath(), $"charrnn-chromium-{cpus}.sh");
        File.WriteAllText(script, $"#!/bin/sh\nexec taskset -c {cpus} {browser} \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
