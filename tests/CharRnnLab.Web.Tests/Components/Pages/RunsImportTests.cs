using Bunit;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Pages;

/// <summary>The Runs page's checkpoint upload, over a real lab's services: a refused file shows why, and no run appears.</summary>
public sealed class RunsImportTests : LabComponentContext
{
    private LabHost _lab = null!;

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        Services.AddSingleton(_lab.Service<RunManager>());
        Services.AddSingleton(_lab.Service<RunNotifier>());
        Services.AddSingleton(_lab.Service<RunImporter>());
        Services.AddSingleton(_lab.Service<IOptions<LabOptions>>());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public void A_text_file_renamed_to_crnn_shows_an_error_naming_it_and_adds_no_run()
    {
        var page = Render<CharRnnLab.Web.Components.Pages.Runs>(_ => { });

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("just some notes", "notes.crnn"));

        page.WaitForAssertion(() => Assert.Contains("notes.crnn is not a readable CharRnnLab checkpoint", page.Find("[data-testid=import-error]").TextContent));
        Assert.Empty(_lab.Service<RunStore>().ListRuns());
        Assert.Contains("Import checkpoint", page.Find("[data-testid=import-button]").TextContent);
    }
}
