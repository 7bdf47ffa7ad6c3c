using Bunit;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class HyperparameterFormTests : LabComponentContext
{
    private static readonly CorpusInfo Corpus = new("upload-tiny", "tiny.txt", CorpusKinds.Uploaded, "", 100, true, "/tmp/tiny.txt");
    private static readonly StartRunRequest Valid = RunPresets.Apply(RunPresets.Tiny, new StartRunRequest { CorpusId = Corpus.Id });
    private StartRunRequest? _started;

    private IRenderedComponent<HyperparameterForm> RenderForm(StartRunRequest value, string? blocked = null) =>
        Render<HyperparameterForm>(p => p
            .Add(f => f.Value, value)
            .Add(f => f.Corpora, [Corpus])
            .Add(f => f.BlockedReason, blocked)
            .Add(f => f.OnStart, request => _started = request));

    private static bool StartDisabled(IRenderedComponent<HyperparameterForm> form) =>
        form.Find("[data-testid=start-run]").HasAttribute("disabled");

    [Fact]
    public void A_bad_hidden_size_is_explained_next_to_the_field_and_blocks_start()
    {
        var form = RenderForm(Valid with { Hidden = 0 });

        Assert.Contains("hidden size must be a whole number between 1 and 8192 (got 0).", form.Find("[data-testid=field-hidden]").TextContent);
        Assert.True(StartDisabled(form));
    }

    [Fact]
    public void Typing_fixes_are_validated_as_you_type()
    {
        var form = RenderForm(Valid);
        var layers = () => form.Find("[data-testid=field-layers] input");

        layers().Input("0");
        form.WaitForAssertion(() => Assert.Contains("layers must be a whole number between 1 and 16 (got 0).", form.Markup));
        Assert.True(StartDisabled(form));

        layers().Input("3");
        form.WaitForAssertion(() => Assert.DoesNotContain("layers must be", form.Markup));
        Assert.False(StartDisabled(form));
        Assert.Equal(3, form.Instance.Config.Model.Layers);
    }

    [Fact]
    public void Start_hands_over_the_edited_request()
    {
        var form = RenderForm(Valid);
        form.Find("[data-testid=field-hidden] input").Input("48");
        form.WaitForAssertion(() => Assert.Equal(48, form.Instance.Request.Hidden));

        form.Find("[data-testid=start-run]").Click();

        Assert.Equal(Valid with { Hidden = 48 }, _started);
    }

    [Fact]
    public void A_parent_re_rendering_with_the_value_it_gave_keeps_the_edits()
    {
        var form = RenderForm(Valid);
        form.Find("[data-testid=field-hidden] input").Input("48");

        form.Render(p => p.Add(f => f.Value, Valid).Add(f => f.Busy, true));

        Assert.Equal("48", form.Find("[data-testid=field-hidden] input").GetAttribute("value"));
        Assert.Equal(Valid, form.Instance.Value);
    }

    [Fact]
    public void A_new_value_from_the_parent_replaces_the_edits()
    {
        var form = RenderForm(Valid);
        form.Find("[data-testid=field-hidden] input").Input("48");

        form.Render(p => p.Add(f => f.Value, Valid with { Hidden = 96 }));

        Assert.Equal("96", form.Find("[data-testid=field-hidden] input").GetAttribute("value"));
    }

    [Fact]
    public void A_preset_sets_the_hyperparameters_and_keeps_the_corpus()
    {
        var form = RenderForm(Valid);

        form.Find("[data-testid=preset-karpathy]").Click();

        Assert.Equal(RunPresets.Karpathy.Config, form.Instance.Config);
        Assert.Equal(Corpus.Id, form.Instance.Request.CorpusId);
        Assert.Equal("512", form.Find("[data-testid=field-hidden] input").GetAttribute("value"));
    }

    [Fact]
    public void Every_setting_a_request_carries_has_a_field_the_rarer_ones_under_more_settings()
    {
        var form = RenderForm(Valid);

        foreach (var setting in RunRequests.Settings)
            Assert.Contains(setting.Label, form.Find($"[data-testid=field-{setting.Key}]").TextContent);
        Assert.NotNull(form.Find("[data-testid=more-settings] [data-testid=field-learningRateDecay]"));
        form.Find("[data-testid=field-learningRateDecay] input").Input("0.9");
        form.WaitForAssertion(() => Assert.Equal(0.9, form.Instance.Config.Training.LearningRateDecay));
        form.Find("[data-testid=start-run]").Click();
        Assert.Equal(0.9, _started!.LearningRateDecay);
    }

    [Fact]
    public void The_sample_schedule_is_typed_as_iterations_and_bad_text_stays_with_cores_message()
    {
        var form = RenderForm(Valid);
        var field = () => form.Find("[data-testid=field-sampleAt] input");
        Assert.Equal("none", field().GetAttribute("value"));

        field().Change("300, 100 2000");
        form.WaitForAssertion(() => Assert.Equal([100, 300, 2000], form.Instance.Config.Training.SampleAt.Iterations));
        Assert.Equal("100,300,2000", field().GetAttribute("value"));

        field().Change("100, soon");
        form.WaitForAssertion(() => Assert.Contains("'soon' is not a whole number", form.Find("[data-testid=field-sampleAt]").TextContent));
        Assert.Equal("100, soon", field().GetAttribute("value")); // what was typed stays, to be fixed
        Assert.True(StartDisabled(form));

        field().Change("100 1200");
        form.WaitForAssertion(() => Assert.False(StartDisabled(form)));
        form.Find("[data-testid=start-run]").Click();
        Assert.Equal(new Core.Training.SampleSchedule([100, 1200]), _started!.SampleAt);
    }

    [Fact]
    public void While_a_run_trains_start_is_disabled_and_says_why()
    {
        var form = RenderForm(Valid, blocked: "'x' is running.");

        Assert.True(StartDisabled(form));
        Assert.Contains("'x' is running.", form.Find("[data-testid=start-blocked]").TextContent);
        form.Find("[data-testid=start-run]").Click();
        Assert.Null(_started);
    }
}
