using System.IO.Compression;
using System.Text.Json.Nodes;
using Bunit;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Pages;

/// <summary>The Runs page's checkpoint upload, over a real lab's services: a refused file shows why, and no run appears.</summary>
public sealed class RunsImportTests(TrainedRunFixture trained) : LabComponentContext, IClassFixture<TrainedRunFixture>
{
    private LabHost _lab = null!;

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        AddRunsPageServices(_lab);
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

    [Fact]
    public void A_checkpoint_whose_corpus_name_is_null_shows_an_error_naming_the_field_and_adds_no_run()
    {
        var page = Render<CharRnnLab.Web.Components.Pages.Runs>(_ => { });

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(WithNullCorpusName(), "shared.crnn"));

        page.WaitForAssertion(() => Assert.Contains("has no value for \"corpusName\"", page.Find("[data-testid=import-error]").TextContent));
        Assert.Contains("shared.crnn", page.Find("[data-testid=import-error]").TextContent);
        Assert.Empty(_lab.Service<RunStore>().ListRuns());
        Assert.Contains("Import checkpoint", page.Find("[data-testid=import-button]").TextContent);
    }

    /// <summary>The fixture's trained checkpoint with <c>"corpusName": null</c> in its meta.json.</summary>
    private byte[] WithNullCorpusName()
    {
        var buffer = new MemoryStream();
        buffer.Write(File.ReadAllBytes(CheckpointFile.PathFor(trained.Lab.Service<RunManager>().RunDirectory(trained.RunId))));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("meta.json")!;
            JsonObject meta;
            using (var read = entry.Open()) meta = JsonNode.Parse(read)!.AsObject();
            meta["corpusName"] = null;
            entry.Delete();
            using var write = zip.CreateEntry("meta.json").Open();
            write.Write(System.Text.Encoding.UTF8.GetBytes(meta.ToJsonString()));
        }
        return buffer.ToArray();
    }
}
