using CharRnnLab.Core.Settings;
using Bunit;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Neurons;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

public sealed class NeuronSourceFormTests : LabComponentContext
{
    private static readonly RunSummary Run = new("run-1", "mixed · 2×128", "mixed", RunState.Completed, null, 100, 100, 1.2, 1.3, 100,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "mixed", RunConfig.Default);

    private static readonly CorpusInfo[] Corpora =
    [
        new("mixed", "Mixed", CorpusKinds.Bundled, "", null, true, null),
        new("dialogue", "Dialogue prose", CorpusKinds.Bundled, "", null, true, null),
        new("wiki", "Wiki markup", CorpusKinds.Bundled, "", null, true, null),
    ];

    private readonly List<(string RunId, NeuronTextRequest Request)> _recorded = [];

    private IRenderedComponent<NeuronSourceForm> RenderForm() =>
        Render<NeuronSourceForm>(p => p
            .Add(c => c.Runs, [Run])
            .Add(c => c.Corpora, Corpora)
            .Add(c => c.OnRecord, ((string RunId, NeuronTextRequest Request) choice) => _recorded.Add(choice)));

    /// <summary>Chooses as the select's menu would (its items render in the popover provider, outside the form).</summary>
    private static Task Choose<T>(IRenderedComponent<NeuronSourceForm> form, string testId, T value) =>
        form.InvokeAsync(() => form.FindComponents<MudSelect<T>>()
            .Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId)).Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task The_corpus_select_appears_only_for_another_corpus_and_defaults_to_one_the_run_did_not_train_on()
    {
        var form = RenderForm();
        Assert.Empty(form.FindAll("[data-testid=neuron-corpus-select]"));

        await Choose(form, "neuron-source-select", NeuronTextSource.OtherCorpus);

        form.Find("[data-testid=neuron-corpus-select]");
        var (runId, request) = Assert.Single(_recorded);
        Assert.Equal("run-1", runId);
        Assert.Equal(new NeuronTextRequest(NeuronTextSource.OtherCorpus, CorpusId: "dialogue"), request);

        await Choose(form, "neuron-source-select", NeuronTextSource.Sample);
        Assert.Empty(form.FindAll("[data-testid=neuron-corpus-select]"));
    }

    [Fact]
    public async Task Picking_another_corpus_records_its_slice_and_the_choice_is_kept_across_sources()
    {
        var form = RenderForm();
        await Choose(form, "neuron-source-select", NeuronTextSource.OtherCorpus);

        await Choose(form, "neuron-corpus-select", "wiki");
        await Choose(form, "neuron-source-select", NeuronTextSource.Validation);
        await Choose(form, "neuron-source-select", NeuronTextSource.OtherCorpus);

        Assert.Equal(["dialogue", "wiki", "wiki", "wiki"], _recorded.Select(r => r.Request.CorpusId));
        Assert.Equal(NeuronTextSource.OtherCorpus, _recorded[1].Request.Source);
        Assert.Equal(NeuronTextSource.Validation, _recorded[2].Request.Source);
    }

    [Fact]
    public async Task A_paste_at_the_limit_is_handed_over_whole_and_the_field_takes_more_than_the_limit()
    {
        var form = RenderForm();
        await Choose(form, "neuron-source-select", NeuronTextSource.Pasted);
        var field = form.Find("textarea");
        Assert.Equal(MessageLimits.MaxFieldChars.ToString(), field.GetAttribute("maxlength"));
        Assert.Contains("At most 50,000 characters", form.Markup);

        string text = new('a', NeuronTextRequest.MaxLength);
        await form.InvokeAsync(() => field.Change(text));
        await form.InvokeAsync(() => form.Find("[data-testid=neuron-record]").Click());

        Assert.Equal(text, Assert.Single(_recorded).Request.Pasted);
    }
}
