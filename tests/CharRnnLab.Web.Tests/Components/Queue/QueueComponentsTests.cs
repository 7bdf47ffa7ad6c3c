using Bunit;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Components.Queue;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Queue;

/// <summary>The queue panel and the presets form on a real lab whose slot is held by a long run.</summary>
public sealed class QueueComponentsTests : LabComponentContext
{
    private LabHost _lab = null!;
    private string _corpusId = "", _holder = "";

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
        _holder = (await _lab.Service<RunManager>().StartAsync(LabHost.TinyRun(_corpusId))).Id;
        AddRunsPageServices(_lab);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.StopRunAsync(_holder);
        await _lab.DisposeAsync();
    }

    private static IEnumerable<string> Shown(IRenderedComponent<QueuePanel> panel) =>
        panel.FindAll("[data-testid=queue-entry]").Select(r => r.GetAttribute("data-queue-id")!);

    [Fact]
    public void The_panel_follows_the_queue_and_its_buttons_move_and_remove_entries()
    {
        var queue = _lab.Service<RunQueue>();
        var panel = Render<QueuePanel>(_ => { });
        Assert.NotNull(panel.Find("[data-testid=queue-empty]"));

        var entries = queue.Enqueue([LabHost.TinyRun(_corpusId) with { Name = "a" }, LabHost.TinyRun(_corpusId) with { Name = "b" }]);
        panel.WaitForAssertion(() => Assert.Equal(entries.Select(e => e.Id), Shown(panel)));

        panel.FindAll("[data-testid=queue-down]")[0].Click();
        Assert.Equal([entries[1].Id, entries[0].Id], Shown(panel));
        Assert.Equal([entries[1].Id, entries[0].Id], queue.List().Select(e => e.Id));

        panel.FindAll("[data-testid=queue-remove]")[1].Click();
        Assert.Equal([entries[1].Id], Shown(panel));
        Assert.Equal([entries[1].Id], queue.List().Select(e => e.Id));
    }

    [Fact]
    public async Task The_preset_shows_its_parameter_matched_runs_then_enqueues_them_and_opens_compare()
    {
        var form = Render<QueuePresetForm>(_ => { });
        Assert.Empty(form.FindAll("[data-testid=queue-plan-row]"));

        await form.InvokeAsync(() => form.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync(_corpusId));
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("[data-testid=queue-plan-row]").Count));
        var hidden = form.FindAll("[data-testid=queue-plan-hidden]").Select(c => int.Parse(c.TextContent)).ToList();
        Assert.Equal(64, hidden[0]);
        Assert.True(hidden[1] > 64 && hidden[2] > hidden[1], string.Join(", ", hidden));

        form.Find("[data-testid=queue-enqueue]").Click();

        var queued = _lab.Service<RunQueue>().List();
        Assert.Equal(["LSTM", "GRU", "RNN"], queued.Select(e => e.Config.Model.Cell.ToString().ToUpperInvariant()));
        Assert.Equal(hidden, queued.Select(e => e.Config.Model.Hidden));
        Assert.EndsWith(CompareLinks.For([], queuedIds: queued.Select(e => e.Id)), Navigation.Uri);
    }

    [Fact]
    public async Task The_batch_and_sequence_fields_set_the_minibatch_of_the_enqueued_runs()
    {
        var form = Render<QueuePresetForm>(_ => { });
        await form.InvokeAsync(() => form.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync(_corpusId));
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("[data-testid=queue-plan-row]").Count));
        Assert.Equal(QueuePresets.DefaultMinibatch.Batch.ToString(), form.Find("[data-testid=queue-field-batch] input").GetAttribute("value"));

        form.Find("[data-testid=queue-field-batch] input").Input("50");
        form.Find("[data-testid=queue-field-seq] input").Input("7");
        form.Find("[data-testid=queue-enqueue]").Click();

        Assert.Equal([(50, 7), (50, 7), (50, 7)], _lab.Service<RunQueue>().List().Select(e => (e.Config.Training.Batch, e.Config.Training.Seq)));
    }
}
