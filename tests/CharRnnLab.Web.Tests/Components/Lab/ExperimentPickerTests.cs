using Bunit;
using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class ExperimentPickerTests : LabComponentContext
{
    private static readonly CorpusInfo Tiny = new("tiny-shakespeare", "Tiny Shakespeare", CorpusKinds.Downloaded, "", 1_115_394, true, "/tmp/t.txt");
    private static readonly CorpusInfo Complete = new("shakespeare-complete", "The Complete Works", CorpusKinds.Catalog, "", 5_600_000, false, null);
    private static readonly CorpusInfo Essay = new("paul-graham-essay", "One essay", CorpusKinds.Catalog, "", 75_000, false, null);
    private static readonly CorpusInfo Mine = new("upload-mine", "mine.txt", CorpusKinds.Uploaded, "", 10, true, "/tmp/m.txt");

    private readonly FakeLabCorpora _corpora = new((Tiny, "abc"), (Complete, "def"), (Essay, "ghi"), (Mine, "jkl"));
    private readonly List<StartRunRequest> _requests = [];
    private int _listed;

    public override Task InitializeAsync()
    {
        Services.AddSingleton<ILabCorpora>(_corpora);
        return Task.CompletedTask;
    }

    private IRenderedComponent<ExperimentPicker> RenderPicker(string experiment)
    {
        var picker = Render<ExperimentPicker>(p => p
            .Add(e => e.Request, new StartRunRequest { CorpusId = Mine.Id })
            .Add(e => e.Corpora, _corpora.List())
            .Add(e => e.RequestChanged, r => _requests.Add(r))
            .Add(e => e.CorporaChanged, () => _listed++));
        picker.Find($"[data-testid=experiment-{experiment}]").Click();
        return picker;
    }

    [Fact]
    public void An_experiment_shows_the_posts_setting_beside_the_cpu_one()
    {
        var picker = RenderPicker("shakespeare");

        Assert.Equal(ExperimentPresets.Shakespeare.SideBySide, picker.Find("[data-testid=experiment-side-by-side]").TextContent);
        Assert.Contains("the post: 3×512, dropout 0.5", picker.Find("[data-testid=experiment-post]").TextContent);
        Assert.Contains("here: 2×128", picker.Find("[data-testid=experiment-here]").TextContent);
        Assert.Contains("corpus: Tiny Shakespeare", picker.Find("[data-testid=experiment-here]").TextContent);
        Assert.Contains("5.6 MB to download", picker.Find("[data-testid=experiment-post]").TextContent);
        Assert.Empty(picker.FindAll("[data-testid=experiment-corpus-note]"));
    }

    [Fact]
    public void Use_hands_over_the_variants_settings_on_its_corpus_when_the_lab_has_it()
    {
        var picker = RenderPicker("shakespeare");

        picker.Find("[data-testid=experiment-here] [data-testid=experiment-use]").Click();
        picker.Find("[data-testid=experiment-post] [data-testid=experiment-use]").Click();

        var (cpu, post) = (RunRequests.Read(_requests[0]), RunRequests.Read(_requests[1]));
        Assert.Equal((Tiny.Id, ExperimentPresets.Shakespeare.Here.Config), (_requests[0].CorpusId, cpu.Config));
        Assert.Equal((Mine.Id, ExperimentPresets.Shakespeare.ThePost.Config), (_requests[1].CorpusId, post.Config)); // not downloaded: the corpus stays
        Assert.Equal("Shakespeare (here)", _requests[0].Name);
    }

    [Fact]
    public void A_missing_corporaue_corpus_is_downloaded_and_becomes_the_requests()
    {
        var picker = RenderPicker("shakespeare");
        Assert.Single(picker.FindAll("[data-testid=experiment-download]")); // the CPU variant's corpus is there already

        picker.Find("[data-testid=experiment-post] [data-testid=experiment-download]").Click();

        picker.WaitForAssertion(() => Assert.Equal(Complete.Id, Assert.Single(_requests).CorpusId));
        Assert.Equal(1, _listed);
        Assert.Equal(CorpusKinds.Downloaded, _corpora.List().Single(c => c.Id == Complete.Id).Kind);
    }

    [Fact]
    public void A_failed_download_says_why_and_changes_nothing()
    {
        _corpora.DownloadError = new CorpusException("gutenberg.org did not answer.");
        var picker = RenderPicker("shakespeare");

        picker.Find("[data-testid=experiment-post] [data-testid=experiment-download]").Click();

        picker.WaitForAssertion(() => Assert.Equal("gutenberg.org did not answer.", picker.Find("[data-testid=experiment-error]").TextContent));
        Assert.Empty(_requests);
        Assert.Equal(0, _listed);
    }

    [Fact]
    public void Paul_graham_explains_why_the_essays_cannot_be_fetched_and_points_to_building_them()
    {
        var picker = RenderPicker("paul-graham");

        Assert.Contains("can neither ship nor fetch", picker.Find("[data-testid=experiment-corpus-note]").TextContent);
        Assert.Equal("/corpora", picker.Find("[data-testid=experiment-build-link]").GetAttribute("href"));
        Assert.Contains($"corpus '{ExperimentPresets.PaulGrahamCorpus}': not in the lab yet", picker.Find("[data-testid=experiment-post]").TextContent);
        Assert.Empty(picker.FindAll("[data-testid=experiment-post] [data-testid=experiment-download]"));
        Assert.Single(picker.FindAll("[data-testid=experiment-here] [data-testid=experiment-download]")); // the one essay is in the catalogue
    }
}
