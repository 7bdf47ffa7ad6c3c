using Microsoft.Playwright;

namespace CharRnnLab.EndToEnd.Tests.Fixtures;

/// <summary>The browser tests share one lab and one browser, and run one after another (one run trains at a time).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<LabBrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>One lab server (temporary data directory, one small corpus) and one headless browser for the tests.</summary>
public sealed class LabBrowserFixture : IAsyncLifetime
{
    public LabHost Lab { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string CorpusId { get; private set; } = "";
    private readonly List<string> _console = [];

    /// <summary>Screenshots go here, under the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // Generous waits: the machine may be busy building; a passing check returns at once anyway.
        Assertions.SetDefaultExpectTimeout(30_000);
        // Detailed circuit errors reach the browser console, which a failing test saves.
        Lab = await LabHost.StartAsync(settings: ("DetailedErrors", "true"));
        CorpusId = await Lab.AddCorpusAsync("structured-sentences", 20_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await ChromiumLauncher.LaunchAsync(Playwright);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1100 }, BaseURL = Lab.BaseAddress.ToString() });
        page.SetDefaultTimeout(30_000);
        page.Console += (_, message) => { if (message.Type is "error" or "warning") _console.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => _console.Add($"page error: {error}");
        return page;
    }

    /// <summary>Runs a browser scenario; if it fails, saves "{name}-failure.png" and the page's HTML beside the screenshots.</summary>
    public async Task ScreenshotOnFailureAsync(IPage page, string name, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            var stem = Path.Combine(ScreenshotDirectory, $"{name}-failure");
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            await File.WriteAllLinesAsync(stem + "-console.txt", _console);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Lab.DisposeAsync();
    }
}
