using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class NeuronHtmlExportTests
{
    private const string Text = "<script>alert('x')</script> & \"q\"\n\tend";

    [Fact]
    public void The_export_is_one_html_file_with_inline_style_and_no_markup_from_the_text()
    {
        var recording = SyntheticRecordings.Make(Text);

        string html = NeuronHtmlExport.Render(recording, new CellId(1, ActivationKind.TanhCell, 2));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("\">&lt;</span>", html); // one span per character, each encoded
        Assert.Contains("\">&gt;</span>", html);
        Assert.Contains("\">&amp;</span>", html);
        Assert.Contains("\">&quot;</span>", html);
        Assert.Contains("\">&#39;</span>", html);
        Assert.Contains("Layer 2 tanh(c) cell #2", html);
        Assert.Equal(recording.Recording.Characters, CountOf(html, "<span style=\"background:"));
    }

    [Fact]
    public void Each_character_is_coloured_by_the_cell_and_whitespace_is_marked()
    {
        var recording = SyntheticRecordings.Make(Text);
        var cell = new CellId(0, ActivationKind.ForgetGate, 1);

        string html = NeuronHtmlExport.Render(recording, cell);

        float gate = SyntheticRecordings.Value(0, ActivationKind.ForgetGate, 3, 1);
        Assert.Contains($"<span style=\"background:{ActivationColours.For(2.0 * gate - 1)}\"", html);
        Assert.Contains($"<span class=\"m\">{SymbolGlyphs.Show("\n")}</span></span>\n", html);
        Assert.Contains($"<span class=\"m\">{SymbolGlyphs.Show("\t")}</span>\t", html);
        Assert.Contains($"<span class=\"m\">{SymbolGlyphs.Show(" ")}</span>", html);
        Assert.DoesNotContain("␣", html); // the page's table, not a glyph of the export's own
        Assert.Equal("charrnn-run-1-layer1-forget_gate-1.html", NeuronHtmlExport.FileName(recording, cell));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
