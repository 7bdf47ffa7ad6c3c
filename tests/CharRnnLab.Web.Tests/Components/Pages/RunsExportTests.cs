using Bunit;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Pages;

/// <summary>The Runs page offers a run's weights for PyTorch once it has a checkpoint.</summary>
public sealed class RunsExportTests(TrainedRunFixture trained) : LabComponentContext, IClassFixture<TrainedRunFixture>
{
    public override Task InitializeAsync()
    {
        AddRunsPageServices(trained.Lab);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_checkpointed_run_has_a_download_link_to_its_safetensors()
    {
        var page = Render<CharRnnLab.Web.Components.Pages.Runs>(_ => { });

        var link = page.Find($"[data-run-id='{trained.RunId}']").ParentElement!.QuerySelector("[data-testid=export-run]")!;

        Assert.Equal(RunExportEndpoints.SafetensorsUrl(trained.RunId), link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }
}
