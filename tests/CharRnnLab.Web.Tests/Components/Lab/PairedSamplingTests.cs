using Bunit;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Components.Lab;

/// <summary>The sampling panel with edits: a paired sample, the two continuations side by side, the divergence and the KL strip.</summary>
public sealed class PairedSamplingTests : LabComponentContext
{
    private static readonly ModelConfig Lstm = new(CellType.Lstm, Layers: 2, Hidden: 4);
    private static readonly Intervention Clamp = new(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, -0.76f, From: 13);

    private IRenderedComponent<SamplingPanel> RenderPanel(IReadOnlyList<Intervention> edits, params string[] warnings) =>
        Render<SamplingPanel>(p => p.Add(s => s.RunId, "run-1").Add(s => s.SampleOnOpen, false).Add(s => s.Model, Lstm)
            .Add(s => s.Edits, edits).Add(s => s.EditWarnings, warnings));

    private void SampleNow(IRenderedComponent<SamplingPanel> panel)
    {
        panel.Find("[data-testid=sample-button]").Click();
        Time.Advance(SamplingPanel.DebounceDelay);
    }

    [Fact]
    public void With_an_edit_the_panel_samples_both_continuations_from_one_seed_and_marks_where_they_part()
    {
        var panel = RenderPanel([Clamp]);

        SampleNow(panel);

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=paired-sample]")));
        var (seed, edits) = Assert.Single(Sampler.PairedRequests);
        Assert.Equal(42, seed);
        Assert.Equal([Clamp], edits);
        Assert.Empty(Sampler.Requests);
        var unedited = panel.FindAll("[data-testid=unedited-text] span[data-c]");
        var edited = panel.FindAll("[data-testid=edited-text] span[data-c]");
        Assert.Equal(Sampler.Text, string.Concat(unedited.Select(s => s.TextContent)));
        Assert.Equal(Sampler.EditedText, string.Concat(edited.Select(s => s.TextContent)));
        int first = Enumerable.Range(0, Sampler.Text.Length).First(n => Sampler.Text[n] != Sampler.EditedText[n]);
        Assert.Equal([first], Marked(unedited));
        Assert.Equal([first], Marked(edited));
        Assert.Equal(first.ToString(), panel.Find("[data-testid=paired-sample]").GetAttribute("data-first-divergence"));
        Assert.Contains("clamp 1:c:3=-0.76@13", panel.Find("[data-testid=paired-edited]").TextContent);
        Assert.Equal("[[\"x\",0.5],[\"x\",0.5],[\"x\",0.25]]", edited[first].GetAttribute("data-c")); // the hover candidates are kept
    }

    [Fact]
    public void The_kl_strip_has_one_cell_per_generated_character_coloured_by_its_kl_with_the_number_on_hover()
    {
        var panel = RenderPanel([Clamp]);

        SampleNow(panel);

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=kl-cell]")));
        var cells = panel.FindAll("[data-testid=kl-cell]");
        Assert.Equal(Sampler.EditedText.Length, cells.Count);
        var result = Sampler.LastPaired!;
        double max = result.Kl.Max();
        for (int n = 0; n < cells.Count; n++)
        {
            Assert.Contains($"background:{ActivationColours.For(result.Kl[n] / max)}", cells[n].GetAttribute("style"));
            Assert.Contains($"KL {result.Kl[n]:0.0000} nats", cells[n].GetAttribute("title"));
        }
        Assert.Equal([result.FirstDivergence!.Value], cells.Select((c, n) => (c, n)).Where(x => x.c.ClassList.Contains("diverged")).Select(x => x.n));
    }

    [Fact]
    public void Without_a_seed_the_seed_drawn_for_both_is_shown()
    {
        var panel = RenderPanel([Clamp]);

        panel.Find("input[data-testid=seed-input]").Change("");
        Time.Advance(SamplingPanel.DebounceDelay);

        panel.WaitForAssertion(() => Assert.Contains($"seed {Sampler.DrawnSeed} for both", panel.Find("[data-testid=sampled-caption]").TextContent));
        Assert.Null(Assert.Single(Sampler.PairedRequests).Seed);
    }

    [Fact]
    public void Edits_given_from_outside_that_the_model_refuses_are_left_out_with_a_warning_and_the_rest_kept()
    {
        var tooFar = new Intervention(0, 9, InterventionTarget.Hidden, InterventionAction.Clamp, 1f);

        var panel = RenderPanel([tooFar, Clamp], "Left out of the link's edits: '1:q:3=1': KIND must be c.");

        var warnings = panel.FindAll("[data-testid=edit-warning]").Select(w => w.TextContent).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("KIND must be c", warnings[0]);
        Assert.Contains("there is no unit 9", warnings[1]);
        Assert.Equal(["1:c:3=-0.76@13"], panel.FindAll("[data-testid=edit-chip]").Select(c => c.GetAttribute("data-edit")));
    }

    [Fact]
    public void Removing_the_last_edit_returns_to_plain_sampling()
    {
        var panel = RenderPanel([Clamp]);

        panel.Find("[data-testid=edit-remove]").Click();
        Time.Advance(SamplingPanel.DebounceDelay);

        panel.WaitForAssertion(() => Assert.Single(Sampler.Requests));
        Assert.Empty(Sampler.PairedRequests);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=sampled-text]")));
        Assert.Empty(panel.FindAll("[data-testid=paired-sample]"));
    }

    [Fact]
    public void Without_its_editor_the_panel_samples_under_the_list_it_is_handed_and_plainly_once_the_list_is_empty()
    {
        var panel = Render<SamplingPanel>(p => p.Add(s => s.RunId, "run-1").Add(s => s.SampleOnOpen, false).Add(s => s.Model, Lstm)
            .Add(s => s.ShowEditor, false).Add(s => s.Edits, [Clamp]));
        Assert.Empty(panel.FindAll("[data-testid=intervention-editor]"));

        SampleNow(panel);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=paired-sample]")));
        panel.Render(p => p.Add(s => s.Edits, []));
        Time.Advance(SamplingPanel.DebounceDelay);

        Assert.Equal([Clamp], Assert.Single(Sampler.PairedRequests).Edits);
        panel.WaitForAssertion(() => Assert.Single(Sampler.Requests));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=sampled-text]")));
        Assert.Empty(panel.FindAll("[data-testid=paired-sample]"));
    }

    private static int[] Marked(IEnumerable<AngleSharp.Dom.IElement> spans) =>
        spans.Select((s, n) => (s, n)).Where(x => x.s.ClassList.Contains("diverged")).Select(x => x.n).ToArray();
}
